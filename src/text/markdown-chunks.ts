import type { Root } from 'mdast';
import { parseMarkdown } from './markdown-parse.js';

// The Markdown parser copies its whole event list each time a list or quote closes, so one big document
// costs quadratic time. Large input is therefore cut at top-level block boundaries and parsed in pieces.
// A cut is made only where it cannot change the result: after a blank line, before an unindented line that
// does not continue a list, outside fenced code and multi-line HTML blocks. Documents with link or footnote
// definitions (which must be seen by every reference) and ambiguous indented fences are never cut.

/** One parsed piece of a document; tree positions index into `source`. */
export interface MarkdownChunk {
  source: string;
  tree: Root;
}

const MIN_CHUNK = 16 * 1024;
// Anywhere, not only at a line start: definitions can sit in quotes and list items.
const DEFINITION = /\[(?:[^\]\\\n]|\\.)+\]:/;
const LIST_START = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HTML_BLOCKS: readonly [RegExp, RegExp][] = [
  [/^( {0,3})<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^( {0,3})<!--/, /-->/],
  [/^( {0,3})<\?/, /\?>/],
  [/^( {0,3})<!\[CDATA\[/, /\]\]>/],
  [/^( {0,3})<![A-Za-z]/, />/],
];

/** Parse Markdown, in independent pieces when it is large enough for that to matter. */
export function parseMarkdownChunks(markdown: string): MarkdownChunk[] {
  return splitMarkdown(markdown).map((source) => ({ source, tree: parseMarkdown(source) }));
}

/** Cut Markdown into pieces that parse to the same blocks as the whole. */
export function splitMarkdown(markdown: string): string[] {
  if (markdown.length < 2 * MIN_CHUNK || DEFINITION.test(markdown)) return [markdown];
  const chunks: string[] = [];
  let start = 0;
  let fence: { marker: string; size: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  let position = 0;
  while (position < markdown.length) {
    const newline = markdown.indexOf('\n', position);
    const next = newline === -1 ? markdown.length : newline + 1;
    const line = markdown.slice(position, newline === -1 ? next : newline).replace(/\r$/, '');
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      previousBlank = false;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      previousBlank = false;
    } else {
      const blank = /^[ \t]*$/.test(line);
      if (previousBlank && position - start >= MIN_CHUNK && /^[^ \t]/.test(line) && !LIST_START.test(line)) {
        chunks.push(markdown.slice(start, position));
        start = position;
      }
      const opened = openedBlock(line);
      if (opened === 'ambiguous') return [markdown];
      if (opened && 'marker' in opened) fence = opened;
      else if (opened) htmlEnd = opened.end;
      previousBlank = blank;
    }
    position = next;
  }
  chunks.push(markdown.slice(start));
  return chunks;
}

type Opened = { marker: string; size: number } | { end: RegExp } | 'ambiguous' | undefined;

// A fence or HTML block indented by one to three spaces may belong to a list item: give up cutting then.
function openedBlock(line: string): Opened {
  const fence = FENCE_OPEN.exec(line);
  if (fence && !(fence[2]?.startsWith('`') && fence[3]?.includes('`'))) {
    if (fence[1]) return 'ambiguous';
    return { marker: fence[2]?.[0] ?? '`', size: fence[2]?.length ?? 3 };
  }
  for (const [open, end] of HTML_BLOCKS) {
    const match = open.exec(line);
    if (!match) continue;
    if (match[1]) return 'ambiguous';
    return end.test(line.slice(match[0].length)) ? undefined : { end };
  }
  return undefined;
}

function closesFence(line: string, fence: { marker: string; size: number }): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return match !== null && match[1]?.[0] === fence.marker && (match[1]?.length ?? 0) >= fence.size;
}
