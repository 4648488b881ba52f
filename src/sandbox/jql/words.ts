/**
 * The vocabulary of JQL: keywords, reserved words and characters, and the rule for when a string may be
 * written without quotes. The lexer and the printer share these so that printed JQL always re-parses.
 */

/** Words with a grammatical role; they are never read as bare values or field names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'empty',
  'null',
  'order',
  'by',
  'asc',
  'desc',
  'was',
  'changed',
  'after',
  'before',
  'during',
  'on',
  'from',
  'to',
]);

/** Words Jira refuses unquoted even though JQL gives them no meaning (Jira's own list). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'abort access add alias all alter any as audit avg begin between boolean break byte catch char character ' +
    'check checkpoint collate collation column commit connect continue count create current date decimal ' +
    'declare decrement default defaults define delete delimiter difference distinct divide do double drop ' +
    'else encoding end equals escape exclusive exec execute exists explain false fetch file field first float ' +
    'for function go goto grant greater group having identified if immediate increment index initial inner ' +
    'inout input insert int integer intersect intersection into isempty isnull join last left less like limit ' +
    'lock long max min minus mode modify modulo more multiply next noaudit notin nowait number object of option ' +
    'outer output power previous prior privileges public raise raw remainder rename resource return returns ' +
    'revoke right row rowid rownum rows select session set share size sqrt start strict string subtract sum ' +
    'synonym table then trans transaction trigger true uid union unique update user validate values view when ' +
    'whenever where while with'
  ).split(' '),
);

/** Characters JQL keeps for itself: outside quotes they must be escaped. */
export const RESERVED_CHARS: ReadonlySet<string> = new Set([...'{}*/%+^$#@?;']);

/** Characters that end a bare word because they are tokens of their own. */
const DELIMITERS: ReadonlySet<string> = new Set([...' \t\n\r\f=!<>~(),[]"\'&|\\']);

/** Characters that may never appear raw, even inside quotes (control characters and non-characters). */
export function isIllegalChar(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff;
}

/** True for whitespace that separates tokens. */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

/** True when `ch` may appear unescaped inside a bare (unquoted) word. */
export function isWordChar(ch: string): boolean {
  return !DELIMITERS.has(ch) && !RESERVED_CHARS.has(ch) && !isIllegalChar(ch.charCodeAt(0));
}

/** The `\uXXXX` escape for one UTF-16 code unit, lower-case hex as Jira prints it. */
export function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

const NUMBER = /^-?\d+$/;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** True when a bare word is read as a number rather than a string. */
export function looksNumeric(text: string): boolean {
  return NUMBER.test(text);
}

/** True when a numeric word fits Jira's 64-bit numbers. */
export function fitsLong(text: string): boolean {
  const n = BigInt(text);
  return n >= LONG_MIN && n <= LONG_MAX;
}

/** Where a bare word is going to be printed: field names have one extra spelling (`cf`) to avoid. */
export type WordRole = 'value' | 'field' | 'function' | 'argument';

/** True when `text` re-parses as the same string if printed without quotes. */
export function canBeBare(text: string, role: WordRole): boolean {
  if (text.length === 0) return false;
  for (const ch of text) if (!isWordChar(ch)) return false;
  const lower = text.toLowerCase();
  if (KEYWORDS.has(lower) || RESERVED_WORDS.has(lower)) return false;
  if (role === 'field' && lower === 'cf') return false;
  // A numeric-looking argument stays a string either way (if it lexes), but a value or name would change kind.
  if (looksNumeric(text) && (role !== 'argument' || !fitsLong(text))) return false;
  return true;
}

/** `text` as a double-quoted JQL string with the escapes the lexer understands. */
export function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isIllegalChar(code)) out += unicodeEscape(code);
    else out += ch;
  }
  return `${out}"`;
}

/** `text` bare when that is safe, else quoted. */
export function formatWord(text: string, role: WordRole): string {
  return canBeBare(text, role) ? text : quote(text);
}
