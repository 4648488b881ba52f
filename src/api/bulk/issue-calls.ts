/**
 * What a bulk run asks of `jira.issues`. The namespace is handed in by its caller, so the bulk code depends on
 * this small contract instead of on the namespace that loads it.
 */

import type { Issue } from '../../models/issue.js';
import type { CommentsApi } from '../comments.js';
import type { IssueSearchOptions } from '../deferred-issue-read.js';
import type { GetIssueOptions } from '../issue-get.js';
import type { IssueWriteMethods } from '../issue-writes-api.js';
import type { TransitionOptions, TransitionsApi } from '../transitions.js';

/** The calls of `jira.issues` that bulk runs make. */
export interface BulkIssueCalls
  extends Pick<IssueWriteMethods, 'createRequest' | 'updateRequests' | 'remove'> {
  get(key: string, opts?: GetIssueOptions): Promise<Issue>;
  search(jql: string, opts?: IssueSearchOptions): AsyncIterable<Issue>;
  transition(key: string, transition: string | number, opts?: TransitionOptions): Promise<void>;
  readonly transitions: TransitionsApi;
  readonly comments: CommentsApi;
}
