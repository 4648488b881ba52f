import { type Command, Option } from 'commander';
import { aliasesOf } from '../aliases.js';
import type { Context } from '../context.js';
import { readInput } from '../io/read-input.js';
import { parseRows } from '../io/read-rows.js';
import { printJsonDocument, printText } from '../output/text-output.js';
import { commaList } from './option-parsers.js';
import { examples, run } from './run.js';

type TableFormat = 'wiki' | 'markdown' | 'adf';

interface TableOptions {
  columns?: string[];
  format: TableFormat;
}

/** Registers `table`. */
export function register(program: Command): void {
  program
    .command('table')
    .description(
      `print rows (JSON or CSV) as a Jira table: wiki markup, Markdown or ADF (JiraPS: ${aliasesOf('table').join(', ')})`,
    )
    .argument('[file]', 'JSON or CSV file to read; - or nothing reads stdin')
    .option(
      '--columns <list>',
      'comma-separated columns, in order (default: every key, as first seen); a.b reads a nested value',
      commaList,
    )
    .addOption(
      new Option('--format <format>', 'what to print').choices(['wiki', 'markdown', 'adf']).default('wiki'),
    )
    .addHelpText(
      'after',
      `${examples(
        'jirats table builds.csv',
        `echo '[{"name":"api","status":"green"},{"name":"web","status":"red"}]' | jirats table --format markdown`,
        'jirats issue search "project = DEMO" --fields summary,status -o ndjson | jirats table --columns key,fields.summary,fields.status',
        'jirats table rows.json --format adf > table.json',
      )}\n\nInput starting with [ or { is JSON (an array of objects, one object, or NDJSON); anything else is CSV\nwith a header row.`,
    )
    .action(run(table));
}

async function table(ctx: Context, file: string | undefined, opts: TableOptions): Promise<void> {
  const input = parseRows(await readInput(file));
  const columns = opts.columns ?? input.columns;
  const rows = opts.columns ? input.rows.map((row) => pick(row, opts.columns ?? [])) : input.rows;
  const { toJiraTable } = await import('../../text/index.js');
  const result = toJiraTable(rows, columns);
  if (opts.format === 'adf') return printJsonDocument(ctx.terminal, ctx.format, result.adf);
  await printText(ctx.terminal, opts.format === 'markdown' ? result.markdown : result.wiki);
}

/** The row's values for the columns asked for; `a.b` reads a nested value unless the row has a key `a.b`. */
function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column, valueAt(row, column)]));
}

function valueAt(row: Record<string, unknown>, column: string): unknown {
  if (column in row || !column.includes('.')) return row[column];
  let value: unknown = row;
  for (const part of column.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
