/**
 * Issue history. Cloud: GET /rest/api/3/issue/{key}/changelog, offset paged, oldest first. Data Center has no
 * such resource, so the history comes from `expand=changelog`, which there always holds every entry.
 */

import type { JiraCore } from '../client/core.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { type HistoryEntry, historyOf, historyTruncated, toHistoryEntry } from '../models/history.js';
import type { Issue } from '../models/issue.js';

/** Options of `issues.changelog()`. */
export interface ChangelogOptions extends CallOptions {
  /** Histories asked for per request (Cloud; Jira caps it at 100). */
  pageSize?: number;
}

function issuePath(version: '2' | '3', key: string): string {
  if (typeof key !== 'string' || key.trim() === '') throw new InputError('An issue key or id is required');
  return `/rest/api/${version}/issue/${encodeURIComponent(key)}`;
}

/** Every history entry of an issue, oldest first, fetched page by page on Cloud. */
export async function* issueChangelog(
  core: JiraCore,
  key: string,
  opts: ChangelogOptions = {},
): AsyncGenerator<HistoryEntry> {
  const { pageSize, ...call } = opts;
  const deployment = await core.deployment(call);
  if (deployment === 'cloud') {
    const spec = { path: `${issuePath('3', key)}/changelog` };
    const paging = { style: 'offset' as const, itemsKey: 'values', ...(pageSize ? { pageSize } : {}) };
    for await (const raw of core.paginate<unknown>(spec, paging, call)) yield toHistoryEntry(raw);
    return;
  }
  const json = await core.send<unknown>(
    { path: issuePath('2', key), query: { fields: 'summary', expand: 'changelog' } },
    call,
  );
  const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  yield* historyOf(raw) ?? [];
}

/** Where Cloud cut the embedded changelog short, replace the issue's history with the full one. */
export async function completeHistory(core: JiraCore, issue: Issue, call: CallOptions): Promise<Issue> {
  if (!historyTruncated(issue.raw)) return issue;
  const all: HistoryEntry[] = [];
  for await (const entry of issueChangelog(core, issue.key || issue.id, call)) all.push(entry);
  issue.history = all;
  return issue;
}
