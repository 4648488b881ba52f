/**
 * Creating, editing, assigning and deleting issues: POST/PUT/DELETE /rest/api/{3 on Cloud, 2 on Data
 * Center}/issue[/{key}[/assignee]]. Names people type (project, issue type, users, fields) are resolved first;
 * a name that resolves to nothing is an InputError and nothing is sent.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, Deployment, RequestSpec } from '../client/types.js';
import { InputError } from '../errors.js';
import type { Issue } from '../models/issue.js';
import { resolveFields } from './field-resolver.js';
import { getIssue } from './issue-get.js';
import { type LookupMemo, lookupOnce } from './lookup-memo.js';
import { createMeta, createMetaIssueTypes, editMeta, pickIssueType } from './metadata.js';
import { resolveProjectRef } from './project-ref.js';
import { type RichTextInput, richTextForWire } from './rich-text-input.js';
import { resolveUserRef, type UserInput } from './user-refs.js';

/** The fields shared by create and update. */
export interface IssueFieldsInput {
  summary?: string;
  /** Markdown, or `{adf}` (Cloud) / `{wiki}` (Data Center) sent as is. */
  description?: RichTextInput;
  labels?: string[];
  /** The parent issue's key (sub-tasks; epics on Cloud). */
  parent?: string;
  /** Version names. */
  fixVersions?: string[];
  /** Component names or ids. */
  components?: string[];
  /** Priority name or id. */
  priority?: string;
  /** `yyyy-MM-dd`. */
  dueDate?: string;
  /** Other fields by id, bare custom-field number or display name; values in Jira's shape. */
  fields?: Record<string, unknown>;
}

/** What `issues.create()` takes. */
export interface CreateIssueInput extends IssueFieldsInput {
  /** Project key, id or name. */
  project: string;
  /** Issue type name or id. */
  issueType: string;
  summary: string;
  reporter?: UserInput;
  /** null = unassigned; absent = the project's default. */
  assignee?: UserInput | null;
}

/** What `issues.update()` takes: only the given parts change. */
export interface UpdateIssueChanges extends IssueFieldsInput {
  /** null = unassign; 'default' = the project's default assignee. */
  assignee?: UserInput | null | 'default';
  reporter?: UserInput;
  /** A comment to add with the change. */
  addComment?: RichTextInput;
}

/** Options of `issues.update()`. */
export interface UpdateIssueOptions extends CallOptions {
  /** false: ask Jira not to notify watchers (`notifyUsers=false`). */
  notify?: boolean;
}

/** Options of `issues.remove()`. */
export interface RemoveIssueOptions extends CallOptions {
  /** Delete the issue's sub-tasks too (Jira refuses to delete an issue with sub-tasks otherwise). */
  includeSubtasks?: boolean;
}

async function root(core: JiraCore, opts: CallOptions): Promise<[string, Deployment]> {
  const deployment = await core.deployment(opts);
  return [`/rest/api/${apiVersion(deployment)}/issue`, deployment];
}

function issuePath(base: string, key: string): string {
  if (typeof key !== 'string' || key.trim() === '') throw new InputError('An issue key or id is required');
  return `${base}/${encodeURIComponent(key.trim())}`;
}

/** `{id}` for a numeric id, `{name}` otherwise. */
function idOrName(value: string): { id: string } | { name: string } {
  const text = value.trim();
  return /^\d+$/.test(text) ? { id: text } : { name: text };
}

/** The assignee reference per deployment: a user, nobody (null) or the project default (`-1`). */
async function assigneeRef(
  core: JiraCore,
  who: UserInput | null | 'default',
  deployment: Deployment,
  opts: CallOptions,
): Promise<unknown> {
  const key = deployment === 'cloud' ? 'accountId' : 'name';
  if (who === null) return { [key]: null };
  if (who === 'default') return { [key]: '-1' };
  return resolveUserRef(core, who, opts);
}

/** The standard fields of `input` in wire form (without project, type, users and custom fields). */
async function standardFields(
  input: IssueFieldsInput,
  deployment: Deployment,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (input.summary !== undefined) out.summary = input.summary;
  if (input.description !== undefined) out.description = await richTextForWire(input.description, deployment);
  if (input.labels !== undefined) out.labels = [...input.labels];
  if (input.parent !== undefined) out.parent = { key: input.parent };
  if (input.fixVersions !== undefined) out.fixVersions = input.fixVersions.map((name) => ({ name }));
  if (input.components !== undefined) out.components = input.components.map(idOrName);
  if (input.priority !== undefined) out.priority = idOrName(input.priority);
  if (input.dueDate !== undefined) out.duedate = input.dueDate;
  return out;
}

function hasKeys(value: Record<string, unknown> | undefined): value is Record<string, unknown> {
  return value !== undefined && Object.keys(value).length > 0;
}

/** Options of `createRequest()`. */
export interface CreateRequestOptions extends CallOptions {
  /** Lookups shared across the creates of one run (issue types, create screen, users). */
  lookups?: LookupMemo;
}

/** The POST that `createIssue` sends, with every name resolved (only reads are sent to build it). */
export async function createRequest(
  core: JiraCore,
  input: CreateIssueInput,
  options: CreateRequestOptions = {},
): Promise<RequestSpec> {
  if (typeof input?.summary !== 'string' || input.summary.trim() === '')
    throw new InputError('A summary is required to create an issue');
  const { lookups, ...opts } = options;
  const [path, deployment] = await root(core, opts);
  const project = await lookupOnce(lookups, `project\0${input.project}`, () =>
    resolveProjectRef(core, input.project, opts),
  );
  const types = await lookupOnce(lookups, `issuetypes\0${project.idOrKey}`, () =>
    createMetaIssueTypes(core, project.idOrKey, opts),
  );
  const type = pickIssueType(types, project.idOrKey, input.issueType);
  const fields: Record<string, unknown> = {
    project: project.ref,
    issuetype: { id: type.id },
    ...(await standardFields(input, deployment)),
  };
  const user = (who: UserInput) =>
    lookupOnce(lookups, `user\0${JSON.stringify(who)}`, () => resolveUserRef(core, who, opts));
  if (input.reporter !== undefined) fields.reporter = await user(input.reporter);
  if (input.assignee !== undefined)
    fields.assignee =
      input.assignee === null || input.assignee === 'default'
        ? await assigneeRef(core, input.assignee, deployment, opts)
        : await user(input.assignee);
  if (hasKeys(input.fields)) {
    const screen = await lookupOnce(lookups, `createmeta\0${project.idOrKey}\0${type.id}`, async () => {
      const all = [];
      for await (const field of createMeta(core, project.idOrKey, type.id, opts)) all.push(field);
      return all;
    });
    Object.assign(fields, await resolveFields(core, input.fields, { createMeta: screen }, opts));
  }
  return { method: 'POST', path, body: { fields } };
}

/** Create an issue and return it as Jira stores it (re-read after the create). */
export async function createIssue(
  core: JiraCore,
  input: CreateIssueInput,
  opts: CallOptions = {},
): Promise<Issue> {
  const request = await createRequest(core, input, opts);
  const created = await core.send<{ key?: unknown; id?: unknown }>(request, opts);
  const key = typeof created?.key === 'string' ? created.key : String(created?.id ?? '');
  return getIssue(core, key, opts);
}

/**
 * The requests `updateIssue` sends, in order: a PUT of the issue with `update` operations, then the assignee's
 * own resource. Nothing to change is an InputError.
 */
export async function updateRequests(
  core: JiraCore,
  key: string,
  changes: UpdateIssueChanges,
  opts: UpdateIssueOptions = {},
): Promise<RequestSpec[]> {
  const { notify, ...call } = opts;
  const [base, deployment] = await root(core, call);
  const path = issuePath(base, key);
  const update: Record<string, unknown[]> = {};
  for (const [id, value] of Object.entries(await standardFields(changes ?? {}, deployment))) {
    update[id] = [{ set: value }];
  }
  if (changes?.reporter !== undefined)
    update.reporter = [{ set: await resolveUserRef(core, changes.reporter, call) }];
  if (hasKeys(changes?.fields)) {
    const screen = await editMeta(core, key, call);
    const resolved = await resolveFields(core, changes.fields, { editMeta: screen }, call);
    for (const [id, value] of Object.entries(resolved)) update[id] = [{ set: value }];
  }
  if (changes?.addComment !== undefined)
    update.comment = [{ add: { body: await richTextForWire(changes.addComment, deployment) } }];
  const requests: RequestSpec[] = [];
  if (Object.keys(update).length > 0) {
    const query = notify === false ? { notifyUsers: 'false' } : undefined;
    requests.push({ method: 'PUT', path, ...(query ? { query } : {}), body: { update } });
  }
  if (changes?.assignee !== undefined) {
    const body = await assigneeRef(core, changes.assignee, deployment, call);
    requests.push({ method: 'PUT', path: `${path}/assignee`, body });
  }
  if (requests.length === 0) throw new InputError(`Nothing to change on ${key}: give at least one field`);
  return requests;
}

/** Edit an issue (PUT with `update` operations); the assignee goes through its own resource. */
export async function updateIssue(
  core: JiraCore,
  key: string,
  changes: UpdateIssueChanges,
  opts: UpdateIssueOptions = {},
): Promise<void> {
  const { notify: _notify, ...call } = opts;
  for (const request of await updateRequests(core, key, changes, opts))
    await core.send<unknown>(request, call);
}

/** Assign an issue: a user, nobody (null) or the project's default assignee ('default'). */
export async function assignIssue(
  core: JiraCore,
  key: string,
  who: UserInput | null | 'default',
  opts: CallOptions = {},
): Promise<void> {
  const [base, deployment] = await root(core, opts);
  const path = `${issuePath(base, key)}/assignee`;
  await core.send<unknown>(
    { method: 'PUT', path, body: await assigneeRef(core, who, deployment, opts) },
    opts,
  );
}

/** Delete an issue (and its sub-tasks with `includeSubtasks`). */
export async function removeIssue(core: JiraCore, key: string, opts: RemoveIssueOptions = {}): Promise<void> {
  const { includeSubtasks, ...call } = opts;
  const [base] = await root(core, call);
  const query = { deleteSubtasks: includeSubtasks === true ? 'true' : 'false' };
  await core.send<unknown>({ method: 'DELETE', path: issuePath(base, key), query }, call);
}
