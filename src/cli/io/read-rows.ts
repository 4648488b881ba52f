import { usageError } from '../exit-codes.js';
import { CsvSyntaxError, parseCsv } from './csv-parse.js';

/** Rows read from JSON or CSV; `columns` is the CSV header (JSON rows name their own keys). */
export interface InputRows {
  format: 'json' | 'csv';
  rows: Record<string, unknown>[];
  columns?: string[];
}

const JSON_EXPECTED = 'a JSON array of objects, one object per line (NDJSON), or CSV with a header row';

/**
 * Reads rows from text, telling the formats apart by the first character: `[` or `{` is JSON (an array of
 * objects, one object, or NDJSON as `-o ndjson` prints), anything else is CSV whose first record names the
 * columns.
 */
export function parseRows(text: string): InputRows {
  const start = text.trimStart()[0];
  if (start === undefined) return { format: 'csv', rows: [], columns: [] };
  if (start === '[' || start === '{') return { format: 'json', rows: jsonRows(text) };
  return csvRows(text);
}

function jsonRows(text: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    if (text.trimStart().startsWith('{')) return ndjsonRows(text);
    const detail = err instanceof SyntaxError ? `: ${err.message}` : '';
    throw usageError(`the input is not valid JSON${detail}`, `expected ${JSON_EXPECTED}`);
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => {
    if (isRecord(item)) return item;
    throw usageError(
      `item ${index + 1} of the JSON input is ${describe(item)}, not an object`,
      `expected ${JSON_EXPECTED}`,
    );
  });
}

/** Reads NDJSON: one JSON object per line; blank lines are skipped. */
export function ndjsonRows(text: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      throw usageError(`line ${index + 1} is not valid JSON`, `expected ${JSON_EXPECTED}`);
    }
    if (!isRecord(value)) throw usageError(`line ${index + 1} is ${describe(value)}, not a JSON object`);
    rows.push(value);
  });
  return rows;
}

/** Reads CSV whose first record names the columns. */
export function csvRows(text: string): InputRows {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw usageError(`CSV line ${err.line}: ${err.message}`);
    throw err;
  }
  const [header = [], ...body] = records;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw usageError(`the CSV header names column '${name}' twice`);
    seen.add(name);
  }
  const rows = body.map((record, index) => {
    if (record.length !== header.length) {
      throw usageError(
        `CSV row ${index + 1} after the header has ${fields(record.length)}; the header has ${header.length}`,
        'quote fields that contain commas or line breaks: "a, b"',
      );
    }
    return Object.fromEntries(header.map((name, i) => [name, record[i]]));
  });
  return { format: 'csv', rows, columns: header };
}

function fields(count: number): string {
  return count === 1 ? '1 field' : `${count} fields`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
