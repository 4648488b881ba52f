/** `jira.issues`: the namespace over single issues, search, their sub-resources, writes and bulk runs. */

import type { JiraCore } from '../client/core.js';
import type { CallOptions } from '../client/types.js';
import type { HistoryEntry } from '../models/history.js';
import type { Issue } from '../models/issue.js';
import type { AttachmentsApi } from './attachments.js';
import type {
  CommentManyInput,
  DeleteManyInput,
  TransitionManyInput,
  UpdateManyInput,
} from './bulk/item-work.js';
import type { BulkItemResult } from './bulk/jql-operations.js';
import type { BulkRunOptions } from './bulk/run-items.js';
import type { BulkCreateOptions, BulkCreateResult } from './bulk-create.js';
import type { IssueRow } from './bulk-rows.js';
import type { ChangelogOptions } from './changelog.js';
import type { CommentsApi } from './comments.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import { deferredAttachments, deferredWatchers } from './deferred-attachments.js';
import * as read from './deferred-issue-read.js';
import { deferredIssueLinks, deferredRemoteLinks } from './deferred-links.js';
import { deferredTransition, deferredTransitions, deferredWorklogs } from './deferred-work.js';
import { type GetIssueOptions, getIssue, readyToReadAll } from './issue-get.js';
import type { IssueLinksApi } from './issue-links.js';
import type { IssuePropertiesApi } from './issue-properties.js';
import { deferredIssueWrites, type IssueWriteMethods } from './issue-writes-api.js';
import type { RemoteLinksApi } from './remote-links.js';
import type { TransitionOptions, TransitionsApi } from './transitions.js';
import type { WatchersApi } from './watchers.js';
import type { WorklogsApi } from './worklogs.js';

export type { GetIssueOptions } from './issue-get.js';

/** `jira.issues`. */
export interface IssuesApi extends IssueWriteMethods {
  /** One issue by key or id. */
  get(key: string, opts?: GetIssueOptions): Promise<Issue>;
  /** Issues matching JQL, lazily and in order, several pages at a time (`concurrency`, default 4). */
  search(jql: string, opts?: read.IssueSearchOptions): AsyncIterable<Issue>;
  /** Issues a saved filter finds (its JQL run through `search`); NotFoundError when it is not visible. */
  searchFilter(filterId: string | number, opts?: read.IssueSearchOptions): AsyncIterable<Issue>;
  /** How many issues match (Cloud: Jira's approximate count; Data Center: exact). */
  count(jql: string, opts?: CallOptions): Promise<number>;
  /** An issue's whole change history, oldest first. */
  changelog(key: string, opts?: ChangelogOptions): AsyncIterable<HistoryEntry>;
  /** Issue entity properties: list, get, set, remove. */
  readonly properties: IssuePropertiesApi;
  /** Comments on an issue: list, get, add, update, remove. */
  readonly comments: CommentsApi;
  /** Files attached to issues: add, list, get, download, remove. */
  readonly attachments: AttachmentsApi;
  /** Who watches an issue: list, add, remove. */
  readonly watchers: WatchersApi;
  /** Links between issues ("DEMO-1 blocks DEMO-2"): add, get, list, remove, removeAll. */
  readonly links: IssueLinksApi;
  /** Links from an issue to items outside Jira: list, get, add, update, remove, removeByGlobalId. */
  readonly remoteLinks: RemoteLinksApi;
  /** The transitions an issue offers now: list. */
  readonly transitions: TransitionsApi;
  /** Move an issue through its workflow by transition id or name (any case), with fields, comment, worklog. */
  transition(key: string, transition: string | number, opts?: TransitionOptions): Promise<void>;
  /** Work logged on an issue: list, get, add, update, remove. */
  readonly worklogs: WorklogsApi;
  /**
   * Create an issue per row (column name to value, as CSV or NDJSON give them), `concurrency` at a time: one
   * result per row, in row order: created (key, id), failed (with Jira's reason) or skipped (run stopped).
   */
  createMany(
    rows: Iterable<IssueRow> | AsyncIterable<IssueRow>,
    opts?: BulkCreateOptions,
  ): AsyncIterable<BulkCreateResult>;
  /** Set fields and add or remove labels on every issue the JQL matches (keys read once, at the start). */
  updateMany(input: UpdateManyInput, opts?: BulkRunOptions): AsyncIterable<BulkItemResult>;
  /** Move every issue the JQL matches through the transition (or to the status) `to` names. */
  transitionMany(input: TransitionManyInput, opts?: BulkRunOptions): AsyncIterable<BulkItemResult>;
  /** Delete every issue the JQL matches. */
  deleteMany(input: DeleteManyInput, opts?: BulkRunOptions): AsyncIterable<BulkItemResult>;
  /** Add the same comment (Markdown) to every issue the JQL matches. */
  commentMany(input: CommentManyInput, opts?: BulkRunOptions): AsyncIterable<BulkItemResult>;
  /** Finish the run a journal describes, without repeating what it did. */
  resumeBulk(journal: string, opts?: BulkRunOptions): AsyncIterable<BulkCreateResult | BulkItemResult>;
}

/** Build the `issues` namespace over a client core. */
export function issuesApi(core: JiraCore): IssuesApi {
  const api: IssuesApi = {
    get: (key, opts) => getIssue(core, key, opts),
    search: (jql, opts) => readyToReadAll(read.searchWithHistory(core, jql, opts)),
    searchFilter: (id, opts) => readyToReadAll(read.deferredFilterSearch(core)(id, opts)),
    count: read.deferredCount(core),
    changelog: read.deferredChangelog(core),
    properties: read.deferredProperties(core),
    comments: deferredComments(core),
    attachments: deferredAttachments(core),
    watchers: deferredWatchers(core),
    links: deferredIssueLinks(core),
    remoteLinks: deferredRemoteLinks(core),
    transitions: deferredTransitions(core),
    transition: deferredTransition(core),
    worklogs: deferredWorklogs(core),
    ...deferredIssueWrites(core),
    createMany: deferredIterable(async () => {
      const { createManyRun } = await import('./bulk/create-operation.js');
      return (rows, opts) => createManyRun(core, api, rows, opts);
    }),
    updateMany: deferredIterable(async () => {
      const { jqlOperation } = await import('./bulk/jql-operations.js');
      return (input, opts) => jqlOperation(core, api, { operation: 'update', input }, opts);
    }),
    transitionMany: deferredIterable(async () => {
      const { jqlOperation } = await import('./bulk/jql-operations.js');
      return (input, opts) => jqlOperation(core, api, { operation: 'transition', input }, opts);
    }),
    deleteMany: deferredIterable(async () => {
      const { jqlOperation } = await import('./bulk/jql-operations.js');
      return (input, opts) => jqlOperation(core, api, { operation: 'delete', input }, opts);
    }),
    commentMany: deferredIterable(async () => {
      const { jqlOperation } = await import('./bulk/jql-operations.js');
      return (input, opts) => jqlOperation(core, api, { operation: 'comment', input }, opts);
    }),
    resumeBulk: deferredIterable(async () => {
      const { resumeBulk } = await import('./bulk/resume.js');
      return (path, opts) => resumeBulk(core, api, path, opts);
    }),
  };
  return api;
}

/** `issues.comments`, its code (and the rich-text writer) loaded on first use. */
function deferredComments(core: JiraCore): CommentsApi {
  const load = async () => (await import('./comments.js')).commentsApi(core);
  return {
    ...deferredMethods(load, ['get', 'add', 'update', 'remove']),
    list: deferredIterable(async () => (await load()).list),
  };
}
