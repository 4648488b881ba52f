/**
 * Bulk update, transition, delete and comment over the issues a JQL query matches. The matching keys are read
 * once at the start and written to the journal, so a change that moves issues out of the query (a transition)
 * does not change the run, and a resumed run works on exactly the same issues.
 */

import { randomUUID } from 'node:crypto';
import type { JiraCore } from '../../client/core.js';
import { InputError } from '../../errors.js';
import type { BulkIssueCalls } from './issue-calls.js';
import { itemWork, type JqlInput } from './item-work.js';
import { type JournalEvent, JournalWriter } from './journal.js';
import { type BulkRunOptions, type ItemOutcome, runItems } from './run-items.js';

/** What happened to one issue of a JQL run (`index` counts the matched issues from 0). */
export type BulkItemResult =
  | { index: number; key: string; status: 'done'; reconciled?: boolean }
  | { index: number; key: string; status: 'failed'; error: Error }
  | { index: number; key: string; status: 'skipped'; reason: string };

/** A JQL run, new or resumed. */
export interface JqlRun {
  runId: string;
  keys: string[];
  startedAt: string;
  prior?: Map<number, JournalEvent>;
  journal?: JournalWriter;
}

/** Start a JQL run: check the input, read the matching keys, open the journal, run. */
export async function* jqlOperation(
  core: JiraCore,
  api: BulkIssueCalls,
  op: JqlInput,
  opts: BulkRunOptions = {},
): AsyncGenerator<BulkItemResult> {
  checkInput(op);
  const keys = await matchingKeys(api, op.input.jql, opts);
  const runId = randomUUID();
  const startedAt = new Date().toISOString();
  const journal = opts.journal
    ? JournalWriter.create(opts.journal, {
        journal: 'jirats-bulk',
        version: 1,
        operation: op.operation,
        runId,
        server: core.server,
        createdAt: startedAt,
        input: op.input,
        items: keys,
      })
    : undefined;
  yield* runJql(core, api, op, { runId, keys, startedAt, ...(journal ? { journal } : {}) }, opts);
}

/** Run (or finish) a JQL run over its keys. */
export async function* runJql(
  core: JiraCore,
  api: BulkIssueCalls,
  op: JqlInput,
  run: JqlRun,
  opts: BulkRunOptions,
): AsyncGenerator<BulkItemResult> {
  const work = itemWork(core, api, { ...op, startedAt: run.startedAt });
  const outcomes = runItems({
    count: run.keys.length,
    keyOf: (index) => run.keys[index] ?? '',
    ...(run.prior ? { prior: run.prior } : {}),
    ...(run.journal ? { journal: run.journal } : {}),
    opts,
    work: (index, ctx) => work(run.keys[index] ?? '', ctx),
  });
  for await (const outcome of outcomes) yield toItemResult(outcome);
}

/** Bad input is refused before anything is read or sent. */
function checkInput(op: JqlInput): void {
  if (typeof op.input?.jql !== 'string' || op.input.jql.trim() === '')
    throw new InputError('A JQL query is required');
  if (op.operation === 'update') {
    const { fields, addLabels, removeLabels } = op.input;
    const some = Object.keys(fields ?? {}).length + (addLabels?.length ?? 0) + (removeLabels?.length ?? 0);
    if (some === 0) throw new InputError('Nothing to change: give at least one field or label');
    for (const label of [...(addLabels ?? []), ...(removeLabels ?? [])])
      if (typeof label !== 'string' || label.trim() === '' || /\s/.test(label))
        throw new InputError(`Not a label: ${JSON.stringify(label)} (labels cannot be empty or hold spaces)`);
  }
  if (op.operation === 'transition' && (typeof op.input.to !== 'string' || op.input.to.trim() === ''))
    throw new InputError('A transition or status name is required');
  if (op.operation === 'comment' && (typeof op.input.body !== 'string' || op.input.body.trim() === ''))
    throw new InputError('A comment body is required');
}

async function matchingKeys(api: BulkIssueCalls, jql: string, opts: BulkRunOptions): Promise<string[]> {
  const { signal, auth } = opts;
  const keys: string[] = [];
  const seen = new Set<string>();
  const search = api.search(jql, {
    fields: ['summary'],
    ...(signal ? { signal } : {}),
    ...(auth ? { auth } : {}),
  });
  for await (const issue of search) {
    if (seen.has(issue.key)) continue;
    seen.add(issue.key);
    keys.push(issue.key);
  }
  return keys;
}

function toItemResult(outcome: ItemOutcome): BulkItemResult {
  switch (outcome.status) {
    case 'done':
      return {
        index: outcome.index,
        key: outcome.key,
        status: 'done',
        ...(outcome.reconciled ? { reconciled: true } : {}),
      };
    case 'failed':
      return { index: outcome.index, key: outcome.key, status: 'failed', error: outcome.error };
    default:
      return { index: outcome.index, key: outcome.key, status: 'skipped', reason: outcome.reason };
  }
}
