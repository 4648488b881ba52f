/**
 * Bulk create on the bulk engine. Each create carries the issue property `jirats.bulk` = `{ run, row }`, so a
 * create whose reply was lost (no answer, a 5xx, a killed process) is found by JQL before it is sent again:
 * no row ever becomes two issues.
 */

import { randomUUID } from 'node:crypto';
import type { JiraCore } from '../../client/core.js';
import type { CallOptions, RequestSpec } from '../../client/types.js';
import { type IssueRow, rowToCreateInput } from '../bulk-rows.js';
import type { LookupMemo } from '../lookup-memo.js';
import type { BulkCreateResult } from './create-result.js';
import { toCreateResult } from './create-result.js';
import type { BulkIssueCalls } from './issue-calls.js';
import { type JournalEvent, JournalWriter } from './journal.js';
import { type BulkRunOptions, type ItemDone, outcomeUnknown, runItems } from './run-items.js';

/** The issue property every bulk-created issue carries. */
export const BULK_PROPERTY = 'jirats.bulk';
/** Sends of one create whose outcome stays unknown before the row fails. */
const UNKNOWN_OUTCOME_TRIES = 3;

/** Options of `createMany`. */
export interface BulkCreateRunOptions extends BulkRunOptions {
  /** Rows are CSV cells (strings): read other fields' cells as JSON where they parse. */
  csv?: boolean;
}

/** A create run, new or resumed. */
export interface CreateRun {
  runId: string;
  rows: IssueRow[];
  csv: boolean;
  prior?: Map<number, JournalEvent>;
  journal?: JournalWriter;
}

/** Create an issue per row through the bulk engine (a new run). */
export async function* createManyRun(
  core: JiraCore,
  api: BulkIssueCalls,
  rows: Iterable<IssueRow> | AsyncIterable<IssueRow>,
  opts: BulkCreateRunOptions = {},
): AsyncGenerator<BulkCreateResult> {
  const all: IssueRow[] = [];
  for await (const row of rows) all.push(row);
  const runId = randomUUID();
  const csv = opts.csv === true;
  const journal = opts.journal
    ? JournalWriter.create(opts.journal, {
        journal: 'jirats-bulk',
        version: 1,
        operation: 'create',
        runId,
        server: core.server,
        createdAt: new Date().toISOString(),
        input: all,
        ...(csv ? { csv: true } : {}),
      })
    : undefined;
  yield* runCreates(core, api, { runId, rows: all, csv, ...(journal ? { journal } : {}) }, opts);
}

/** Run (or finish) the creates of a run. */
export async function* runCreates(
  core: JiraCore,
  api: BulkIssueCalls,
  run: CreateRun,
  opts: BulkCreateRunOptions,
): AsyncGenerator<BulkCreateResult> {
  const { csv: _csv, ...runOpts } = opts;
  const lookups: LookupMemo = new Map();
  const outcomes = runItems({
    count: run.rows.length,
    keyOf: (index) => run.prior?.get(index)?.key ?? '',
    ...(run.prior ? { prior: run.prior } : {}),
    ...(run.journal ? { journal: run.journal } : {}),
    opts: runOpts,
    work: async (index, ctx) => {
      // Sent by an earlier run whose reply was lost: the property tells whether it reached Jira.
      const already = ctx.wasSent ? await createdRow(api, run.runId, index, ctx.call) : undefined;
      if (already) return already;
      const input = rowToCreateInput(run.rows[index] ?? {}, { csv: run.csv });
      const request = withBulkProperty(
        await api.createRequest(input, { ...ctx.call, lookups }),
        run.runId,
        index,
      );
      for (let tries = 1; ; tries++) {
        ctx.sent();
        try {
          const created = await core.send<{ id: string | number; key: string }>(request, ctx.call);
          return { key: created.key, id: String(created.id) };
        } catch (error) {
          if (!outcomeUnknown(error) || tries >= UNKNOWN_OUTCOME_TRIES) throw error;
          const made = await createdRow(api, run.runId, index, ctx.call);
          if (made) return made;
        }
      }
    },
  });
  for await (const outcome of outcomes) yield toCreateResult(outcome);
}

function withBulkProperty(request: RequestSpec, runId: string, row: number): RequestSpec {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const properties = Array.isArray(body.properties) ? body.properties : [];
  return {
    ...request,
    body: { ...body, properties: [...properties, { key: BULK_PROPERTY, value: { run: runId, row } }] },
  };
}

/** The issue one row of a run became, if it reached Jira. */
async function createdRow(
  api: BulkIssueCalls,
  runId: string,
  row: number,
  call: CallOptions,
): Promise<ItemDone | undefined> {
  const jql = `issue.property[${BULK_PROPERTY}].run = "${runId}" AND issue.property[${BULK_PROPERTY}].row = ${row}`;
  for await (const issue of api.search(jql, { ...call, fields: ['summary'], first: 1 }))
    return { key: issue.key, id: issue.id, reconciled: true };
  return undefined;
}
