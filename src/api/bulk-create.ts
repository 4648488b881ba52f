/**
 * Creating many issues from rows with bounded concurrency. Each row ends as created, failed (with Jira's
 * reason) or skipped (not attempted because the run stopped), and results come out in row order, so a report
 * always accounts for every row.
 */

import type { CallOptions } from '../client/types.js';
import { AuthenticationError, isJiraError } from '../errors.js';
import { type IssueRow, type RowCreateInput, rowToCreateInput } from './bulk-rows.js';

/** What happened to one row (`index` counts rows from 0). */
export type BulkCreateResult =
  | { index: number; status: 'created'; key: string; id: string }
  | { index: number; status: 'failed'; error: Error }
  | { index: number; status: 'skipped'; reason: string };

/** Options of `createMany`. */
export interface BulkCreateOptions extends CallOptions {
  /** Creates in flight at once (default 4). */
  concurrency?: number;
  /** Rows are CSV cells (strings): read other fields' cells as JSON where they parse. */
  csv?: boolean;
}

/** The single-issue create the bulk run drives. */
export type CreateOne = (input: RowCreateInput, opts: CallOptions) => Promise<{ key: string; id: string }>;

/**
 * Creates an issue per row, `concurrency` at a time. A row that cannot become input, or that Jira refuses,
 * fails alone; an authentication failure or an abort stops the run, and every row not yet sent is reported as
 * skipped.
 */
export async function* createMany(
  create: CreateOne,
  rows: Iterable<IssueRow> | AsyncIterable<IssueRow>,
  opts: BulkCreateOptions = {},
): AsyncGenerator<BulkCreateResult> {
  const { concurrency = 4, csv, ...call } = opts;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be >= 1');
  const pending = new Map<number, Promise<BulkCreateResult>>();
  let stopped: string | undefined;
  let next = 0;
  let index = 0;

  const attempt = async (row: IssueRow, at: number): Promise<BulkCreateResult> => {
    if (stopped !== undefined) return { index: at, status: 'skipped', reason: stopped };
    try {
      const input = rowToCreateInput(row, { csv: csv === true });
      const created = await create(input, call);
      return { index: at, status: 'created', key: created.key, id: created.id };
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (error instanceof AuthenticationError) stopped ??= `stopped after row ${at + 1}: ${error.message}`;
      if (call.signal?.aborted) stopped ??= 'the run was cancelled';
      return { index: at, status: 'failed', error };
    }
  };

  for await (const row of rows) {
    if (call.signal?.aborted) stopped ??= 'the run was cancelled';
    pending.set(index, attempt(row, index));
    index += 1;
    while (pending.size >= concurrency) yield await take(pending, next++);
  }
  while (pending.size > 0) yield await take(pending, next++);
}

async function take(pending: Map<number, Promise<BulkCreateResult>>, at: number): Promise<BulkCreateResult> {
  const result = await (pending.get(at) as Promise<BulkCreateResult>);
  pending.delete(at);
  return result;
}

/** A one-line reason for a failed row: Jira's field errors when it gave some, else the message. */
export function failureReason(error: Error): string {
  if (isJiraError(error)) {
    const fields = Object.entries(error.fieldErrors).map(([f, m]) => `${f}: ${m}`);
    const parts = [...error.errorMessages, ...fields];
    if (parts.length > 0) return parts.join('; ');
  }
  return error.message;
}
