/**
 * Create and edit screens: `GET /rest/api/{v}/issue/createmeta/{project}/issuetypes[/{typeId}]` and
 * `GET /issue/{key}/editmeta`. Createmeta pages carry their items under `values` (Data Center) or `fields` /
 * `issueTypes` (Cloud); both shapes are read on either deployment.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { asRecord } from '../models/json.js';
import {
  type CreateMetaField,
  type CreateMetaIssueType,
  type EditMetaField,
  toCreateMetaIssueType,
  toFieldMeta,
} from '../models/metadata.js';

/** Options of `createMeta()`. */
export interface CreateMetaOptions extends CallOptions {
  /** Fields asked for per request. */
  pageSize?: number;
}

const CONTAINERS = ['values', 'fields', 'issueTypes'] as const;

/** Every item of an offset-paged createmeta list, whichever container the server uses. */
async function* metaPages(core: JiraCore, path: string, opts: CreateMetaOptions): AsyncGenerator<unknown> {
  const { pageSize, ...call } = opts;
  let startAt = 0;
  for (;;) {
    const page = asRecord(await core.send<unknown>({ path, query: { startAt, maxResults: pageSize } }, call));
    const container = CONTAINERS.map((k) => page?.[k]).find(Array.isArray);
    const items: unknown[] = Array.isArray(container) ? container : [];
    yield* items;
    if (items.length === 0 || page?.isLast === true) return;
    startAt = (typeof page?.startAt === 'number' ? page.startAt : startAt) + items.length;
    if (typeof page?.total === 'number' && startAt >= page.total) return;
  }
}

async function createMetaRoot(core: JiraCore, project: string, opts: CallOptions): Promise<string> {
  const wanted = required(project, 'A project key or id');
  const version = apiVersion(await core.deployment(opts));
  return `/rest/api/${version}/issue/createmeta/${encodeURIComponent(wanted)}/issuetypes`;
}

/** The issue types `project` (key or id) can create issues of. */
export async function createMetaIssueTypes(
  core: JiraCore,
  project: string,
  opts: CreateMetaOptions = {},
): Promise<CreateMetaIssueType[]> {
  const path = await createMetaRoot(core, project, opts);
  const out: CreateMetaIssueType[] = [];
  for await (const item of metaPages(core, path, opts)) out.push(toCreateMetaIssueType(item));
  return out;
}

/** The issue type of `project` named by id or (case-insensitive) name; InputError when there is none. */
export async function findIssueType(
  core: JiraCore,
  project: string,
  issueType: string,
  opts: CallOptions = {},
): Promise<CreateMetaIssueType> {
  const wanted = required(issueType, 'An issue type name or id');
  return pickIssueType(await createMetaIssueTypes(core, project, opts), project, wanted);
}

/** The type named or numbered `wanted` among `project`'s issue types; none is an InputError naming them. */
export function pickIssueType(
  types: CreateMetaIssueType[],
  project: string,
  issueType: string,
): CreateMetaIssueType {
  const wanted = required(issueType, 'An issue type name or id');
  const found =
    types.find((t) => t.id === wanted) ?? types.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    const names = types.map((t) => t.name).join(', ');
    throw new InputError(`Project ${project} has no issue type '${wanted}' (it has: ${names})`);
  }
  return found;
}

/** The fields of the create screen of `issueType` (name or id) in `project`, over all pages. */
export async function* createMeta(
  core: JiraCore,
  project: string,
  issueType: string,
  opts: CreateMetaOptions = {},
): AsyncGenerator<CreateMetaField> {
  const { pageSize: _pageSize, ...call } = opts;
  const typeId = /^\d+$/.test(issueType.trim())
    ? issueType.trim()
    : (await findIssueType(core, project, issueType, call)).id;
  const path = `${await createMetaRoot(core, project, call)}/${encodeURIComponent(typeId)}`;
  for await (const item of metaPages(core, path, opts)) yield toFieldMeta(item);
}

/** The fields of an issue's edit screen (empty when the caller may not edit it). */
export async function editMeta(
  core: JiraCore,
  key: string,
  opts: CallOptions = {},
): Promise<EditMetaField[]> {
  const wanted = required(key, 'An issue key or id');
  const version = apiVersion(await core.deployment(opts));
  const json = await core.send<unknown>(
    { path: `/rest/api/${version}/issue/${encodeURIComponent(wanted)}/editmeta` },
    opts,
  );
  const fields = asRecord(asRecord(json)?.fields) ?? {};
  return Object.entries(fields).map(([id, value]) => toFieldMeta(value, id));
}

function required(value: string, what: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw new InputError(`${what} is required`);
  return trimmed;
}
