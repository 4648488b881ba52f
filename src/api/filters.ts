/**
 * `jira.filters`: saved filters. Read one or the favourites, search (`/filter/search`, all pages), create,
 * change and delete. Cloud marks favourites through `/filter/{id}/favourite`; Data Center 10 has no such
 * resource, so there the flag travels in the filter's own PUT.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { type Filter, toFilter } from '../models/filter.js';
import {
  type FilterPermissionsApi,
  filterPermissionsApi,
  groupQuery,
  projectIdOf,
} from './filter-permissions.js';
import { asFilterWrite, filterId } from './filter-writes.js';
import { resolveUserRef, type UserInput } from './user-refs.js';

/** What `/filter/search` can order by; a leading `-` reverses the order. */
export type FilterOrderBy =
  | 'description'
  | 'favourite_count'
  | 'is_favourite'
  | 'id'
  | 'name'
  | 'owner'
  | '-description'
  | '-favourite_count'
  | '-is_favourite'
  | '-id'
  | '-name'
  | '-owner';

/** Options of `filters.find()`: every criterion given must match. */
export interface FindFiltersOptions extends CallOptions {
  /** Part of the name, any case. */
  name?: string;
  owner?: UserInput;
  /** Filters shared with this group. */
  group?: string;
  /** Filters shared with this project (key or id). */
  project?: string;
  orderBy?: FilterOrderBy;
  first?: number;
  skip?: number;
  pageSize?: number;
}

/** A new filter. */
export interface CreateFilterInput {
  name: string;
  jql: string;
  description?: string;
  favourite?: boolean;
}

/** Changes to a filter; what is left out stays as it is. */
export interface UpdateFilterInput {
  name?: string;
  description?: string;
  jql?: string;
  favourite?: boolean;
}

/** `jira.filters`. */
export interface FiltersApi {
  /** One filter the caller may see (NotFoundError when missing or private to someone else). */
  get(id: string | number, opts?: CallOptions): Promise<Filter>;
  /** The caller's favourite filters. */
  favourites(opts?: CallOptions): Promise<Filter[]>;
  /** Filters the caller may see that match every criterion given, all pages. */
  find(opts?: FindFiltersOptions): AsyncIterable<Filter>;
  /** Create a filter owned by the caller (private until shared). */
  create(input: CreateFilterInput, opts?: CallOptions): Promise<Filter>;
  /** Change a filter the caller owns (PermissionError for someone else's). */
  update(id: string | number, changes: UpdateFilterInput, opts?: CallOptions): Promise<Filter>;
  /** Delete a filter (its owner or a Jira administrator). */
  remove(id: string | number, opts?: CallOptions): Promise<void>;
  /** Who a filter is shared with. */
  permissions: FilterPermissionsApi;
}

/** The names `/filter/search` sends only on request. */
const SEARCH_EXPAND = 'description,owner,jql,viewUrl,searchUrl,favourite,favouritedCount,sharePermissions';
const ORDER_BY = /^-?(description|favourite_count|is_favourite|id|name|owner)$/;

/** Build the `filters` namespace over a client core. */
export function filtersApi(core: JiraCore): FiltersApi {
  const root = async (opts: CallOptions) => `/rest/api/${apiVersion(await core.deployment(opts))}/filter`;
  const get = async (id: string | number, opts: CallOptions = {}) =>
    toFilter(await core.send<unknown>({ path: `${await root(opts)}/${filterId(id)}` }, opts));

  return {
    get,
    async favourites(opts = {}) {
      const list = await core.send<unknown>({ path: `${await root(opts)}/favourite` }, opts);
      return (Array.isArray(list) ? list : []).map(toFilter);
    },
    find(opts = {}) {
      const { name, owner, group, project, orderBy, first, skip, pageSize, ...call } = opts;
      if (orderBy !== undefined && !ORDER_BY.test(orderBy))
        throw new InputError(`Cannot order filters by '${orderBy}'`);
      return {
        async *[Symbol.asyncIterator]() {
          const deployment = await core.deployment(call);
          const query: Record<string, string | undefined> = { expand: SEARCH_EXPAND, orderBy };
          if (name !== undefined && name.trim() !== '') query.filterName = name.trim();
          if (owner !== undefined) {
            const ref = await resolveUserRef(core, owner, call);
            if ('accountId' in ref) query.accountId = ref.accountId;
            else query.owner = ref.name;
          }
          if (group !== undefined) Object.assign(query, await groupQuery(core, deployment, group, call));
          if (project !== undefined) query.projectId = await projectIdOf(core, project, call);
          const paging = { style: 'offset' as const, itemsKey: 'values', first, skip, pageSize };
          const path = `/rest/api/${apiVersion(deployment)}/filter/search`;
          for await (const raw of core.paginate<unknown>({ path, query }, paging, call)) yield toFilter(raw);
        },
      };
    },
    async create(input, opts = {}) {
      const name = typeof input?.name === 'string' ? input.name.trim() : '';
      if (name === '') throw new InputError('A filter needs a name');
      if (typeof input.jql !== 'string' || input.jql.trim() === '')
        throw new InputError('A filter needs a JQL query');
      const body: Record<string, unknown> = { name, jql: input.jql };
      if (input.description !== undefined) body.description = input.description;
      if (input.favourite !== undefined) body.favourite = input.favourite;
      return toFilter(await core.send<unknown>({ method: 'POST', path: await root(opts), body }, opts));
    },
    async update(id, changes, opts = {}) {
      const key = filterId(id);
      const { name, description, jql, favourite } = changes ?? {};
      if ([name, description, jql, favourite].every((v) => v === undefined))
        throw new InputError('Nothing to change: give a name, description, JQL or favourite');
      if (name !== undefined && name.trim() === '') throw new InputError('A filter name cannot be empty');
      const path = `${await root(opts)}/${key}`;
      const cloud = (await core.deployment(opts)) === 'cloud';
      const fields = name !== undefined || description !== undefined || jql !== undefined;
      const favouriteResource = cloud && favourite !== undefined;
      let result: Filter | undefined;
      if (fields || !favouriteResource) {
        // Jira's PUT wants the name and JQL even when they stay the same, so start from the current filter.
        const current = await get(key, opts);
        const body: Record<string, unknown> = {
          name: name?.trim() ?? current.name,
          jql: jql ?? current.jql,
          description: description ?? current.description,
        };
        if (!cloud && favourite !== undefined) body.favourite = favourite;
        result = toFilter(await asFilterWrite(core.send<unknown>({ method: 'PUT', path, body }, opts)));
      }
      if (favouriteResource) {
        const method = favourite ? 'PUT' : 'DELETE';
        result = toFilter(
          await asFilterWrite(core.send<unknown>({ method, path: `${path}/favourite` }, opts)),
        );
      }
      if (!result) throw new InputError('Nothing to change');
      return result;
    },
    async remove(id, opts = {}) {
      const path = `${await root(opts)}/${filterId(id)}`;
      await asFilterWrite(core.send<unknown>({ method: 'DELETE', path }, opts));
    },
    permissions: filterPermissionsApi(core),
  };
}
