/**
 * How many issues a JQL query matches. Cloud: POST /rest/api/3/search/approximate-count (an estimate that can
 * lag recent changes). Data Center: an offset search asking for no issues, whose `total` is exact.
 */

import type { JiraCore } from '../client/core.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';

/** The number of issues `jql` matches for the caller. */
export async function countIssues(core: JiraCore, jql: string, opts: CallOptions = {}): Promise<number> {
  if (typeof jql !== 'string') throw new InputError('A JQL query is required');
  const deployment = await core.deployment(opts);
  if (deployment === 'cloud') {
    const reply = await core.send<unknown>(
      // Counting only reads: safe to send again after a dropped connection.
      { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql }, idempotent: true },
      opts,
    );
    return numberIn(reply, 'count');
  }
  const reply = await core.send<unknown>(
    { path: '/rest/api/2/search', query: { jql, maxResults: 0, fields: 'id' } },
    opts,
  );
  return numberIn(reply, 'total');
}

function numberIn(reply: unknown, key: string): number {
  const value =
    typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'number') throw new TypeError(`Jira's reply has no '${key}' number`);
  return value;
}
