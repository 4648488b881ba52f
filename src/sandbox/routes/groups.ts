/**
 * Groups: Cloud's `GET /group/bulk` search, members (`GET /group/member`, paged), create and delete, add and
 * remove members. Changes need a site administrator (403 otherwise). Cloud names a group by `groupId` or
 * `groupname`; Data Center by `groupname`.
 */
import { allGroups, findGroup, groupIdFor, isMember, membersOf } from '../groups.js';
import type { GroupRecord } from '../model.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { apiRoot, type RenderScope } from '../render/scope.js';
import { renderUserRef } from '../render/users.js';
import { userFromBody, userFromString } from '../user-input.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const DEFAULT_PAGE = 50;

/** Registers the group routes. */
export function registerGroups(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/group`);

    if (deps.flavor === 'cloud') {
      app.get(`${root}/bulk`, (c) => {
        if (!c.get('caller').user) return notAuthenticated();
        const names = (c.req.queries('groupName') ?? []).map((n) => n.toLowerCase());
        const ids = c.req.queries('groupId') ?? [];
        const wanted = allGroups(deps.store).filter(
          (g) =>
            (names.length === 0 && ids.length === 0) ||
            names.includes(g.name.toLowerCase()) ||
            ids.includes(g.groupId),
        );
        const page = paged(
          c,
          wanted.map((g) => ({ name: g.name, groupId: g.groupId })),
        );
        return jsonResponse(200, page);
      });
      app.get(root, (c) => {
        if (!c.get('caller').user) return notAuthenticated();
        const group = named(c, deps);
        if (!group) return groupNotFound(deps, c);
        return jsonResponse(200, renderGroup(group, scopeFor(c, deps, version)));
      });
    }

    app.get(`${root}/member`, (c) => {
      if (!c.get('caller').user) return notAuthenticated();
      const group = named(c, deps);
      if (!group) return groupNotFound(deps, c);
      const scope = scopeFor(c, deps, version);
      const members = membersOf(deps.store, group, c.req.query('includeInactiveUsers') === 'true');
      const page = paged(
        c,
        members.map((u) => renderUserRef(u, scope)),
      );
      return jsonResponse(200, {
        self: `${apiRoot(scope)}/group/member?${groupQuery(group, deps)}`,
        ...page,
      });
    });

    app.post(root, async (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const body = (await c.req.json().catch(() => null)) as { name?: unknown } | null;
      const name = typeof body?.name === 'string' ? body.name.trim() : '';
      if (name === '') return errorResponse(400, ['You must specify a group name.']);
      if (findGroup(deps.store, { name }) || deps.store.userByName(name)) {
        return errorResponse(400, ['A group or user with this name already exists.']);
      }
      const group: GroupRecord = { name, groupId: groupIdFor(name) };
      allGroups(deps.store).push(group);
      deps.store.commit();
      return jsonResponse(201, renderGroup(group, scopeFor(c, deps, version)));
    });

    app.delete(root, (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const group = named(c, deps);
      if (!group) return groupNotFound(deps, c);
      const groups = allGroups(deps.store);
      groups.splice(groups.indexOf(group), 1);
      for (const user of deps.store.state.users) user.groups = user.groups.filter((g) => !sameName(g, group));
      deps.store.commit();
      return new Response(null, { status: 200 });
    });

    app.post(`${root}/user`, async (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const group = named(c, deps);
      if (!group) return groupNotFound(deps, c);
      const input = userFromBody(deps.store, deps.flavor, await c.req.json().catch(() => undefined));
      if (!input.ok || !input.user)
        return errorResponse(400, [input.ok ? 'You must specify a user.' : input.error]);
      if (isMember(input.user, group)) {
        const who = deps.flavor === 'cloud' ? 'User' : `'${input.user.name}'`;
        return errorResponse(400, [`Cannot add user. ${who} is already a member of '${group.name}'`]);
      }
      input.user.groups.push(group.name);
      deps.store.commit();
      return jsonResponse(201, renderGroup(group, scopeFor(c, deps, version)));
    });

    app.delete(`${root}/user`, (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const group = named(c, deps);
      if (!group) return groupNotFound(deps, c);
      const id = deps.flavor === 'cloud' ? c.req.query('accountId') : c.req.query('username');
      const user = id ? userFromString(deps.store, deps.flavor, id) : undefined;
      if (!user) return errorResponse(404, [`The user '${id ?? ''}' does not exist.`]);
      if (!isMember(user, group)) {
        const who = deps.flavor === 'cloud' ? 'User' : `'${user.name}'`;
        return errorResponse(400, [`Cannot remove user. ${who} is not a member of '${group.name}'`]);
      }
      user.groups = user.groups.filter((g) => !sameName(g, group));
      deps.store.commit();
      return new Response(null, { status: 200 });
    });
  }
}

/** A Cloud `Group` / Data Center `GroupBean`, with the member count (`expand=users` lists them). */
export function renderGroup(group: GroupRecord, scope: RenderScope): Record<string, unknown> {
  const members = membersOf(scope.store, group, false);
  const self = `${apiRoot(scope)}/group?${scope.flavor === 'cloud' ? `groupId=${group.groupId}` : `groupname=${encodeURIComponent(group.name)}`}`;
  const users = { size: members.length, items: [], 'max-results': 50, 'start-index': 0, 'end-index': 0 };
  if (scope.flavor === 'datacenter') return { name: group.name, self, users, expand: 'users' };
  return { name: group.name, groupId: group.groupId, self, users, expand: 'users' };
}

function named(c: SandboxContext, deps: RouteDeps): GroupRecord | undefined {
  const groupId = deps.flavor === 'cloud' ? c.req.query('groupId') : undefined;
  const name = c.req.query('groupname') ?? c.req.query('groupName');
  if (!groupId && !name) return undefined;
  return findGroup(deps.store, { ...(groupId ? { groupId } : {}), ...(name ? { name } : {}) });
}

function groupNotFound(deps: RouteDeps, c: SandboxContext): Response {
  const which = c.req.query('groupname') ?? c.req.query('groupName') ?? c.req.query('groupId');
  if (!which) {
    return errorResponse(400, [
      deps.flavor === 'cloud'
        ? 'Either a group name or a group id must be provided.'
        : 'You must specify a group name.',
    ]);
  }
  return errorResponse(404, [`Specified group does not exist.`], {});
}

function groupQuery(group: GroupRecord, deps: RouteDeps): string {
  return deps.flavor === 'cloud' ? `groupId=${group.groupId}` : `groupname=${encodeURIComponent(group.name)}`;
}

function adminOnly(c: SandboxContext): Response | undefined {
  const user = c.get('caller').user;
  if (!user) return notAuthenticated();
  if (!user.admin) return errorResponse(403, ['You do not have permission to administer groups and users.']);
  return undefined;
}

function paged<T>(c: SandboxContext, items: T[]): Record<string, unknown> {
  const startAt = whole(c.req.query('startAt'), 0);
  const maxResults = Math.max(1, whole(c.req.query('maxResults'), DEFAULT_PAGE));
  const values = items.slice(startAt, startAt + maxResults);
  return {
    maxResults,
    startAt,
    total: items.length,
    isLast: startAt + values.length >= items.length,
    values,
  };
}

function sameName(name: string, group: GroupRecord): boolean {
  return name.toLowerCase() === group.name.toLowerCase();
}

function whole(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}
