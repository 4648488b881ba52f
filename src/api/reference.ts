/**
 * Reference data: the field catalogue, priorities, statuses, issue types, resolutions and issue link types.
 * Lists that rarely change (fields, issue types, priorities, statuses) go through the client's TTL cache.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError, NotFoundError } from '../errors.js';
import { asRecord } from '../models/json.js';
import {
  type Field,
  type IssueLinkType,
  type IssueType,
  type Priority,
  type Resolution,
  type Status,
  toField,
  toIssueLinkType,
  toIssueType,
  toPriority,
  toResolution,
  toStatus,
} from '../models/reference.js';

/** The cached kinds of reference data, as `jira.clearCache(type)` names them. */
export type CacheType = 'fields' | 'issuetypes' | 'priorities' | 'statuses' | 'serverinfo';

/** Options of a cached list: `fresh` skips the cache read and refreshes the entry. */
export interface CachedListOptions extends CallOptions {
  fresh?: boolean;
}

/** Loads a value through the client's cache, keyed by server, kind and caller identity. */
export type CachedLoader = <T>(
  type: CacheType,
  load: () => Promise<T>,
  opts: CachedListOptions,
) => Promise<T>;

/** `jira.fields`. */
export interface FieldsApi {
  /** Every system and custom field (cached). */
  list(opts?: CachedListOptions): Promise<Field[]>;
}

/** `jira.priorities`. */
export interface PrioritiesApi {
  /** Every priority, highest first (cached). */
  list(opts?: CachedListOptions): Promise<Priority[]>;
}

/** `jira.statuses`. */
export interface StatusesApi {
  /** Every status (cached). */
  list(opts?: CachedListOptions): Promise<Status[]>;
  /** One status by id or name (case-insensitive); NotFoundError when there is none. */
  get(idOrName: string, opts?: CachedListOptions): Promise<Status>;
}

/** `jira.issueTypes`. */
export interface IssueTypesApi {
  /** Every issue type the caller can see (cached). */
  list(opts?: CachedListOptions): Promise<IssueType[]>;
}

/** `jira.resolutions`. */
export interface ResolutionsApi {
  /** Every resolution. */
  list(opts?: CallOptions): Promise<Resolution[]>;
}

/** `jira.issueLinkTypes`. */
export interface IssueLinkTypesApi {
  /** Every issue link type. */
  list(opts?: CallOptions): Promise<IssueLinkType[]>;
  /** One link type by id or name (case-insensitive); NotFoundError when there is none. */
  get(idOrName: string, opts?: CallOptions): Promise<IssueLinkType>;
}

/** The reference-data namespaces of a client. */
export interface ReferenceApis {
  fields: FieldsApi;
  priorities: PrioritiesApi;
  statuses: StatusesApi;
  issueTypes: IssueTypesApi;
  resolutions: ResolutionsApi;
  issueLinkTypes: IssueLinkTypesApi;
}

/** Build the reference-data namespaces over a client core and its cache. */
export function referenceApis(core: JiraCore, cached: CachedLoader): ReferenceApis {
  const list =
    <T>(resource: string, convert: (json: unknown) => T) =>
    async (opts: CallOptions) => {
      const json = await core.send<unknown>({ path: `${await root(core, opts)}/${resource}` }, opts);
      return arrayOf(json, resource).map(convert);
    };
  const withCache =
    <T>(type: CacheType, load: (opts: CallOptions) => Promise<T>) =>
    (opts: CachedListOptions = {}) => {
      const { fresh, ...call } = opts;
      return cached(type, () => load(call), { ...call, ...(fresh === undefined ? {} : { fresh }) });
    };
  const statusList = withCache('statuses', list('status', toStatus));
  const linkTypeList = async (opts: CallOptions = {}) => {
    const json = await core.send<unknown>({ path: `${await root(core, opts)}/issueLinkType` }, opts);
    return arrayOf(asRecord(json)?.issueLinkTypes, 'issueLinkType').map(toIssueLinkType);
  };
  return {
    fields: { list: withCache('fields', list('field', toField)) },
    priorities: { list: withCache('priorities', list('priority', toPriority)) },
    issueTypes: { list: withCache('issuetypes', list('issuetype', toIssueType)) },
    resolutions: { list: (opts = {}) => list('resolution', toResolution)(opts) },
    statuses: {
      list: statusList,
      get: async (idOrName, opts) => {
        const wanted = required(idOrName, 'A status id or name');
        const found = findByIdOrName(await statusList(opts), wanted);
        if (!found) throw notFound(`No status with id or name '${wanted}' found.`);
        return found;
      },
    },
    issueLinkTypes: {
      list: linkTypeList,
      get: async (idOrName, opts = {}) => {
        const wanted = required(idOrName, 'An issue link type id or name');
        if (/^\d+$/.test(wanted)) {
          const path = `${await root(core, opts)}/issueLinkType/${wanted}`;
          return toIssueLinkType(await core.send<unknown>({ path }, opts));
        }
        const found = findByIdOrName(await linkTypeList(opts), wanted);
        if (!found) throw notFound(`No issue link type with name '${wanted}' found.`);
        return found;
      },
    },
  };
}

/** `/rest/api/3` on Cloud, `/rest/api/2` on Data Center. */
async function root(core: JiraCore, opts: CallOptions): Promise<string> {
  return `/rest/api/${apiVersion(await core.deployment(opts))}`;
}

function arrayOf(json: unknown, resource: string): unknown[] {
  if (!Array.isArray(json)) throw new TypeError(`Unexpected reply from Jira's /${resource}: not a list`);
  return json;
}

function required(value: string, what: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw new InputError(`${what} is required`);
  return trimmed;
}

/** Id first (exact), then the name, ignoring case as Jira's own name lookups do. */
function findByIdOrName<T extends { id: string; name: string }>(items: T[], wanted: string): T | undefined {
  const lower = wanted.toLowerCase();
  return items.find((i) => i.id === wanted) ?? items.find((i) => i.name.toLowerCase() === lower);
}

// Found missing in a list the server did send, so no request failed: the error carries no URL.
function notFound(message: string): NotFoundError {
  return new NotFoundError(message, { status: 404, errorMessages: [message] });
}
