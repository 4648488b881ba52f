import type { BlockContent, List, ListItem, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { wikiPanelAlert } from './wiki-panels.js';
import { parseWikiInline } from './wiki-parse-inline.js';
import './mdast-jira-nodes.js';

// Jira wiki markup blocks → mdast. Line based: a blank line ends a paragraph; {code}, {noformat}, {quote}
// and {panel} run to their closing tag; list and table lines group with their neighbours.

const HEADING = /^h([1-6])\.\s*(.*)$/;
const QUOTE_LINE = /^bq\.\s*(.*)$/;
const RULE = /^-{4,}\s*$/;
const LIST_LINE = /^(?:([*#]+)|(-))(?:\s+(.*))?$/;
const BLOCK_MACRO = /^\{(code|noformat|quote|panel|info|note|tip|warning|success)(?::([^}]*))?\}/;
const TASK_BOX = /^([☐☑])\s+/;
const MAX_DEPTH = 32;

/** Parse wiki markup into mdast block nodes. */
export function parseWikiBlocks(wiki: string, depth = 0): RootContent[] {
  const lines = wiki.replace(/\r\n?/g, '\n').split('\n');
  const out: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (!trimmed) {
      i += 1;
      continue;
    }
    const macro = depth < MAX_DEPTH ? BLOCK_MACRO.exec(trimmed) : null;
    if (macro) {
      i = parseMacro(lines, i, macro, out, depth);
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      const level = Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6;
      out.push({ type: 'heading', depth: level, children: parseWikiInline(heading[2] ?? '') });
      i += 1;
      continue;
    }
    const quote = QUOTE_LINE.exec(trimmed);
    if (quote) {
      out.push({
        type: 'blockquote',
        children: [{ type: 'paragraph', children: parseWikiInline(quote[1] ?? '') }],
      });
      i += 1;
      continue;
    }
    if (RULE.test(trimmed)) {
      out.push({ type: 'thematicBreak' });
      i += 1;
      continue;
    }
    if (LIST_LINE.test(trimmed)) {
      i = parseList(lines, i, out);
      continue;
    }
    if (trimmed.startsWith('|')) {
      i = parseTable(lines, i, out);
      continue;
    }
    i = parseParagraph(lines, i, out);
  }
  return out;
}

function startsBlock(trimmed: string): boolean {
  return (
    !trimmed ||
    BLOCK_MACRO.test(trimmed) ||
    HEADING.test(trimmed) ||
    QUOTE_LINE.test(trimmed) ||
    RULE.test(trimmed) ||
    LIST_LINE.test(trimmed) ||
    trimmed.startsWith('|')
  );
}

function parseParagraph(lines: string[], start: number, out: RootContent[]): number {
  const parts: string[] = [];
  let i = start;
  while (i < lines.length && (i === start || !startsBlock((lines[i] as string).trim()))) {
    parts.push((lines[i] as string).trim());
    i += 1;
  }
  const children = parseWikiInline(parts.join('\n'));
  if (children.length > 0) out.push({ type: 'paragraph', children });
  return i;
}

// The body of a block macro runs to the next closing tag of the same name, possibly on the same line.
function parseMacro(
  lines: string[],
  start: number,
  macro: RegExpExecArray,
  out: RootContent[],
  depth: number,
): number {
  const name = macro[1] as string;
  const params = macro[2] ?? '';
  const first = lines[start] as string;
  const closeTag = `{${name}}`;
  const bodyLines: string[] = [];
  let rest = first.slice(first.indexOf(macro[0]) + macro[0].length);
  let i = start;
  for (;;) {
    const close = indexOfUnescaped(rest, closeTag);
    if (close !== -1) {
      bodyLines.push(rest.slice(0, close));
      const after = rest.slice(close + closeTag.length);
      if (after.trim()) lines[i] = after;
      else i += 1;
      break;
    }
    bodyLines.push(rest);
    i += 1;
    if (i >= lines.length) break;
    rest = lines[i] as string;
  }
  const body = trimBlankEdges(bodyLines).join('\n');
  out.push(macroToMdast(name, params, body, depth));
  return i;
}

function indexOfUnescaped(text: string, tag: string): number {
  let from = 0;
  for (;;) {
    const index = text.indexOf(tag, from);
    if (index <= 0 || text[index - 1] !== '\\') return index;
    from = index + 1;
  }
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !(lines[start] as string).trim()) start += 1;
  while (end > start && !(lines[end - 1] as string).trim()) end -= 1;
  return lines.slice(start, end);
}

function macroToMdast(name: string, params: string, body: string, depth: number): RootContent {
  if (name === 'code' || name === 'noformat') {
    const language = name === 'code' ? codeLanguage(params) : null;
    return { type: 'code', lang: language, meta: null, value: body };
  }
  const children = parseWikiBlocks(body, depth + 1) as BlockContent[];
  if (name === 'quote') return { type: 'blockquote', children };
  const { alert, title } = wikiPanelAlert(name, params);
  const titled: BlockContent[] = title
    ? [{ type: 'paragraph', children: [{ type: 'strong', children: parseWikiInline(title) }] }, ...children]
    : children;
  return { type: 'jiraAlert', alert, children: titled };
}

function codeLanguage(params: string): string | null {
  for (const part of params.split('|')) {
    const [key, value] = part.split('=', 2).map((piece) => piece.trim());
    if (value === undefined && key) return key;
    if (key?.toLowerCase() === 'language' && value) return value;
  }
  return null;
}

function parseList(lines: string[], start: number, out: RootContent[]): number {
  const stack: List[] = [];
  let i = start;
  while (i < lines.length) {
    const match = LIST_LINE.exec((lines[i] as string).trim());
    if (!match) break;
    const prefix = (match[1] ?? '*').replace(/-/g, '*');
    let common = 0;
    while (
      common < stack.length &&
      common < prefix.length &&
      stack[common]?.ordered === (prefix[common] === '#')
    ) {
      common += 1;
    }
    stack.length = Math.min(common, prefix.length);
    while (stack.length < prefix.length) {
      const list: List = { type: 'list', ordered: prefix[stack.length] === '#', spread: false, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) lastItem(parent).children.push(list);
      else out.push(list);
      stack.push(list);
    }
    (stack[stack.length - 1] as List).children.push(listItem(match[3] ?? ''));
    i += 1;
  }
  return i;
}

function lastItem(list: List): ListItem {
  const last = list.children[list.children.length - 1];
  if (last) return last;
  const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [] };
  list.children.push(item);
  return item;
}

function listItem(text: string): ListItem {
  const box = TASK_BOX.exec(text);
  const body = box ? text.slice(box[0].length) : text;
  const children: PhrasingContent[] = parseWikiInline(body);
  return {
    type: 'listItem',
    spread: false,
    checked: box ? box[1] === '☑' : null,
    children: children.length > 0 ? [{ type: 'paragraph', children }] : [],
  };
}

function parseTable(lines: string[], start: number, out: RootContent[]): number {
  const rows: { header: boolean; cells: string[] }[] = [];
  let i = start;
  while (i < lines.length && (lines[i] as string).trim().startsWith('|')) {
    rows.push(splitRow((lines[i] as string).trim()));
    i += 1;
  }
  const width = Math.max(1, ...rows.map((row) => row.cells.length));
  const toRow = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, column) => ({
      type: 'tableCell',
      children: parseWikiInline(cells[column] ?? ''),
    })),
  });
  const mdastRows = rows.map((row) => toRow(row.cells));
  if (!rows[0]?.header) mdastRows.unshift(toRow([]));
  const table: Table = {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: mdastRows,
  };
  out.push(table);
  return i;
}

// Cells split at | or ||, except inside [links|with bars], {{monospace}} or after a backslash.
function splitRow(line: string): { header: boolean; cells: string[] } {
  const cells: string[] = [];
  let header = false;
  let allHeader = true;
  let current = '';
  let brackets = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '\\' && i + 1 < line.length) {
      current += char + line[i + 1];
      i += 2;
      continue;
    }
    if (char === '[') brackets += 1;
    if (char === ']' && brackets > 0) brackets -= 1;
    if (char === '{' && line[i + 1] === '{') {
      const close = line.indexOf('}}', i + 2);
      if (close !== -1) {
        current += line.slice(i, close + 2);
        i = close + 2;
        continue;
      }
    }
    if (char === '|' && brackets === 0) {
      if (i > 0) cells.push(current.trim());
      current = '';
      const double = line[i + 1] === '|';
      if (i === 0) header = double;
      else if (i + (double ? 2 : 1) < line.length && !double) allHeader = false;
      i += double ? 2 : 1;
      continue;
    }
    current += char;
    i += 1;
  }
  if (current.trim()) cells.push(current.trim());
  return { header: header && allHeader, cells };
}
