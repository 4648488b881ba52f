/**
 * The write half of `jira.issues` (create, update, assign, remove, labels, screen metadata). Its code loads on
 * first use: most CLI commands only read, and start-up is measured.
 */

import type { JiraCore } from '../client/core.js';
import type { CallOptions, RequestSpec } from '../client/types.js';
import type { Issue } from '../models/issue.js';
import type { CreateMetaField, CreateMetaIssueType, EditMetaField } from '../models/metadata.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import type {
  CreateIssueInput,
  CreateRequestOptions,
  RemoveIssueOptions,
  UpdateIssueChanges,
  UpdateIssueOptions,
} from './issue-writes.js';
import type { LabelsApi } from './labels.js';
import type { CreateMetaOptions } from './metadata.js';
import type { UserInput } from './user-refs.js';

/** Methods of `jira.issues` that change issues or describe their screens. */
export interface IssueWriteMethods {
  /** Create an issue; returns it as stored (re-read). */
  create(input: CreateIssueInput, opts?: CallOptions): Promise<Issue>;
  /** The POST `create` would send, names resolved (for dry runs: only reads are sent). */
  createRequest(input: CreateIssueInput, opts?: CreateRequestOptions): Promise<RequestSpec>;
  /** The PUTs `update` would send, names resolved (for dry runs: only reads are sent). */
  updateRequests(key: string, changes: UpdateIssueChanges, opts?: UpdateIssueOptions): Promise<RequestSpec[]>;
  /** Change the given fields (and assignee, and add a comment); nothing to change is an InputError. */
  update(key: string, changes: UpdateIssueChanges, opts?: UpdateIssueOptions): Promise<void>;
  /** Delete an issue; `includeSubtasks` deletes its sub-tasks too. */
  remove(key: string, opts?: RemoveIssueOptions): Promise<void>;
  /** Assign to a user, to nobody (null) or to the project's default assignee ('default'). */
  assign(key: string, who: UserInput | null | 'default', opts?: CallOptions): Promise<void>;
  /** Labels through Jira's add/remove/set operations. */
  readonly labels: LabelsApi;
  /** The fields of a project's create screen for an issue type (name or id), over all pages. */
  createMeta(project: string, issueType: string, opts?: CreateMetaOptions): AsyncIterable<CreateMetaField>;
  /** The issue types a project can create. */
  createMetaIssueTypes(project: string, opts?: CreateMetaOptions): Promise<CreateMetaIssueType[]>;
  /** The fields of an issue's edit screen. */
  editMeta(key: string, opts?: CallOptions): Promise<EditMetaField[]>;
}

type Eager = Omit<IssueWriteMethods, 'labels' | 'createMeta'>;

/** The write methods over `core`, each loading its module on first call. */
export function deferredIssueWrites(core: JiraCore): IssueWriteMethods {
  const eager = deferredMethods<Eager>(async () => {
    const [writes, meta] = await Promise.all([import('./issue-writes.js'), import('./metadata.js')]);
    return {
      create: (input, opts) => writes.createIssue(core, input, opts),
      createRequest: (input, opts) => writes.createRequest(core, input, opts),
      updateRequests: (key, changes, opts) => writes.updateRequests(core, key, changes, opts),
      update: (key, changes, opts) => writes.updateIssue(core, key, changes, opts),
      remove: (key, opts) => writes.removeIssue(core, key, opts),
      assign: (key, who, opts) => writes.assignIssue(core, key, who, opts),
      createMetaIssueTypes: (project, opts) => meta.createMetaIssueTypes(core, project, opts),
      editMeta: (key, opts) => meta.editMeta(core, key, opts),
    };
  }, [
    'create',
    'createRequest',
    'update',
    'updateRequests',
    'remove',
    'assign',
    'createMetaIssueTypes',
    'editMeta',
  ]);
  return {
    ...eager,
    labels: deferredMethods(
      async () => (await import('./labels.js')).labelsApi(core),
      ['set', 'add', 'remove', 'clear'],
    ),
    createMeta: deferredIterable(async () => {
      const meta = await import('./metadata.js');
      return (project: string, issueType: string, opts?: CreateMetaOptions) =>
        meta.createMeta(core, project, issueType, opts);
    }),
  };
}
