/**
 * Creating many issues from rows with bounded concurrency. Each row ends as created, failed (with Jira's
 * reason) or skipped (not attempted because the run stopped), and results come out in row order, so a report
 * always accounts for every row.
 */

import type { CallOptions } from '../client/types.js';
import { type BulkCreateResult, toCreateResult } from './bulk/create-result.js';
import { type BulkRunOptions, runItems } from './bulk/run-items.js';
import { type IssueRow, type RowCreateInput, rowToCreateInput } from './bulk-rows.js';

export type { BulkCreateResult } from './bulk/create-result.js';
export { failureReason } from './bulk/failure-reason.js';

/** Options of `createMany`. */
export interface BulkCreateOptions extends BulkRunOptions {
  /** Rows are CSV cells (strings): read other fields' cells as JSON where they parse. */
  csv?: boolean;
}

/** The single-issue create the bulk run drives. */
export type CreateOne = (input: RowCreateInput, opts: CallOptions) => Promise<{ key: string; id: string }>;

/**
 * Creates an issue per row through the bulk engine (adaptive concurrency, ordered results). A row that cannot
 * become input, or that Jira refuses, fails alone; an authentication failure or an abort stops the run, and
 * every row not yet sent is reported as skipped. `jira.issues.createMany` adds the journal and reconciliation.
 */
export async function* createMany(
  create: CreateOne,
  rows: Iterable<IssueRow> | AsyncIterable<IssueRow>,
  opts: BulkCreateOptions = {},
): AsyncGenerator<BulkCreateResult> {
  const { csv, journal: _journal, ...runOpts } = opts;
  const all: IssueRow[] = [];
  for await (const row of rows) all.push(row);
  const outcomes = runItems({
    count: all.length,
    keyOf: () => '',
    opts: runOpts,
    work: async (index, ctx) => {
      const input = rowToCreateInput(all[index] ?? {}, { csv: csv === true });
      return create(input, ctx.call);
    },
  });
  for await (const outcome of outcomes) yield toCreateResult(outcome);
}
