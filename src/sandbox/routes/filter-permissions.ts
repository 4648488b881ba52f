/**
 * A filter's share permissions: list, add, read one, delete one. Anyone who sees the filter may list them;
 * only the owner may change them. A share input names its target as Jira's SharePermissionInputBean does:
 * `groupname` or (Cloud) `groupId`, `projectId`, and `projectId` + `projectRoleId` for a project role.
 */
import {
  editableShares,
  FILTER_NOT_AVAILABLE,
  isOwner,
  nextShareId,
  projectById,
  projectRole,
  sharesOf,
  visibleFilter,
} from '../filter-access.js';
import { findGroup, isMember } from '../groups.js';
import type { SharePermissionRecord, UserRecord } from '../model.js';
import { canBrowse } from '../permissions.js';
import { renderShare } from '../render/filters.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

const NOT_OWNER = 'You must be the owner of this filter to change who it is shared with.';

/** Mounts `/filter/{id}/permission` and `/filter/{id}/permission/{permissionId}`. */
export function registerFilterPermissions(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/filter/:id/permission`);

    app.get(root, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const filter = visibleFilter(deps.store, user, c.req.param('id') ?? '');
      if (!filter) return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      const scope = scopeFor(c, deps, version);
      return jsonResponse(
        200,
        sharesOf(filter).map((s) => renderShare(s, scope)),
      );
    });

    app.post(root, async (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const filter = visibleFilter(deps.store, user, c.req.param('id') ?? '');
      if (!filter) return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      if (!isOwner(user, filter)) return errorResponse(400, [NOT_OWNER]);
      const body: unknown = await c.req.json().catch(() => undefined);
      const parsed = parseShareInput(deps, user, body, sharesOf(filter));
      if ('error' in parsed) return shareError(parsed.error);
      editableShares(filter).push(parsed.share);
      deps.store.commit();
      const scope = scopeFor(c, deps, version);
      return jsonResponse(
        201,
        sharesOf(filter).map((s) => renderShare(s, scope)),
      );
    });

    app.get(`${root}/:permissionId`, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const filter = visibleFilter(deps.store, user, c.req.param('id') ?? '');
      if (!filter) return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      const share = sharesOf(filter).find((s) => String(s.id) === (c.req.param('permissionId') ?? ''));
      if (!share) return errorResponse(404, [shareNotFound(c.req.param('permissionId') ?? '')]);
      return jsonResponse(200, renderShare(share, scopeFor(c, deps, version)));
    });

    app.delete(`${root}/:permissionId`, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const filter = visibleFilter(deps.store, user, c.req.param('id') ?? '');
      if (!filter) return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      const id = c.req.param('permissionId') ?? '';
      const share = sharesOf(filter).find((s) => String(s.id) === id);
      if (!share) return errorResponse(404, [shareNotFound(id)]);
      if (!isOwner(user, filter)) return errorResponse(400, [NOT_OWNER]);
      filter.sharePermissions = editableShares(filter).filter((s) => s.id !== share.id);
      deps.store.commit();
      return new Response(null, { status: 204 });
    });
  }
}

/** A rejected share input: 400 with the reason. */
export function shareError(message: string): Response {
  return errorResponse(400, [message]);
}

/**
 * Reads one SharePermissionInputBean into a share (with a fresh id), or the reason it is refused. Jira takes
 * the type in any case (`projectrole` too) and refuses a share the filter already has.
 */
export function parseShareInput(
  deps: RouteDeps,
  user: UserRecord,
  body: unknown,
  existing: readonly SharePermissionRecord[],
): { share: SharePermissionRecord } | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { error: 'The request body must be a JSON object.' };
  const input = body as Record<string, unknown>;
  const type = shareType(input.type);
  if (!type) return { error: `'${String(input.type)}' is not a valid share type.` };
  const share: Omit<SharePermissionRecord, 'id'> = { type };
  if (type === 'group') {
    const byId = deps.flavor === 'cloud' && typeof input.groupId === 'string' && input.groupId !== '';
    const name = typeof input.groupname === 'string' ? input.groupname.trim() : '';
    if (!byId && name === '') return { error: 'A group must be given (groupname or groupId).' };
    const group = findGroup(deps.store, byId ? { groupId: input.groupId as string } : { name });
    if (!group) return { error: `Group '${byId ? String(input.groupId) : name}' does not exist.` };
    if (!user.admin && !isMember(user, group))
      return { error: `You can only share with groups you are a member of ('${group.name}').` };
    share.group = group.name;
  }
  if (type === 'project' || type === 'projectRole') {
    const projectId = idOf(input.projectId);
    if (projectId === undefined) return { error: `A ${type} share needs a projectId.` };
    const project = projectById(deps.store, projectId);
    if (!project || !canBrowse(user, project))
      return { error: `No project could be found with id '${projectId}'.` };
    share.projectId = project.id;
    if (type === 'projectRole') {
      const roleId = idOf(input.projectRoleId);
      if (roleId === undefined) return { error: 'A projectRole share needs a projectRoleId.' };
      if (!projectRole(roleId)) return { error: `No project role has the id '${roleId}'.` };
      share.roleId = roleId;
    }
  }
  if (existing.some((s) => sameTarget(s, share))) return { error: 'The filter is already shared this way.' };
  return { share: { id: nextShareId(deps.store), ...share } };
}

function shareType(value: unknown): SharePermissionRecord['type'] | undefined {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (text === 'loggedin') return 'authenticated';
  if (text === 'projectrole') return 'projectRole';
  return (['global', 'authenticated', 'group', 'project'] as const).find((t) => t === text);
}

function idOf(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function sameTarget(a: Omit<SharePermissionRecord, 'id'>, b: Omit<SharePermissionRecord, 'id'>): boolean {
  return (
    a.type === b.type &&
    a.group?.toLowerCase() === b.group?.toLowerCase() &&
    a.projectId === b.projectId &&
    a.roleId === b.roleId
  );
}

function shareNotFound(id: string): string {
  return `Share permission with id '${id}' does not exist for this filter.`;
}
