/**
 * Finishing a bulk run from its journal: settled items are reported again without a request, items the journal
 * says were sent without an outcome are reconciled first, the rest are sent. The resumed run appends to the same
 * journal, so it can itself be interrupted and resumed.
 */

import type { JiraCore } from '../../client/core.js';
import { InputError } from '../../errors.js';
import type { IssueRow } from '../bulk-rows.js';
import { runCreates } from './create-operation.js';
import type { BulkCreateResult } from './create-result.js';
import type { BulkIssueCalls } from './issue-calls.js';
import type { JqlInput } from './item-work.js';
import { inputRows, JournalWriter, readJournal } from './journal.js';
import { type BulkItemResult, runJql } from './jql-operations.js';
import type { BulkRunOptions } from './run-items.js';

/** Finish the run a journal describes; results of every item, in item order. */
export async function* resumeBulk(
  core: JiraCore,
  api: BulkIssueCalls,
  path: string,
  opts: BulkRunOptions = {},
): AsyncGenerator<BulkCreateResult | BulkItemResult> {
  const { header, items: prior } = readJournal(path);
  if (sameServer(header.server) !== sameServer(core.server))
    throw new InputError(`The journal ${path} belongs to ${header.server}, not ${core.server}`);
  // The journal given is the one written to; a second one would split the run's history.
  const { journal: _ignored, ...runOpts } = opts;
  const journal = JournalWriter.append(path);
  if (header.operation === 'create') {
    const rows = inputRows(header) as IssueRow[];
    yield* runCreates(
      core,
      api,
      { runId: header.runId, rows, csv: header.csv === true, prior, journal },
      runOpts,
    );
    return;
  }
  const op = { operation: header.operation, input: header.input } as JqlInput;
  const keys = (header.items ?? []).filter((k): k is string => typeof k === 'string');
  yield* runJql(
    core,
    api,
    op,
    { runId: header.runId, keys, startedAt: header.createdAt, prior, journal },
    runOpts,
  );
}

function sameServer(url: string): string {
  return url.replace(/\/+$/, '').toLowerCase();
}
