/**
 * The issue-reading extras of `jira.issues`: history on get/search, search by filter, count, changelog and
 * properties. Their code loads on first use; only the small history model is loaded with the client.
 */

import type { JiraCore } from '../client/core.js';
import type { CallOptions, SearchOptions } from '../client/types.js';
import type { HistoryEntry } from '../models/history.js';
import { historyTruncated } from '../models/history.js';
import type { Issue } from '../models/issue.js';
import type { ChangelogOptions } from './changelog.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import type { IssuePropertiesApi } from './issue-properties.js';
import { searchIssues } from './search.js';

/** Options of `issues.search()` and `issues.searchFilter()`. */
export interface IssueSearchOptions extends CallOptions, SearchOptions {
  /** Ask for the changelog too: each issue gets `history`, oldest first, complete even past Cloud's cap. */
  history?: boolean;
}

/** `expand` with `changelog` added when the history is wanted. */
export function expandFor(expand: string[] | undefined, history: boolean | undefined): string[] | undefined {
  if (!history) return expand;
  return expand?.includes('changelog') ? expand : [...(expand ?? []), 'changelog'];
}

/** Where Cloud cut the embedded changelog short, fetch the whole history through `/changelog`. */
export async function completeHistory(core: JiraCore, issue: Issue, call: CallOptions): Promise<Issue> {
  if (!historyTruncated(issue.raw)) return issue;
  return (await import('./changelog.js')).completeHistory(core, issue, call);
}

/** A JQL search that also reads each issue's history when `history` is set. */
export async function* searchWithHistory(
  core: JiraCore,
  jql: string,
  opts: IssueSearchOptions = {},
): AsyncGenerator<Issue> {
  const { history, ...rest } = opts;
  const search = { ...rest, expand: expandFor(rest.expand, history) };
  const call: CallOptions = {};
  if (rest.signal) call.signal = rest.signal;
  if (rest.auth) call.auth = rest.auth;
  for await (const issue of searchIssues(core, jql, search)) {
    yield history ? await completeHistory(core, issue, call) : issue;
  }
}

/** Issues a saved filter finds: its JQL run through the search (never its `searchUrl`). */
export function deferredFilterSearch(
  core: JiraCore,
): (filterId: string | number, opts?: IssueSearchOptions) => AsyncIterable<Issue> {
  return deferredIterable(async () => {
    const { getFilterQuery } = await import('./filter-search.js');
    return async function* (filterId: string | number, opts: IssueSearchOptions = {}) {
      const call: CallOptions = {};
      if (opts.signal) call.signal = opts.signal;
      if (opts.auth) call.auth = opts.auth;
      const filter = await getFilterQuery(core, filterId, call);
      yield* searchWithHistory(core, filter.jql, opts);
    };
  });
}

/** `issues.count(jql)`. */
export function deferredCount(core: JiraCore): (jql: string, opts?: CallOptions) => Promise<number> {
  return async (jql, opts) => (await import('./count.js')).countIssues(core, jql, opts);
}

/** `issues.changelog(key)`. */
export function deferredChangelog(
  core: JiraCore,
): (key: string, opts?: ChangelogOptions) => AsyncIterable<HistoryEntry> {
  return deferredIterable(async () => {
    const { issueChangelog } = await import('./changelog.js');
    return (key: string, opts?: ChangelogOptions) => issueChangelog(core, key, opts);
  });
}

/** `issues.properties`. */
export function deferredProperties(core: JiraCore): IssuePropertiesApi {
  const load = async () => (await import('./issue-properties.js')).issuePropertiesApi(core);
  return deferredMethods(load, ['list', 'get', 'set', 'remove']);
}
