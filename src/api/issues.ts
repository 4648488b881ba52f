/** Single issues: GET /rest/api/{3 on Cloud, 2 on Data Center}/issue/{idOrKey}. */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, SearchOptions } from '../client/types.js';
import { type Issue, toIssue } from '../models/issue.js';
import { loadTextConverters, textConvertersReady } from '../models/rich-text.js';
import type { CommentsApi } from './comments.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import { searchIssues } from './search.js';

export interface GetIssueOptions extends CallOptions {
  /** Field ids to return (default: Jira's, all navigable fields). */
  fields?: string[];
  /** Expansions such as `changelog`, `names`, `renderedFields`. */
  expand?: string[];
}

/** Fetch one issue by key or id; NotFoundError when it is missing or hidden. */
export async function getIssue(core: JiraCore, key: string, opts: GetIssueOptions = {}): Promise<Issue> {
  if (key.trim() === '') throw new TypeError('An issue key or id is required');
  const { fields, expand, ...call } = opts;
  const version = apiVersion(await core.deployment(call));
  const json = await core.send<unknown>(
    {
      path: `/rest/api/${version}/issue/${encodeURIComponent(key)}`,
      query: { fields: fields?.join(','), expand: expand?.join(',') },
    },
    call,
  );
  return readyToRead(toIssue(json));
}

/** Where a description cannot be converted on read, load the converter before handing the issue out. */
async function readyToRead(issue: Issue): Promise<Issue> {
  if ('descriptionRaw' in issue && !textConvertersReady()) await loadTextConverters();
  return issue;
}

async function* readyToReadAll(issues: AsyncIterable<Issue>): AsyncGenerator<Issue> {
  for await (const issue of issues) yield await readyToRead(issue);
}

/** `jira.issues`. */
export interface IssuesApi {
  /** One issue by key or id. */
  get(key: string, opts?: GetIssueOptions): Promise<Issue>;
  /** Issues matching JQL, lazily (Cloud: token paging; Data Center: offset paging). */
  search(jql: string, opts?: CallOptions & SearchOptions): AsyncIterable<Issue>;
  /** Comments on an issue: list, get, add, update, remove. */
  readonly comments: CommentsApi;
}

/** Build the `issues` namespace over a client core. */
export function issuesApi(core: JiraCore): IssuesApi {
  return {
    get: (key, opts) => getIssue(core, key, opts),
    search: (jql, opts) => readyToReadAll(searchIssues(core, jql, opts)),
    comments: deferredComments(core),
  };
}

/** `issues.comments`, its code (and the rich-text writer) loaded on first use. */
function deferredComments(core: JiraCore): CommentsApi {
  const load = async () => (await import('./comments.js')).commentsApi(core);
  return {
    ...deferredMethods(load, ['get', 'add', 'update', 'remove']),
    list: deferredIterable(async () => (await load()).list),
  };
}
