/**
 * `issue create --from-csv FILE` / `--from-ndjson FILE`: one issue per row, a result line per row in row
 * order, and a summary. The whole file is read and checked first, so malformed input creates nothing. The run
 * keeps a journal, so `--resume JOURNAL` finishes it after an interruption without creating any row twice.
 */
import type { IssueRow } from '../../api/bulk-rows.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { readInput } from '../io/read-input.js';
import { csvRows, ndjsonRows } from '../io/read-rows.js';
import type { BulkFlags } from './bulk/bulk-flags.js';
import { checkBulkFlags, startRun } from './bulk/bulk-run.js';
import { BulkReport, type RowLine, rowLine } from './bulk/report.js';
import { resumeRun } from './bulk/resume.js';

export interface BulkCreateOptions extends BulkFlags {
  fromCsv?: string;
  fromNdjson?: string;
}

/** True when the options ask for a bulk run (new or resumed). */
export function isBulkCreate(opts: BulkCreateOptions): boolean {
  return opts.fromCsv !== undefined || opts.fromNdjson !== undefined || opts.resume !== undefined;
}

/** Runs the bulk create and reports every row; exit 5 when any row was not created. */
export async function bulkCreateIssues(ctx: Context, opts: BulkCreateOptions): Promise<void> {
  checkBulkFlags(opts);
  if (opts.resume !== undefined) {
    if (opts.fromCsv !== undefined || opts.fromNdjson !== undefined) {
      throw usageError('give --resume alone: the journal holds the rows');
    }
    return resumeRun(ctx, 'create', opts);
  }
  if (opts.fromCsv !== undefined && opts.fromNdjson !== undefined) {
    throw usageError('give one of --from-csv and --from-ndjson');
  }
  const csv = opts.fromCsv !== undefined;
  const text = await readInput(opts.fromCsv ?? opts.fromNdjson);
  const rows: IssueRow[] = csv ? csvRows(text).rows : ndjsonRows(text);
  if (rows.length === 0) throw usageError('the input holds no rows', 'the first CSV line names the columns');
  const out = new BulkReport<RowLine>(ctx, 'rows');

  if (opts.dryRun) {
    const { rowToCreateInput } = await import('../../api/bulk-rows.js');
    for (const [index, row] of rows.entries()) {
      try {
        await out.add({ row: index + 1, status: 'would create', input: rowToCreateInput(row, { csv }) });
      } catch (err) {
        await out.add({ row: index + 1, status: 'failed', reason: (err as Error).message });
      }
    }
    return out.finish(rows.length, ['would create', 'rows']);
  }

  const { jira } = await connect(ctx);
  const run = await startRun(ctx, 'create', opts);
  try {
    for await (const result of jira.issues.createMany(rows, { ...run.options, csv })) {
      await out.add(rowLine(result));
    }
  } finally {
    run.end();
  }
  await out.finish(rows.length, ['created', 'rows']);
}
