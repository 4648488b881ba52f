/**
 * `issue create --from-csv FILE` / `--from-ndjson FILE`: one issue per row, a result line per row in row
 * order, and a summary. The whole file is read and checked first, so malformed input creates nothing.
 */
import type { BulkCreateResult } from '../../api/bulk-create.js';
import type { IssueRow } from '../../api/bulk-rows.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { readInput } from '../io/read-input.js';
import { csvRows, ndjsonRows } from '../io/read-rows.js';
import { type Column, listOutput } from '../output/render.js';

export interface BulkCreateOptions {
  fromCsv?: string;
  fromNdjson?: string;
  concurrency?: number;
  dryRun?: boolean;
}

interface RowReport {
  row: number;
  status: 'created' | 'failed' | 'skipped' | 'would create';
  key?: string;
  id?: string;
  reason?: string;
  input?: unknown;
}

const COLUMNS: Column<RowReport>[] = [
  { header: 'row', cell: (r) => String(r.row) },
  { header: 'status', cell: (r) => r.status },
  { header: 'key', cell: (r) => r.key ?? '' },
  { header: 'reason', cell: (r) => r.reason ?? '' },
];

/** True when the options ask for a bulk run. */
export function isBulkCreate(opts: BulkCreateOptions): boolean {
  return opts.fromCsv !== undefined || opts.fromNdjson !== undefined;
}

/** Runs the bulk create and reports every row; exit 5 when any row was not created. */
export async function bulkCreateIssues(ctx: Context, opts: BulkCreateOptions): Promise<void> {
  if (opts.fromCsv !== undefined && opts.fromNdjson !== undefined) {
    throw usageError('give one of --from-csv and --from-ndjson');
  }
  const csv = opts.fromCsv !== undefined;
  const text = await readInput(opts.fromCsv ?? opts.fromNdjson);
  const rows: IssueRow[] = csv ? csvRows(text).rows : ndjsonRows(text);
  if (rows.length === 0) throw usageError('the input holds no rows', 'the first CSV line names the columns');
  const { rowToCreateInput } = await import('../../api/bulk-rows.js');
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (r: RowReport) => r);

  if (opts.dryRun) {
    for (const [index, row] of rows.entries()) {
      try {
        await out.add({ row: index + 1, status: 'would create', input: rowToCreateInput(row, { csv }) });
      } catch (err) {
        await out.add({ row: index + 1, status: 'failed', reason: (err as Error).message });
      }
    }
    await out.end();
    return;
  }

  const { jira } = await connect(ctx);
  const { failureReason } = await import('../../api/bulk-create.js');
  const tally = { created: 0, failed: 0, skipped: 0 };
  for await (const result of jira.issues.createMany(rows, { csv, concurrency: opts.concurrency ?? 4 })) {
    tally[result.status] += 1;
    await out.add(report(result, failureReason));
  }
  await out.end();
  const summary = `created ${tally.created}, failed ${tally.failed}, skipped ${tally.skipped} of ${rows.length} rows`;
  if (tally.failed + tally.skipped > 0) throw new CliError(summary, ExitCode.jira);
  ctx.terminal.notice(summary);
}

function report(result: BulkCreateResult, reason: (e: Error) => string): RowReport {
  const row = result.index + 1;
  if (result.status === 'created') return { row, status: 'created', key: result.key, id: result.id };
  if (result.status === 'failed') return { row, status: 'failed', reason: reason(result.error) };
  return { row, status: 'skipped', reason: result.reason };
}
