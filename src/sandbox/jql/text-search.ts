/**
 * The `~` text search: a small query language (words, "phrases", prefix* and te?t wildcards, OR, NOT
 * or -word) matched against words of the document, case-insensitively and with light English stemming
 * (so `test` finds "tests" and "testing"). Words are ANDed unless joined by OR, as in Jira.
 */

/** One document, split into separately searchable segments (summary, description, each comment). */
export type TextDocument = readonly Segment[];

interface Segment {
  words: readonly string[];
  stems: readonly string[];
}

type WordMatcher = { stem: string } | { pattern: RegExp; prefix: string };

interface Term {
  negated: boolean;
  /** One matcher per word; several make a phrase. */
  words: WordMatcher[];
}

/** Alternatives (OR) of conjunctions (AND) of terms. */
export type TextQuery = Term[][];

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const ASCII_WORD_SPLIT = /[^a-z0-9]+/;
const NON_ASCII = /[\u0080-\uffff]/;
/** Stems of words seen so far: documents repeat words a lot. Cleared when large to bound memory. */
const stemCache = new Map<string, string>();

function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size > 100_000) stemCache.clear();
    s = stem(word);
    stemCache.set(word, s);
  }
  return s;
}
const QUERY_WORD_SPLIT = /[^\p{L}\p{N}*?]+/u;

/** Lower-cases and strips common English endings; both sides of a match go through it. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const last = w.charAt(w.length - 1);
  return w.length > 2 && last === w.charAt(w.length - 2) && !'lsz'.includes(last) ? w.slice(0, -1) : w;
}

/** Splits one text into a searchable segment. */
export function segment(text: string): Segment {
  const lower = text.toLowerCase();
  // The Unicode-aware split is several times slower; most text is ASCII.
  const words = lower.split(NON_ASCII.test(lower) ? WORD_SPLIT : ASCII_WORD_SPLIT).filter(Boolean);
  return { words, stems: words.map(cachedStem) };
}

function matcher(word: string): WordMatcher {
  if (!/[*?]/.test(word)) return { stem: stem(word) };
  const body = word
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  const prefix = word.toLowerCase().split(/[*?]/)[0] ?? '';
  return { pattern: new RegExp(`^${body}$`, 'u'), prefix };
}

/** Why a text query cannot be used, in Jira's words; null when it is fine. */
export type TextProblem = { kind: 'empty' } | { kind: 'unparsable' } | { kind: 'leading'; char: string };

/** Parses a `~` value; returns the query or the problem Jira would report. */
export function parseTextQuery(text: string): TextQuery | TextProblem {
  if (text.trim().length === 0) return { kind: 'empty' };
  const first = text.trim().charAt(0);
  if (first === '*' || first === '?') return { kind: 'leading', char: first };
  if ((text.match(/"/g) ?? []).length % 2 !== 0) return { kind: 'unparsable' };
  const alternatives: TextQuery = [[]];
  let negateNext = false;
  for (const raw of text.match(/"[^"]*"|\S+/g) ?? []) {
    if (raw === 'OR' || raw === '||') {
      alternatives.push([]);
      continue;
    }
    if (raw === 'AND' || raw === '&&' || raw === '+') continue;
    if (raw === 'NOT' || raw === '!' || raw === '-') {
      negateNext = true;
      continue;
    }
    let token = raw;
    let negated = negateNext;
    negateNext = false;
    if (token.startsWith('-') || token.startsWith('!')) {
      negated = true;
      token = token.slice(1);
    } else if (token.startsWith('+')) token = token.slice(1);
    // Fuzzy (~2) and boost (^3) suffixes tune ranking in Jira; they do not change what matches here.
    token = token.replace(/[~^][\d.]*$/, '').replace(/^"|"$/g, '');
    const words = token.split(QUERY_WORD_SPLIT).filter((w) => w.length > 0 && !/^[*?]+$/.test(w));
    if (words.length > 0) alternatives[alternatives.length - 1]?.push({ negated, words: words.map(matcher) });
  }
  return alternatives.filter((a) => a.length > 0);
}

/** True when `query` is a parsed query rather than a problem. */
export function isTextQuery(value: TextQuery | TextProblem): value is TextQuery {
  return Array.isArray(value);
}

function wordMatches(m: WordMatcher, seg: Segment, i: number): boolean {
  return 'stem' in m ? seg.stems[i] === m.stem : m.pattern.test(seg.words[i] ?? '');
}

function termIn(term: Term, doc: TextDocument): boolean {
  const n = term.words.length;
  for (const seg of doc) {
    for (let i = 0; i + n <= seg.words.length; i++) {
      let all = true;
      for (let k = 0; k < n && all; k++) all = wordMatches(term.words[k] as WordMatcher, seg, i + k);
      if (all) return true;
    }
  }
  return false;
}

function occurrences(term: Term, doc: TextDocument): number {
  const n = term.words.length;
  let count = 0;
  for (const seg of doc) {
    for (let i = 0; i + n <= seg.words.length; i++) {
      let all = true;
      for (let k = 0; k < n && all; k++) all = wordMatches(term.words[k] as WordMatcher, seg, i + k);
      if (all) count++;
    }
  }
  return count;
}

/** A relevance score: how often the query's positive terms occur in the document. */
export function scoreText(query: TextQuery, doc: TextDocument): number {
  let score = 0;
  for (const terms of query) {
    for (const term of terms) if (!term.negated) score += occurrences(term, doc);
  }
  return score;
}

/**
 * A cheap pre-test on the lower-cased raw text: false only when the query cannot match, because a word
 * every alternative needs does not even occur as a substring. Stems are prefixes of their words (after
 * dropping a final "y", which stands for "ies"), so the test is safe.
 */
export function mayMatch(query: TextQuery): (lowerText: string) => boolean {
  const needs = query.map((terms) =>
    terms
      .filter((t) => !t.negated)
      .flatMap((t) => t.words.map((m) => ('stem' in m ? m.stem.replace(/y$/, '') : m.prefix)))
      .filter((core) => core.length > 0),
  );
  if (needs.some((cores) => cores.length === 0)) return () => true;
  return (text) => needs.some((cores) => cores.every((core) => text.includes(core)));
}

/** True when the document satisfies the query. An empty query matches nothing. */
export function matchesText(query: TextQuery, doc: TextDocument): boolean {
  return query.some((terms) => terms.every((t) => termIn(t, doc) !== t.negated));
}
