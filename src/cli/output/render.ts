import type { Terminal } from '../io/terminal.js';
import { csvRecord } from './csv.js';
import { TableWriter } from './table.js';

export type OutputFormat = 'table' | 'json' | 'ndjson' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'ndjson', 'csv'];

/** One column of a list: its header and how an item fills it. */
export interface Column<T> {
  header: string;
  cell(item: T): string;
}

/** A list being printed while it is produced. */
export interface ListOutput<T> {
  add(item: T): Promise<void>;
  /** Closes the list (the JSON array, the table) and returns how many items were printed. */
  end(): Promise<number>;
}

/**
 * Prints a list in the chosen format as items arrive: table rows, CSV records, NDJSON lines, or one JSON
 * array whose elements are written one by one (the wire JSON of each item, from `raw`).
 */
export function listOutput<T>(
  terminal: Terminal,
  format: OutputFormat,
  columns: Column<T>[],
  raw: (item: T) => unknown,
): ListOutput<T> {
  let count = 0;
  const cells = (item: T): string[] => columns.map((c) => c.cell(item));
  switch (format) {
    case 'json':
      return {
        add: async (item) => {
          const body = indent(JSON.stringify(raw(item), null, 2));
          await terminal.out(`${count++ === 0 ? '[\n' : ',\n'}${body}`);
        },
        end: async () => {
          await terminal.out(count === 0 ? '[]\n' : '\n]\n');
          return count;
        },
      };
    case 'ndjson':
      return {
        add: async (item) => {
          count++;
          await terminal.out(`${JSON.stringify(raw(item))}\n`);
        },
        end: async () => count,
      };
    case 'csv':
      return {
        add: async (item) => {
          if (count++ === 0) await terminal.out(csvRecord(columns.map((c) => c.header)));
          await terminal.out(csvRecord(cells(item)));
        },
        end: async () => {
          if (count === 0) await terminal.out(csvRecord(columns.map((c) => c.header)));
          return count;
        },
      };
    default: {
      const table = new TableWriter(
        terminal,
        columns.map((c) => c.header.toUpperCase()),
      );
      return {
        add: async (item) => {
          count++;
          await table.row(cells(item));
        },
        end: async () => {
          await table.end();
          return count;
        },
      };
    }
  }
}

/**
 * Prints one entity: its wire JSON for json/ndjson, a header and one record for CSV, and a two-column
 * field/value table otherwise.
 */
export async function entityOutput(
  terminal: Terminal,
  format: OutputFormat,
  raw: unknown,
  fields: readonly (readonly [string, string])[],
): Promise<void> {
  if (format === 'json') return terminal.out(`${JSON.stringify(raw, null, 2)}\n`);
  if (format === 'ndjson') return terminal.out(`${JSON.stringify(raw)}\n`);
  if (format === 'csv') {
    await terminal.out(csvRecord(fields.map(([k]) => k)));
    return terminal.out(csvRecord(fields.map(([, v]) => v)));
  }
  const table = new TableWriter(terminal, ['FIELD', 'VALUE']);
  for (const [key, value] of fields) await table.row([key, value]);
  await table.end();
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

/** What `printList` needs of the command's context. */
export interface ListTarget {
  terminal: Terminal;
  format: OutputFormat;
}

/**
 * Prints every item of a list as it arrives, then (on a table) a count such as "3 comments" on stderr.
 * `noun` is the singular and plural word for the count.
 */
export async function printList<T extends { raw: unknown }>(
  target: ListTarget,
  columns: Column<T>[],
  items: Iterable<T> | AsyncIterable<T>,
  noun: readonly [string, string],
): Promise<number> {
  const out = listOutput(target.terminal, target.format, columns, (item: T) => item.raw);
  for await (const item of items) await out.add(item);
  const count = await out.end();
  if (target.format === 'table') target.terminal.notice(`${count} ${count === 1 ? noun[0] : noun[1]}`);
  return count;
}
