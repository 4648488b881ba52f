/**
 * `jira.groups`: look up, list members, create, delete, add and remove members. Cloud looks groups up through
 * `/group/bulk`; Data Center has no group lookup since Jira 11, so its group is read from the member page.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError, isJiraError, NotFoundError } from '../errors.js';
import { type Group, toGroup } from '../models/group.js';
import { toUser, type User } from '../models/user.js';
import { resolveUserRef, type UserInput, type UserRef } from './user-refs.js';

/** Options of `groups.members()`. */
export interface GroupMembersOptions extends CallOptions {
  includeInactive?: boolean;
  first?: number;
  skip?: number;
  pageSize?: number;
}

/** The outcome of adding or removing a member: `changed` is false when there was nothing to do. */
export interface MembershipChange {
  group: string;
  user: UserRef;
  changed: boolean;
  /** Jira's words when nothing changed ("already a member", "not a member"). */
  message?: string;
}

/** `jira.groups`. */
export interface GroupsApi {
  /** One group by exact name (any case). */
  get(name: string, opts?: CallOptions): Promise<Group>;
  /** The group's members, all pages. */
  members(name: string, opts?: GroupMembersOptions): AsyncIterable<User>;
  /** Create a group (administrators only). */
  create(name: string, opts?: CallOptions): Promise<Group>;
  /** Delete a group; `swapGroup` moves its restrictions (comments, worklogs) to another group. */
  remove(name: string, opts?: CallOptions & { swapGroup?: string }): Promise<void>;
  /** Add a user; already being a member is not an error (`changed: false`). */
  addMember(group: string, who: UserInput, opts?: CallOptions): Promise<MembershipChange>;
  /** Remove a user; not being a member is not an error (`changed: false`). */
  removeMember(group: string, who: UserInput, opts?: CallOptions): Promise<MembershipChange>;
}

const ALREADY = /already a member/i;
const NOT_MEMBER = /not a member/i;

/** Build the `groups` namespace over a client core. */
export function groupsApi(core: JiraCore): GroupsApi {
  const root = async (opts: CallOptions) => `/rest/api/${apiVersion(await core.deployment(opts))}/group`;
  const named = (name: string): string => {
    if (typeof name !== 'string' || name.trim() === '') throw new InputError('A group name is required');
    return name.trim();
  };

  return {
    async get(name, opts = {}) {
      const group = named(name);
      const path = await root(opts);
      if ((await core.deployment(opts)) === 'cloud') {
        const page = await core.send<{ values?: unknown[] }>(
          { path: `${path}/bulk`, query: { groupName: group } },
          opts,
        );
        const match = (page.values ?? [])
          .map(toGroup)
          .find((g) => g.name.toLowerCase() === group.toLowerCase());
        if (!match) throw new NotFoundError(`No group is named '${group}'`, { status: 404 });
        // The bulk lookup carries no member count; the first member page does.
        const members = await core.send<{ total?: unknown }>(
          { path: `${path}/member`, query: { groupId: match.groupId, maxResults: 1 } },
          opts,
        );
        return typeof members.total === 'number' ? { ...match, size: members.total } : match;
      }
      const page = await core.send<{ total?: unknown }>(
        { path: `${path}/member`, query: { groupname: group, maxResults: 1 } },
        opts,
      );
      return toGroup({
        name: group,
        users: { size: typeof page.total === 'number' ? page.total : 0 },
      });
    },
    members(name, opts = {}) {
      const { includeInactive, first, skip, pageSize, ...call } = opts;
      const group = named(name);
      const pages = {
        async *[Symbol.asyncIterator]() {
          const path = `${await root(call)}/member`;
          const query = { groupname: group, includeInactiveUsers: includeInactive || undefined };
          const paging = { style: 'offset' as const, itemsKey: 'values', first, skip, pageSize };
          for await (const raw of core.paginate<unknown>({ path, query }, paging, call)) yield toUser(raw);
        },
      };
      return pages;
    },
    async create(name, opts = {}) {
      const body = { name: named(name) };
      return toGroup(await core.send<unknown>({ method: 'POST', path: await root(opts), body }, opts));
    },
    async remove(name, opts = {}) {
      const { swapGroup, ...call } = opts;
      const query = { groupname: named(name), swapGroup };
      await core.send<unknown>({ method: 'DELETE', path: await root(call), query }, call);
    },
    async addMember(group, who, opts = {}) {
      const name = named(group);
      const user = await resolveUserRef(core, who, opts);
      const path = `${await root(opts)}/user`;
      return membership(name, user, ALREADY, () =>
        core.send<unknown>({ method: 'POST', path, query: { groupname: name }, body: user }, opts),
      );
    },
    async removeMember(group, who, opts = {}) {
      const name = named(group);
      const user = await resolveUserRef(core, who, opts);
      const path = `${await root(opts)}/user`;
      const query = {
        groupname: name,
        ...('accountId' in user ? { accountId: user.accountId } : { username: user.name }),
      };
      return membership(name, user, NOT_MEMBER, () =>
        core.send<unknown>({ method: 'DELETE', path, query }, opts),
      );
    },
  };
}

/** Runs a membership change; Jira's 400 for "nothing to do" becomes `changed: false`. */
async function membership(
  group: string,
  user: UserRef,
  nothingToDo: RegExp,
  send: () => Promise<unknown>,
): Promise<MembershipChange> {
  try {
    await send();
    return { group, user, changed: true };
  } catch (err) {
    if (isJiraError(err) && err.status === 400) {
      const message = err.errorMessages.find((m) => nothingToDo.test(m));
      if (message) return { group, user, changed: false, message };
    }
    throw err;
  }
}
