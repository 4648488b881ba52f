/**
 * `GET /rest/api/{v}/filter/search`: the filters the caller may see, narrowed by name (a case-insensitive
 * substring), owner (Cloud `accountId`, Data Center `owner` user name), group share, project share and ids,
 * ordered and paged (`values`). Cloud serves it; Data Center 11 does too, so both flavors do here.
 */

import { maySee, sharesOf } from '../filter-access.js';
import { findGroup } from '../groups.js';
import type { FilterRecord, UserRecord } from '../model.js';
import { renderFilterDetails } from '../render/filters.js';
import { errorResponse, jsonResponse } from '../render/responses.js';
import { apiRoot } from '../render/scope.js';
import { userFromString } from '../user-input.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 100;

type SortKey = (f: FilterRecord, viewer: UserRecord | null) => string | number;

const SORTS: Record<string, SortKey> = {
  description: (f) => f.description.toLowerCase(),
  favourite_count: (f) => f.favouredBy.length,
  is_favourite: (f, viewer) => (viewer && f.favouredBy.includes(viewer.name) ? 1 : 0),
  id: (f) => f.id,
  name: (f) => f.name.toLowerCase(),
  owner: (f) => f.owner.toLowerCase(),
  is_shared: (f) => (sharesOf(f).length > 0 ? 1 : 0),
};

/** Mounts the filter search on every API version of the flavor. */
export function registerFilterSearch(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/filter/search`), (c) => {
      const user = c.get('caller').user;
      const matched = matching(c, deps, user);
      if (typeof matched === 'string') return errorResponse(400, [matched]);
      const order = sortOf(c.req.query('orderBy'));
      if (!order) return errorResponse(400, [`'${c.req.query('orderBy')}' is not a valid orderBy value.`]);
      const startAt = Math.max(0, Number.parseInt(c.req.query('startAt') ?? '0', 10) || 0);
      const asked = Number.parseInt(c.req.query('maxResults') ?? '', 10);
      const maxResults = Number.isNaN(asked) || asked < 0 ? DEFAULT_PAGE : Math.min(asked, MAX_PAGE);
      const sorted = [...matched].sort(
        (a, b) => order.direction * compare(order.key(a, user), order.key(b, user)) || a.id - b.id,
      );
      const values = sorted.slice(startAt, startAt + maxResults);
      const scope = scopeFor(c, deps, version);
      const expand = new Set((c.req.query('expand') ?? '').split(',').map((e) => e.trim()));
      const isLast = startAt + values.length >= sorted.length;
      const url = new URL(c.req.url);
      const self = `${apiRoot(scope)}/filter/search${url.search}`;
      const body: Record<string, unknown> = { self, maxResults, startAt, total: sorted.length, isLast };
      if (!isLast) {
        url.searchParams.set('startAt', String(startAt + values.length));
        body.nextPage = `${apiRoot(scope)}/filter/search${url.search}`;
      }
      body.values = values.map((f) => renderFilterDetails(f, user, scope, expand));
      return jsonResponse(200, body);
    });
  }
}

/** The visible filters the query parameters select, or the 400 message for a bad combination. */
function matching(c: SandboxContext, deps: RouteDeps, user: UserRecord | null): FilterRecord[] | string {
  const q = (name: string) => c.req.query(name)?.trim() || undefined;
  const name = q('filterName')?.toLowerCase();
  const accountId = q('accountId');
  const ownerName = q('owner');
  if (accountId && ownerName) return 'The accountId and owner parameters cannot be used together.';
  if (deps.flavor === 'cloud' && ownerName) return "The 'owner' parameter is not supported: use 'accountId'.";
  if (deps.flavor === 'datacenter' && accountId)
    return "The 'accountId' parameter is not supported: use 'owner'.";
  const groupName = q('groupname');
  const groupId = q('groupId');
  if (groupName && groupId) return 'The groupname and groupId parameters cannot be used together.';
  const projectId = q('projectId');
  if (projectId !== undefined && !/^\d+$/.test(projectId)) return `'${projectId}' is not a valid projectId.`;
  const ids = (c.req.queries('id') ?? []).map(Number);

  const ownerRef = accountId ?? ownerName;
  const owner =
    ownerRef === undefined ? undefined : (userFromString(deps.store, deps.flavor, ownerRef) ?? null);
  const group =
    groupName || groupId
      ? (findGroup(deps.store, groupId ? { groupId } : { name: groupName }) ?? null)
      : undefined;

  return (deps.store.state.filters ?? []).filter((f) => {
    if (!maySee(deps.store, user, f)) return false;
    if (name !== undefined && !f.name.toLowerCase().includes(name)) return false;
    if (owner !== undefined && (owner === null || f.owner !== owner.name)) return false;
    if (ids.length > 0 && !ids.includes(f.id)) return false;
    const shares = sharesOf(f);
    if (
      group !== undefined &&
      (group === null ||
        !shares.some((s) => s.type === 'group' && s.group?.toLowerCase() === group.name.toLowerCase()))
    )
      return false;
    if (projectId !== undefined && !shares.some((s) => s.projectId === Number(projectId))) return false;
    return true;
  });
}

function sortOf(raw: string | undefined): { key: SortKey; direction: 1 | -1 } | undefined {
  const text = (raw ?? 'name').trim();
  const direction = text.startsWith('-') ? -1 : 1;
  const key = SORTS[text.replace(/^[-+]/, '')];
  return key ? { key, direction } : undefined;
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
