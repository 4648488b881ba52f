/**
 * The final report of a bulk run: one line per item in item order (or table/json/ndjson/csv records), then
 * the summary on stderr. Anything failed or skipped makes the run exit 5, so scripts can tell.
 */
import { failureReason } from '../../../api/bulk-create.js';
import type { BulkCreateResult, BulkItemResult } from '../../../index.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode } from '../../exit-codes.js';
import { type Column, type ListOutput, listOutput } from '../../output/render.js';

/** What happened to one created row (the library's create result). */
export type CreateOutcome = BulkCreateResult;

/** What happened to one issue of a JQL run (the library's item result). */
export type ItemOutcome = BulkItemResult;

/** One line of a create report (`row` counts from 1). */
export interface RowLine {
  row: number;
  status: 'created' | 'failed' | 'skipped' | 'would create';
  key?: string;
  id?: string;
  reason?: string;
  reconciled?: boolean;
  input?: unknown;
}

/** One line of a JQL run's report (`item` counts from 1, in the order the JQL found the issues). */
export interface ItemLine {
  item: number;
  key: string;
  status: 'done' | 'failed' | 'skipped';
  reason?: string;
  reconciled?: boolean;
}

const ROW_COLUMNS: Column<RowLine>[] = [
  { header: 'row', cell: (r) => String(r.row) },
  { header: 'status', cell: (r) => r.status },
  { header: 'key', cell: (r) => r.key ?? '' },
  { header: 'reason', cell: (r) => r.reason ?? (r.reconciled ? 'found from an earlier attempt' : '') },
];

const ITEM_COLUMNS: Column<ItemLine>[] = [
  { header: 'item', cell: (r) => String(r.item) },
  { header: 'key', cell: (r) => r.key },
  { header: 'status', cell: (r) => r.status },
  { header: 'reason', cell: (r) => r.reason ?? (r.reconciled ? 'found already applied' : '') },
];

/** The line for a create result. */
export function rowLine(result: CreateOutcome): RowLine {
  const row = result.index + 1;
  if (result.status === 'created') {
    return {
      row,
      status: 'created',
      key: result.key,
      id: result.id,
      ...(result.reconciled ? { reconciled: true } : {}),
    };
  }
  if (result.status === 'failed') return { row, status: 'failed', reason: failureReason(result.error) };
  return { row, status: 'skipped', reason: result.reason };
}

/** The line for a JQL run's item result. */
export function itemLine(result: ItemOutcome): ItemLine {
  const base = { item: result.index + 1, key: result.key };
  if (result.status === 'done')
    return { ...base, status: 'done', ...(result.reconciled ? { reconciled: true } : {}) };
  if (result.status === 'failed') return { ...base, status: 'failed', reason: failureReason(result.error) };
  return { ...base, status: 'skipped', reason: result.reason };
}

/** Tallies and prints the results of one run. */
export class BulkReport<T extends RowLine | ItemLine> {
  private readonly out: ListOutput<T>;
  /** Lines held back while a progress bar owns the terminal, so the two do not garble each other. */
  private readonly held: T[] | undefined;
  readonly tally = { done: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly ctx: Context,
    kind: 'rows' | 'items',
  ) {
    const columns = (kind === 'rows' ? ROW_COLUMNS : ITEM_COLUMNS) as unknown as Column<T>[];
    this.out = listOutput(ctx.terminal, ctx.format, columns, (line: T) => line);
    const { terminal } = ctx;
    const bar = terminal.stderrIsTTY && !terminal.options.quiet && !terminal.options.debug;
    this.held = bar && terminal.stdoutIsTTY ? [] : undefined;
  }

  /** Prints one line and counts it. */
  async add(line: T): Promise<void> {
    if (line.status === 'failed' || line.status === 'skipped') this.tally[line.status] += 1;
    else this.tally.done += 1;
    if (this.held) this.held.push(line);
    else await this.out.add(line);
  }

  /**
   * Closes the list and gives the summary: on stderr when all went well, else as the error (exit 5).
   * `words` names the outcome and the items, e.g. `['created', 'rows']` (default `done ... of T`).
   */
  async finish(total: number, words: [string, string] = ['done', '']): Promise<void> {
    for (const line of this.held?.splice(0) ?? []) await this.out.add(line);
    await this.out.end();
    const { done, failed, skipped } = this.tally;
    const summary = `${words[0]} ${done}, failed ${failed}, skipped ${skipped} of ${total}${words[1] === '' ? '' : ` ${words[1]}`}`;
    if (failed + skipped > 0) throw new CliError(summary, ExitCode.jira);
    this.ctx.terminal.info(summary);
  }
}
