/**
 * `jira.filters.permissions`: who a filter is shared with. A project-role share sends the project id with the
 * role id (Jira needs both); a group share names the group by `groupId` on Cloud when the group can be looked
 * up (names can change), else by `groupname`.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, Deployment } from '../client/types.js';
import { InputError, isJiraError, NotFoundError } from '../errors.js';
import { type FilterPermission, toFilterPermission } from '../models/filter.js';
import { asRecord } from '../models/json.js';
import { asFilterWrite, filterId } from './filter-writes.js';
import { groupsApi } from './groups.js';

/** The kinds of share a filter can be given. */
export type FilterShareType = 'group' | 'project' | 'projectRole' | 'authenticated' | 'global';

/** A new share: `group` for group shares, `project` (key or id) for project shares, plus `role` (name or id). */
export interface AddFilterPermissionInput {
  type: FilterShareType;
  group?: string;
  project?: string;
  role?: string;
}

/** `jira.filters.permissions`. */
export interface FilterPermissionsApi {
  /** The filter's share permissions. */
  list(filterId: string | number, opts?: CallOptions): Promise<FilterPermission[]>;
  /** Share the filter; returns its share permissions afterwards. */
  add(
    filterId: string | number,
    input: AddFilterPermissionInput,
    opts?: CallOptions,
  ): Promise<FilterPermission[]>;
  /** Remove one share permission by id. */
  remove(filterId: string | number, permissionId: string | number, opts?: CallOptions): Promise<void>;
  /** Remove every share permission; returns how many were removed. */
  removeAll(filterId: string | number, opts?: CallOptions): Promise<number>;
}

const TYPES: readonly FilterShareType[] = ['group', 'project', 'projectRole', 'authenticated', 'global'];

/** Build the `filters.permissions` namespace over a client core. */
export function filterPermissionsApi(core: JiraCore): FilterPermissionsApi {
  const root = async (id: string | number, opts: CallOptions) =>
    `/rest/api/${apiVersion(await core.deployment(opts))}/filter/${filterId(id)}/permission`;
  const list = async (id: string | number, opts: CallOptions = {}) => {
    const json = await core.send<unknown>({ path: await root(id, opts) }, opts);
    return (Array.isArray(json) ? json : []).map(toFilterPermission);
  };
  const remove = async (id: string | number, permissionId: string | number, opts: CallOptions = {}) => {
    const pid = String(permissionId).trim();
    if (!/^\d+$/.test(pid)) throw new InputError(`A share permission id is a number (got '${pid}')`);
    await asFilterWrite(
      core.send<unknown>({ method: 'DELETE', path: `${await root(id, opts)}/${pid}` }, opts),
    );
  };

  return {
    list,
    async add(id, input, opts = {}) {
      const path = await root(id, opts);
      const body = await shareBody(core, input, opts);
      const json = await asFilterWrite(core.send<unknown>({ method: 'POST', path, body }, opts));
      return (Array.isArray(json) ? json : []).map(toFilterPermission);
    },
    remove,
    async removeAll(id, opts = {}) {
      const shares = await list(id, opts);
      for (const share of shares) await remove(id, share.id, opts);
      return shares.length;
    },
  };
}

/** The SharePermissionInputBean for a share, with names resolved to the ids Jira wants. */
async function shareBody(
  core: JiraCore,
  input: AddFilterPermissionInput,
  opts: CallOptions,
): Promise<Record<string, string>> {
  const type = input?.type;
  if (!TYPES.includes(type))
    throw new InputError(`Unknown share type '${String(type)}' (expected ${TYPES.join(', ')})`);
  if (type === 'global' || type === 'authenticated') return { type };
  if (type === 'group') {
    const group = input.group?.trim() ?? '';
    if (group === '') throw new InputError('A group share needs a group name');
    return { type, ...(await groupQuery(core, await core.deployment(opts), group, opts)) };
  }
  const project = input.project?.trim() ?? '';
  if (project === '') throw new InputError(`A ${type} share needs a project (key or id)`);
  const projectId = await projectIdOf(core, project, opts);
  if (type === 'project') return { type, projectId };
  const role = input.role?.trim() ?? '';
  if (role === '') throw new InputError('A projectRole share needs a role (name or id)');
  return { type, projectId, projectRoleId: await roleIdOf(core, projectId, role, opts) };
}

/**
 * How a request names a group: `groupId` on Cloud when the lookup finds it, else `groupname`. A group the
 * lookup says does not exist is a NotFoundError; a lookup the caller may not make falls back to the name.
 */
export async function groupQuery(
  core: JiraCore,
  deployment: Deployment,
  group: string,
  opts: CallOptions,
): Promise<{ groupId: string } | { groupname: string }> {
  try {
    const found = await groupsApi(core).get(group, opts);
    if (deployment === 'cloud' && found.groupId) return { groupId: found.groupId };
    return { groupname: found.name || group };
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new NotFoundError(`No group is named '${group}'`, { status: 404 });
    if (isJiraError(error) && (error.status === 401 || error.status === 403)) return { groupname: group };
    throw error;
  }
}

/** A project's numeric id: digits are used as given, a key is looked up. */
export async function projectIdOf(core: JiraCore, project: string, opts: CallOptions): Promise<string> {
  const text = project.trim();
  if (/^\d+$/.test(text)) return text;
  const version = apiVersion(await core.deployment(opts));
  const json = await core.send<unknown>(
    { path: `/rest/api/${version}/project/${encodeURIComponent(text)}` },
    opts,
  );
  const id = asRecord(json)?.id;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new NotFoundError(`No project '${text}'`, { status: 404 });
  return String(id);
}

/** A project role's id: digits as given, a name looked up in the project's roles (any case). */
async function roleIdOf(core: JiraCore, projectId: string, role: string, opts: CallOptions): Promise<string> {
  if (/^\d+$/.test(role)) return role;
  const version = apiVersion(await core.deployment(opts));
  const json = asRecord(
    await core.send<unknown>({ path: `/rest/api/${version}/project/${projectId}/role` }, opts),
  );
  const wanted = role.toLowerCase();
  const entry = Object.entries(json ?? {}).find(([name]) => name.toLowerCase() === wanted);
  const id = typeof entry?.[1] === 'string' ? /\/role\/(\d+)$/.exec(entry[1])?.[1] : undefined;
  if (id === undefined) {
    const names = Object.keys(json ?? {}).join(', ');
    throw new NotFoundError(`No project role named '${role}'${names ? ` (roles: ${names})` : ''}`, {
      status: 404,
    });
  }
  return id;
}
