/**
 * The JQL lexer: turns text into tokens with 1-based line/character positions, reporting Jira's exact
 * messages for unfinished strings, bad escapes, reserved characters, illegal characters and huge numbers.
 */
import { type JqlPosition, syntaxError } from './errors.js';
import {
  fitsLong,
  isIllegalChar,
  isSpace,
  isWordChar,
  KEYWORDS,
  looksNumeric,
  RESERVED_CHARS,
  unicodeEscape,
} from './words.js';

/** Token kinds: bare words, quoted strings, numbers, keywords, symbols and the end. */
export type TokenType = 'word' | 'quoted' | 'number' | 'keyword' | 'symbol' | 'eof';

/** One token with its position. */
export interface Token extends JqlPosition {
  type: TokenType;
  /** Decoded text: the string's content, the lower-case keyword, the symbol, the number's digits. */
  value: string;
  /** How the token is named in error messages. */
  text: string;
  /** A bare word written with escapes (never a keyword or a reserved word then). */
  escaped: boolean;
}

const VALID_ESCAPES = "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  t: '\t',
  n: '\n',
  r: '\r',
  '\\': '\\',
  ' ': ' ',
};
const TWO_CHAR_SYMBOLS: ReadonlySet<string> = new Set(['!=', '!~', '<=', '>=', '&&', '||']);
const ONE_CHAR_SYMBOLS: ReadonlySet<string> = new Set([...'()[],=~<>!&|']);

/** Splits JQL into tokens, ending with an `eof` token; throws JqlError on the first lexical error. */
export function tokenize(source: string): Token[] {
  return new Lexer(source).run();
}

class Lexer {
  private i = 0;
  private line = 1;
  private character = 1;
  private readonly tokens: Token[] = [];

  constructor(private readonly src: string) {}

  run(): Token[] {
    while (this.i < this.src.length) {
      const ch = this.src.charAt(this.i);
      if (isSpace(ch)) this.advance();
      else if (ch === '"' || ch === "'") this.quoted(ch);
      else if (ONE_CHAR_SYMBOLS.has(ch)) this.symbol();
      else if (RESERVED_CHARS.has(ch)) throw this.reservedChar(ch);
      else if (isIllegalChar(ch.charCodeAt(0))) throw this.illegalChar();
      else this.word();
    }
    this.tokens.push({ type: 'eof', value: '', text: '', escaped: false, ...this.here() });
    return this.tokens;
  }

  private here(): JqlPosition {
    return { line: this.line, character: this.character };
  }

  private advance(): string {
    const ch = this.src.charAt(this.i);
    this.i++;
    // "\r\n" is one line break: the "\r" only moves along the line.
    if (ch === '\n' || (ch === '\r' && this.src.charAt(this.i) !== '\n')) {
      this.line++;
      this.character = 1;
    } else {
      this.character++;
    }
    return ch;
  }

  private symbol(): void {
    const start = this.here();
    const two = this.src.slice(this.i, this.i + 2);
    const text = TWO_CHAR_SYMBOLS.has(two) ? two : this.src.charAt(this.i);
    for (let k = 0; k < text.length; k++) this.advance();
    this.tokens.push({ type: 'symbol', value: text, text, escaped: false, ...start });
  }

  private quoted(quoteChar: string): void {
    const start = this.here();
    this.advance();
    let value = '';
    let raw = '';
    for (;;) {
      if (this.i >= this.src.length) throw unfinishedString(raw, start);
      const ch = this.src.charAt(this.i);
      if (ch === quoteChar) {
        this.advance();
        break;
      }
      if (ch === '\\') {
        const before = this.i;
        value += this.escape();
        raw += this.src.slice(before, this.i);
      } else if (isIllegalChar(ch.charCodeAt(0))) {
        throw this.illegalChar();
      } else {
        value += this.advance();
        raw += ch;
      }
    }
    this.tokens.push({ type: 'quoted', value, text: value, escaped: false, ...start });
  }

  private word(): void {
    const start = this.here();
    const from = this.i;
    let value = '';
    let escaped = false;
    while (this.i < this.src.length) {
      const ch = this.src.charAt(this.i);
      if (ch === '\\') {
        value += this.escape();
        escaped = true;
      } else if (isWordChar(ch)) {
        value += this.advance();
      } else {
        break;
      }
    }
    const text = this.src.slice(from, this.i);
    const lower = text.toLowerCase();
    if (!escaped && KEYWORDS.has(lower)) {
      this.tokens.push({ type: 'keyword', value: lower, text, escaped, ...start });
    } else if (!escaped && looksNumeric(text)) {
      if (!fitsLong(text)) {
        throw syntaxError(
          `'${text}' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807.`,
          start,
        );
      }
      this.tokens.push({ type: 'number', value: text, text, escaped, ...start });
    } else {
      this.tokens.push({ type: 'word', value, text, escaped, ...start });
    }
  }

  /** Reads one escape sequence starting at the backslash and returns the character it stands for. */
  private escape(): string {
    const start = this.here();
    this.advance();
    if (this.i >= this.src.length) {
      throw syntaxError(`The escape sequence has not been completed. ${VALID_ESCAPES}`, start);
    }
    const kind = this.advance();
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) return simple;
    if (kind !== 'u') throw badEscape(`\\${kind}`, start);
    let hex = '';
    while (hex.length < 4) {
      if (this.i >= this.src.length) throw badEscape(`\\u${hex}`, start);
      const ch = this.advance();
      if (!/[0-9a-fA-F]/.test(ch)) throw badEscape(`\\u${hex}${ch}`, start);
      hex += ch;
    }
    return String.fromCharCode(Number.parseInt(hex, 16));
  }

  private reservedChar(ch: string) {
    return syntaxError(
      `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '${unicodeEscape(ch.charCodeAt(0))}' instead.`,
      this.here(),
    );
  }

  private illegalChar() {
    const code = this.src.charCodeAt(this.i);
    const at = this.here();
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return syntaxError(
      `The character '${name}' on line ${at.line} at position ${at.character} must be escaped. Use the escape '${unicodeEscape(code)}' instead.`,
      at,
    );
  }
}

function badEscape(sequence: string, at: JqlPosition) {
  return syntaxError(`'${sequence}' is an illegal JQL escape sequence. ${VALID_ESCAPES}`, at);
}

function unfinishedString(raw: string, at: JqlPosition) {
  // Jira shows line breaks inside the unfinished string as spaces.
  const shown = raw.replace(/\r\n|\r|\n/g, ' ');
  const detail =
    shown.length === 0
      ? 'The quoted string has not been completed.'
      : `The quoted string '${shown}' has not been completed.`;
  return syntaxError(detail, at);
}
