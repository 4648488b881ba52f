/**
 * Reading one issue by key or id (and handing issues out only once their description can be read); its own file
 * so that the write half and the bulk runs can re-read an issue without depending on the whole namespace.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { type Issue, toIssue } from '../models/issue.js';
import { loadTextConverters, textConvertersReady } from '../models/rich-text.js';
import * as read from './deferred-issue-read.js';

export interface GetIssueOptions extends CallOptions {
  /** Field ids to return (default: Jira's, all navigable fields). */
  fields?: string[];
  /** Expansions such as `changelog`, `names`, `renderedFields`. */
  expand?: string[];
  /** Read the change history too (`issue.history`, oldest first, complete on both flavors). */
  history?: boolean;
}

/** Fetch one issue by key or id; NotFoundError when it is missing or hidden. */
export async function getIssue(core: JiraCore, key: string, opts: GetIssueOptions = {}): Promise<Issue> {
  if (typeof key !== 'string' || key.trim() === '') throw new InputError('An issue key or id is required');
  const { fields, expand: asked, history, ...call } = opts;
  const expand = read.expandFor(asked, history);
  const version = apiVersion(await core.deployment(call));
  const json = await core.send<unknown>(
    {
      path: `/rest/api/${version}/issue/${encodeURIComponent(key)}`,
      query: { fields: fields?.join(','), expand: expand?.join(',') },
    },
    call,
  );
  const issue = toIssue(json);
  return readyToRead(history ? await read.completeHistory(core, issue, call) : issue);
}

/** Where a description cannot be converted on read, load the converter before handing the issue out. */
async function readyToRead(issue: Issue): Promise<Issue> {
  if ('descriptionRaw' in issue && !textConvertersReady()) await loadTextConverters();
  return issue;
}

export async function* readyToReadAll(issues: AsyncIterable<Issue>): AsyncGenerator<Issue> {
  for await (const issue of issues) yield await readyToRead(issue);
}
