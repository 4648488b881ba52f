import type { PhrasingContent, TableCell, TableRow } from 'mdast';
import type { AdfDoc, AdfNode } from './adf-types.js';
import { serializeMarkdown } from './markdown-serialize.js';
import { escapeWikiText } from './wiki-escape.js';

/** One table in the three forms Jira text fields take. */
export interface JiraTable {
  /** Wiki markup for Data Center and v2 fields: `||a||b||` then `|1|2|`. */
  wiki: string;
  /** A GFM table, for Markdown-based writes on either flavour. */
  markdown: string;
  /** An ADF document holding the table, for Cloud v3 fields. */
  adf: AdfDoc;
}

/** Build a table from objects (ConvertTo-JiraTable): one row per object, columns as given or all keys seen. */
export function toJiraTable(rows: readonly object[], columns?: readonly string[]): JiraTable {
  const records = rows.map((row) =>
    typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {},
  );
  const names = columns && columns.length > 0 ? [...columns] : keysInOrder(records);
  if (names.length === 0) return { wiki: '', markdown: '', adf: { type: 'doc', version: 1, content: [] } };
  const cells = records.map((record) => names.map((name) => cellText(record[name])));
  return {
    wiki: wikiTable(names, cells),
    markdown: markdownTable(names, cells),
    adf: adfTable(names, cells),
  };
}

function keysInOrder(records: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  return [...seen];
}

/** How a value reads in a cell: entities by their display name, lists joined, dates in ISO form. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map(cellText).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['displayName', 'name', 'key', 'value', 'id']) {
      const field = record[key];
      if (typeof field === 'string' || typeof field === 'number') return String(field);
    }
    if (value.toString !== Object.prototype.toString) return String(value);
    return JSON.stringify(value) ?? '';
  }
  return String(value);
}

function wikiCell(text: string): string {
  const lines = text
    .split(/\r?\n|\r/)
    .map((line) => escapeWikiText(line.trim(), { lineStart: false, separators: true }));
  return lines.join(' \\\\ ') || ' ';
}

function wikiTable(names: readonly string[], cells: readonly string[][]): string {
  const header = `||${names.map(wikiCell).join('||')}||`;
  return [header, ...cells.map((row) => `|${row.map(wikiCell).join('|')}|`)].join('\n');
}

function phrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  text.split(/\r?\n|\r/).forEach((line, index) => {
    if (index > 0) out.push({ type: 'html', value: '<br>' });
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

function markdownTable(names: readonly string[], cells: readonly string[][]): string {
  const row = (values: readonly string[]): TableRow => ({
    type: 'tableRow',
    children: values.map((value): TableCell => ({ type: 'tableCell', children: phrasing(value) })),
  });
  return serializeMarkdown({
    type: 'root',
    children: [{ type: 'table', align: names.map(() => null), children: [row(names), ...cells.map(row)] }],
  });
}

function adfCell(type: 'tableHeader' | 'tableCell', text: string): AdfNode {
  const content: AdfNode[] = [];
  text.split(/\r?\n|\r/).forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    if (line) content.push({ type: 'text', text: line });
  });
  return { type, attrs: {}, content: [{ type: 'paragraph', content }] };
}

function adfTable(names: readonly string[], cells: readonly string[][]): AdfDoc {
  const header: AdfNode = { type: 'tableRow', content: names.map((name) => adfCell('tableHeader', name)) };
  const body = cells.map(
    (row): AdfNode => ({ type: 'tableRow', content: row.map((value) => adfCell('tableCell', value)) }),
  );
  const table: AdfNode = {
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'default' },
    content: [header, ...body],
  };
  return { type: 'doc', version: 1, content: [table] };
}
