/**
 * Saved filters and their share permissions as Jira sends them. Project-role shares come back as type
 * `project` with a `role` (Jira never returns `projectRole`), and `authenticated` ones as `loggedin`.
 */
import { maySee, projectById, projectRole, sharesOf } from '../filter-access.js';
import { findGroup } from '../groups.js';
import type { FilterRecord, SharePermissionRecord, UserRecord } from '../model.js';
import { renderProjectRef } from './references.js';
import { apiRoot, type RenderScope } from './scope.js';
import { renderUserByName, renderUserRef } from './users.js';

/** Jira pages the embedded user and subscription lists at 1000. */
const EMBEDDED_PAGE = 1000;

/** The names `/filter/search` expands on request (it sends only id, name and self otherwise). */
export const SEARCH_EXPANDS = [
  'description',
  'owner',
  'jql',
  'viewUrl',
  'searchUrl',
  'favourite',
  'favouritedCount',
  'sharePermissions',
] as const;

/** A filter as `GET /filter/{id}` sends it; `searchUrl` points at the flavor's classic search. */
export function renderFilter(
  filter: FilterRecord,
  viewer: UserRecord | null,
  scope: RenderScope,
): Record<string, unknown> {
  const root = apiRoot(scope);
  const body: Record<string, unknown> = {
    self: `${root}/filter/${filter.id}`,
    id: String(filter.id),
    name: filter.name,
    description: filter.description,
    owner: renderUserByName(filter.owner, scope),
    jql: filter.jql,
    viewUrl: `${scope.base}/issues/?filter=${filter.id}`,
    searchUrl: `${root}/search?jql=${encodeURIComponent(filter.jql)}`,
    favourite: viewer !== null && filter.favouredBy.includes(viewer.name),
    favouritedCount: filter.favouredBy.length,
    sharePermissions: sharesOf(filter).map((share) => renderShare(share, scope)),
  };
  if (scope.flavor === 'cloud') body.editPermissions = [];
  else body.editable = viewer !== null && viewer.name === filter.owner;
  const readers = scope.store.state.users.filter((u) => u.active && maySee(scope.store, u, filter));
  body.sharedUsers = page(readers.map((u) => renderUserRef(u, scope)));
  body.subscriptions = page([]);
  return body;
}

/** A filter as one `/filter/search` value: id, name and self, plus the expanded names asked for. */
export function renderFilterDetails(
  filter: FilterRecord,
  viewer: UserRecord | null,
  scope: RenderScope,
  expand: ReadonlySet<string>,
): Record<string, unknown> {
  const full = renderFilter(filter, viewer, scope);
  const out: Record<string, unknown> = {
    expand: SEARCH_EXPANDS.join(','),
    self: full.self,
    id: full.id,
    name: full.name,
  };
  for (const name of SEARCH_EXPANDS) if (expand.has(name)) out[name] = full[name];
  return out;
}

/** One share permission (SharePermission on Cloud, FilterPermissionBean on Data Center). */
export function renderShare(share: SharePermissionRecord, scope: RenderScope): Record<string, unknown> {
  const dc = scope.flavor === 'datacenter';
  // Data Center states the rights a share gives; shares only ever grant viewing here.
  const rights = dc ? { view: true, edit: false } : {};
  switch (share.type) {
    case 'global':
      return { id: share.id, type: 'global', ...rights };
    case 'authenticated':
      return { id: share.id, type: 'loggedin', ...rights };
    case 'group': {
      const group = findGroup(scope.store, { name: share.group ?? '' });
      const name = group?.name ?? share.group ?? '';
      const rendered: Record<string, unknown> = {
        name,
        self: `${apiRoot(scope)}/group?groupname=${encodeURIComponent(name)}`,
      };
      if (!dc && group) rendered.groupId = group.groupId;
      return { id: share.id, type: 'group', group: rendered, ...rights };
    }
    case 'project':
    case 'projectRole': {
      const project = projectById(scope.store, share.projectId);
      const out: Record<string, unknown> = { id: share.id, type: 'project', ...rights };
      if (project) out.project = renderProjectRef(project, scope);
      const role =
        share.type === 'projectRole' && share.roleId !== undefined ? projectRole(share.roleId) : undefined;
      if (role && project) out.role = renderRole(role.id, role.name, role.description, project.id, scope);
      return out;
    }
  }
}

/** A project role as a share permission (and `GET /project/{key}/role/{id}`) sends it. */
export function renderRole(
  id: number,
  name: string,
  description: string,
  projectId: number,
  scope: RenderScope,
): Record<string, unknown> {
  return { self: `${apiRoot(scope)}/project/${projectId}/role/${id}`, name, id, description };
}

function page(items: unknown[]): Record<string, unknown> {
  return {
    size: items.length,
    items,
    'max-results': EMBEDDED_PAGE,
    'start-index': 0,
    'end-index': Math.max(0, items.length - 1),
  };
}
