/**
 * Saved filters, minimal for now: `GET /rest/api/{v}/filter/{id}`. The owner sees their filters, everyone
 * signed in sees globally shared ones; anything else is a 404 with Jira's wording, never a 403.
 */
import type { FilterRecord, UserRecord } from '../model.js';
import { errorResponse, jsonResponse } from '../render/responses.js';
import type { RenderScope } from '../render/scope.js';
import { renderUserByName } from '../render/users.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

const NOT_AVAILABLE =
  'The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.';
/** Jira pages the embedded user and subscription lists at 1000. */
const EMBEDDED_PAGE = 1000;

/** Mounts the filter routes on every API version of the flavor. */
export function registerFilters(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/filter/:id`), (c) => {
      const filter = (deps.store.state.filters ?? []).find((f) => String(f.id) === c.req.param('id'));
      const user = c.get('caller').user;
      if (!filter || !maySee(user, filter)) return errorResponse(404, [NOT_AVAILABLE]);
      return jsonResponse(200, renderFilter(filter, user, scopeFor(c, deps, version)));
    });
  }
}

/** The owner always, everyone signed in when the filter is shared globally. */
export function maySee(user: UserRecord | null, filter: FilterRecord): boolean {
  if (!user) return false;
  return filter.owner === user.name || filter.shared === 'global';
}

/** A filter as `GET /filter/{id}` sends it; `searchUrl` points at the flavor's classic search. */
export function renderFilter(
  filter: FilterRecord,
  viewer: UserRecord | null,
  scope: RenderScope,
): Record<string, unknown> {
  const root = `${scope.base}/rest/api/${scope.version}`;
  const owner = renderUserByName(filter.owner, scope);
  const sharePermissions = filter.shared === 'global' ? [{ id: 10000 + filter.id, type: 'global' }] : [];
  const body: Record<string, unknown> = {
    self: `${root}/filter/${filter.id}`,
    id: String(filter.id),
    name: filter.name,
    description: filter.description,
    owner,
    jql: filter.jql,
    viewUrl: `${scope.base}/issues/?filter=${filter.id}`,
    searchUrl: `${root}/search?jql=${encodeURIComponent(filter.jql)}`,
    favourite: viewer !== null && filter.favouredBy.includes(viewer.name),
    favouritedCount: filter.favouredBy.length,
    sharePermissions,
  };
  if (scope.flavor === 'cloud') body.editPermissions = [];
  else body.editable = viewer !== null && viewer.name === filter.owner;
  const sharedUsers = filter.shared === 'private' && owner ? [owner] : [];
  body.sharedUsers = page(sharedUsers);
  body.subscriptions = page([]);
  return body;
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
