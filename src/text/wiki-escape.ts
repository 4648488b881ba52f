// Escaping plain text for Jira wiki markup: only characters that could start or end markup where they
// stand are escaped, so ordinary text ("file-name", "a - b", "5*3") stays readable.

const EFFECT_MARKERS = new Set(['*', '_', '-', '+', '^', '~']);
const EMOTICON = /^\((?:[yn!ix?+\-/*]|on|off|\*[rgby]|flag|flagoff)\)/;

/** Where escaped text lands, which decides the extra characters to protect. */
export interface WikiEscapeContext {
  /** The text starts a line (list, heading and table markers matter there). */
  lineStart: boolean;
  /** Inside a table cell or link label, where `|` and `]` are separators. */
  separators: boolean;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

/** Escape text for wiki markup. */
export function escapeWikiText(text: string, context: WikiEscapeContext): string {
  let out = '';
  let lineStart = context.lineStart;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '\n') {
      out += char;
      lineStart = true;
      continue;
    }
    if (lineStart && /^(?:[*#-]+(?:\s|$)|\|)/.test(text.slice(i, i + 8))) out += '\\';
    else if (needsEscape(text, i, context)) out += '\\';
    out += char;
    if (!(lineStart && /[ \t]/.test(char))) lineStart = false;
  }
  return out;
}

function needsEscape(text: string, i: number, context: WikiEscapeContext): boolean {
  const char = text[i] as string;
  const previous = text[i - 1];
  const next = text[i + 1];
  switch (char) {
    case '{':
    case '[':
      return true;
    case '|':
    case ']':
      return context.separators;
    case '!':
      return !isSpace(next);
    case '?':
      return next === '?';
    case '(':
      return EMOTICON.test(text.slice(i, i + 9));
    default:
      if (!EFFECT_MARKERS.has(char)) return false;
      return (!isWordChar(previous) && !isSpace(next)) || (!isSpace(previous) && !isWordChar(next));
  }
}
