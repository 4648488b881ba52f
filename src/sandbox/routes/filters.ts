/**
 * Saved filters: read, favourites, create, change, delete, and (Cloud) mark or unmark as favourite. The
 * owner sees their filters, others see them through share permissions; a hidden filter is a 404 with Jira's
 * wording, never a 403. Only the owner may change a filter (Jira answers 400); the owner or a site
 * administrator may delete it. Search, share permissions and project roles live in their own modules.
 */
import {
  FILTER_NOT_AVAILABLE,
  findFilter,
  isOwner,
  maySee,
  nextFilterId,
  visibleFilter,
} from '../filter-access.js';
import type { FilterRecord, UserRecord } from '../model.js';
import { renderFilter } from '../render/filters.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import type { Store } from '../store.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';
import { parseShareInput, registerFilterPermissions, shareError } from './filter-permissions.js';
import { registerFilterSearch } from './filter-search.js';
import { registerProjectRoles } from './project-roles.js';

/** Jira's refusal when someone other than the owner changes a filter. */
export const NOT_OWNER = 'You must be the owner of this filter to change it.';

/** Mounts the filter routes (with search, share permissions and project roles) on every API version. */
export function registerFilters(app: SandboxApp, deps: RouteDeps): void {
  registerFilterSearch(app, deps);
  registerFilterPermissions(app, deps);
  registerProjectRoles(app, deps);
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/filter`);

    app.get(`${root}/favourite`, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const scope = scopeFor(c, deps, version);
      const mine = (deps.store.state.filters ?? [])
        .filter((f) => f.favouredBy.includes(user.name) && maySee(deps.store, user, f))
        .sort((a, b) => a.name.localeCompare(b.name));
      return jsonResponse(
        200,
        mine.map((f) => renderFilter(f, user, scope)),
      );
    });

    app.post(root, async (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const body = await jsonBody(c.req.raw);
      const input = await readFilterInput(deps.store, user, body, undefined);
      if ('error' in input) return input.error;
      const filter: FilterRecord = {
        id: nextFilterId(deps.store),
        name: input.name ?? '',
        jql: input.jql ?? '',
        owner: user.name,
        description: input.description ?? '',
        favouredBy: input.favourite ? [user.name] : [],
        sharePermissions: [],
      };
      const shares = parseShares(deps, user, body);
      if (shares instanceof Response) return shares;
      filter.sharePermissions = shares;
      deps.store.state.filters = [...(deps.store.state.filters ?? []), filter];
      deps.store.commit();
      return jsonResponse(200, renderFilter(filter, user, scopeFor(c, deps, version)));
    });

    app.get(`${root}/:id`, (c) => {
      const user = c.get('caller').user;
      const filter = visibleFilter(deps.store, user, c.req.param('id'));
      if (!filter) return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      return jsonResponse(200, renderFilter(filter, user, scopeFor(c, deps, version)));
    });

    app.put(`${root}/:id`, async (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const filter = visibleFilter(deps.store, user, c.req.param('id'));
      if (!filter) return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      if (!isOwner(user, filter)) return errorResponse(400, [NOT_OWNER]);
      const body = await jsonBody(c.req.raw);
      const input = await readFilterInput(deps.store, user, body, filter);
      if ('error' in input) return input.error;
      if (input.name !== undefined) filter.name = input.name;
      if (input.jql !== undefined) filter.jql = input.jql;
      if (input.description !== undefined) filter.description = input.description;
      if (input.favourite !== undefined) setFavourite(filter, user, input.favourite);
      if (body && Array.isArray(body.sharePermissions)) {
        const shares = parseShares(deps, user, body);
        if (shares instanceof Response) return shares;
        filter.sharePermissions = shares;
        delete filter.shared;
      }
      deps.store.commit();
      return jsonResponse(200, renderFilter(filter, user, scopeFor(c, deps, version)));
    });

    app.delete(`${root}/:id`, (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const filter = findFilter(deps.store, c.req.param('id'));
      const allowed = filter !== undefined && (isOwner(user, filter) || user.admin);
      if (!filter || (!allowed && !maySee(deps.store, user, filter)))
        return errorResponse(404, [FILTER_NOT_AVAILABLE]);
      if (!allowed) return errorResponse(400, [NOT_OWNER]);
      deps.store.state.filters = (deps.store.state.filters ?? []).filter((f) => f !== filter);
      deps.store.commit();
      return new Response(null, { status: 204 });
    });

    // Data Center 10 has no favourite resource: there `favourite` is changed through PUT /filter/{id}.
    if (deps.flavor === 'cloud') {
      for (const [method, on] of [
        ['put', true],
        ['delete', false],
      ] as const) {
        app[method](`${root}/:id/favourite`, (c) => {
          const user = c.get('caller').user;
          if (!user) return notAuthenticated();
          const filter = visibleFilter(deps.store, user, c.req.param('id'));
          if (!filter) return errorResponse(400, [FILTER_NOT_AVAILABLE]);
          setFavourite(filter, user, on);
          deps.store.commit();
          return jsonResponse(200, renderFilter(filter, user, scopeFor(c, deps, version)));
        });
      }
    }
  }
}

interface FilterInput {
  name?: string;
  jql?: string;
  description?: string;
  favourite?: boolean;
}

/** Reads name, jql, description and favourite; the name must be set and unique for the owner, the JQL parse. */
async function readFilterInput(
  store: Store,
  owner: UserRecord,
  body: Record<string, unknown> | undefined,
  current: FilterRecord | undefined,
): Promise<FilterInput | { error: Response }> {
  if (!body) return { error: errorResponse(400, ['The request body must be a JSON object.']) };
  const input: FilterInput = {};
  for (const key of ['name', 'jql', 'description'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      return { error: errorResponse(400, [], { [key]: `The ${key} must be a string.` }) };
    input[key] = key === 'name' ? value.trim() : value;
  }
  if (typeof body.favourite === 'boolean') input.favourite = body.favourite;
  const name = input.name ?? current?.name ?? '';
  if (name === '')
    return {
      error: errorResponse(400, [], { filterName: 'You must specify a name to save this filter as.' }),
    };
  const taken = (store.state.filters ?? []).some(
    (f) => f !== current && f.owner === owner.name && f.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken)
    return { error: errorResponse(400, [], { filterName: 'Filter with same name already exists.' }) };
  if (!current && input.jql === undefined) input.jql = '';
  if (input.jql !== undefined && input.jql.trim() !== '') {
    const { parseJql, JqlError } = await import('../jql/index.js');
    try {
      parseJql(input.jql);
    } catch (error) {
      if (error instanceof JqlError)
        return { error: errorResponse(400, [], { jql: error.errorMessages.join(' ') }) };
      throw error;
    }
  }
  return input;
}

/** The `sharePermissions` a create or update body asks for, checked like `POST /filter/{id}/permission`. */
function parseShares(
  deps: RouteDeps,
  user: UserRecord,
  body: Record<string, unknown> | undefined,
): NonNullable<FilterRecord['sharePermissions']> | Response {
  const list = Array.isArray(body?.sharePermissions) ? body.sharePermissions : [];
  const shares: NonNullable<FilterRecord['sharePermissions']> = [];
  for (const item of list) {
    const share = parseShareInput(deps, user, item, shares);
    if ('error' in share) return shareError(share.error);
    shares.push(share.share);
  }
  return shares;
}

function setFavourite(filter: FilterRecord, user: UserRecord, on: boolean): void {
  const others = filter.favouredBy.filter((name) => name !== user.name);
  filter.favouredBy = on ? [...others, user.name] : others;
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const body: unknown = await request.json().catch(() => undefined);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}
