/**
 * `jira.components`: a project's components, one by id, and create, update and delete (project administrators
 * only). Deleting can move the component's issues to another component of the same project.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { type Component, type ComponentAssigneeType, toComponent } from '../models/component.js';
import { resolveProjectRef } from './project-ref.js';
import { projectSegment } from './projects.js';
import { resolveUserRef, type UserInput } from './user-refs.js';

/** A new component. */
export interface CreateComponentInput {
  /** Project key, id or name. */
  project: string;
  name: string;
  description?: string;
  /** Component lead: account id, user name, email or display name. */
  lead?: UserInput;
  assigneeType?: ComponentAssigneeType;
}

/** Changes to a component; `lead: null` removes the lead. */
export interface UpdateComponentChanges {
  name?: string;
  description?: string;
  lead?: UserInput | null;
  assigneeType?: ComponentAssigneeType;
}

/** Options of `components.remove()`. */
export interface RemoveComponentOptions extends CallOptions {
  /** Id of a component of the same project that takes over the deleted one's issues. */
  moveIssuesTo?: string;
}

/** `jira.components`. */
export interface ComponentsApi {
  /** The project's components (one request: Jira sends them all). */
  list(project: string, opts?: CallOptions): AsyncIterable<Component>;
  /** One component by id. */
  get(id: string, opts?: CallOptions): Promise<Component>;
  /** Create a component (project administrators only). */
  create(input: CreateComponentInput, opts?: CallOptions): Promise<Component>;
  /** Change a component's name, description, lead or assignee type. */
  update(id: string, changes: UpdateComponentChanges, opts?: CallOptions): Promise<Component>;
  /** Delete a component, optionally moving its issues to another component. */
  remove(id: string, opts?: RemoveComponentOptions): Promise<void>;
}

/** Build the `components` namespace over a client core. */
export function componentsApi(core: JiraCore): ComponentsApi {
  const root = async (opts: CallOptions) => `/rest/api/${apiVersion(await core.deployment(opts))}`;
  const leadFields = async (lead: UserInput | null, opts: CallOptions) => {
    const cloud = (await core.deployment(opts)) === 'cloud';
    if (lead === null) return cloud ? { leadAccountId: null } : { leadUserName: null };
    const ref = await resolveUserRef(core, lead, opts);
    return 'accountId' in ref ? { leadAccountId: ref.accountId } : { leadUserName: ref.name };
  };

  return {
    list(project, opts = {}) {
      const segment = projectSegment(project);
      return {
        async *[Symbol.asyncIterator]() {
          const path = `${await root(opts)}/project/${segment}/components`;
          const list = await core.send<unknown>({ path }, opts);
          for (const raw of Array.isArray(list) ? list : []) yield toComponent(raw);
        },
      };
    },
    async get(id, opts = {}) {
      return toComponent(
        await core.send<unknown>({ path: `${await root(opts)}/component/${numericId(id)}` }, opts),
      );
    },
    async create(input, opts = {}) {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (name === '') throw new InputError('A component name is required');
      const project = await resolveProjectRef(core, input.project, opts);
      const body: Record<string, unknown> = {
        name,
        ...('key' in project.ref ? { project: project.ref.key } : { projectId: Number(project.ref.id) }),
      };
      if (input.description !== undefined) body.description = input.description;
      if (input.assigneeType !== undefined) body.assigneeType = input.assigneeType;
      if (input.lead !== undefined) Object.assign(body, await leadFields(input.lead, opts));
      const path = `${await root(opts)}/component`;
      return toComponent(await core.send<unknown>({ method: 'POST', path, body }, opts));
    },
    async update(id, changes, opts = {}) {
      const path = `${await root(opts)}/component/${numericId(id)}`;
      const body: Record<string, unknown> = {};
      if (changes.name !== undefined) {
        if (changes.name.trim() === '') throw new InputError('A component name cannot be empty');
        body.name = changes.name.trim();
      }
      if (changes.description !== undefined) body.description = changes.description;
      if (changes.assigneeType !== undefined) body.assigneeType = changes.assigneeType;
      if (changes.lead !== undefined) Object.assign(body, await leadFields(changes.lead, opts));
      if (Object.keys(body).length === 0) {
        throw new InputError('Nothing to change: give a name, description, lead or assignee type');
      }
      return toComponent(await core.send<unknown>({ method: 'PUT', path, body }, opts));
    },
    async remove(id, opts = {}) {
      const { moveIssuesTo, ...call } = opts;
      const path = `${await root(call)}/component/${numericId(id)}`;
      const query = moveIssuesTo === undefined ? {} : { moveIssuesTo: numericId(moveIssuesTo) };
      if (query.moveIssuesTo === numericId(id))
        throw new InputError('A component cannot take over its own issues');
      await core.send<unknown>({ method: 'DELETE', path, query }, call);
    },
  };
}

/** A component or version id: digits only, else an InputError before anything is sent. */
export function numericId(id: string | number): string {
  const text = String(id ?? '').trim();
  if (!/^\d+$/.test(text)) throw new InputError(`'${text}' is not an id (expected digits)`);
  return text;
}
