/**
 * `jira.versions`: a project's versions (all pages, filtered by name wildcards, in an order of your choice),
 * one by id, create, update, move within the project's sequence, and delete with the issues moved elsewhere.
 * Changes need a project administrator.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { toVersion, type Version } from '../models/version.js';
import { numericId } from './components.js';
import { resolveProjectRef } from './project-ref.js';
import { projectSegment } from './projects.js';
import { versionDate } from './version-dates.js';
import { matchesAny } from './wildcard.js';

/** What `versions.list()` can order by; a leading `-` reverses. */
export type VersionOrder =
  | 'sequence'
  | 'name'
  | 'startDate'
  | 'releaseDate'
  | '-sequence'
  | '-name'
  | '-startDate'
  | '-releaseDate';

/** Options of `versions.list()`. */
export interface ListVersionsOptions extends CallOptions {
  /** Name patterns (`*` any run, `?` one character, any case); a version matching one is listed. */
  name?: string | string[];
  orderBy?: VersionOrder;
  first?: number;
  skip?: number;
  pageSize?: number;
}

/** A date as `yyyy-MM-dd`, or a Date (its local calendar day). */
export type DateInput = string | Date;

/** A new version. */
export interface CreateVersionInput {
  /** Project key, id or name. */
  project: string;
  name: string;
  description?: string;
  startDate?: DateInput;
  releaseDate?: DateInput;
  released?: boolean;
  archived?: boolean;
}

/** Changes to a version; a date set to null is cleared. */
export interface UpdateVersionChanges {
  name?: string;
  description?: string;
  startDate?: DateInput | null;
  releaseDate?: DateInput | null;
  released?: boolean;
  archived?: boolean;
}

/** Where `versions.move()` puts a version: an end, one step, or right after another version. */
export type VersionPosition = 'first' | 'last' | 'earlier' | 'later' | { after: string };

/** Options of `versions.remove()`: versions of the same project that take over the issues. */
export interface RemoveVersionOptions extends CallOptions {
  moveFixIssuesTo?: string;
  moveAffectedIssuesTo?: string;
}

/** `jira.versions`. */
export interface VersionsApi {
  /** The project's versions, all pages. */
  list(project: string, opts?: ListVersionsOptions): AsyncIterable<Version>;
  /** One version by id. */
  get(id: string, opts?: CallOptions): Promise<Version>;
  /** Create a version. */
  create(input: CreateVersionInput, opts?: CallOptions): Promise<Version>;
  /** Change a version. */
  update(id: string, changes: UpdateVersionChanges, opts?: CallOptions): Promise<Version>;
  /** Move a version within its project's sequence. */
  move(id: string, to: VersionPosition, opts?: CallOptions): Promise<Version>;
  /** Delete a version; issues fixed in it move to `moveFixIssuesTo` (else the version is just dropped). */
  remove(id: string, opts?: RemoveVersionOptions): Promise<void>;
}

const ORDERS = new Set(['sequence', 'name', 'startDate', 'releaseDate']);
const POSITIONS = { first: 'First', last: 'Last', earlier: 'Earlier', later: 'Later' } as const;

/** Build the `versions` namespace over a client core. */
export function versionsApi(core: JiraCore): VersionsApi {
  const root = async (opts: CallOptions) => `/rest/api/${apiVersion(await core.deployment(opts))}`;
  const fetchOne = async (id: string, opts: CallOptions) =>
    toVersion(await core.send<unknown>({ path: `${await root(opts)}/version/${numericId(id)}` }, opts));
  /** The other version, checked to belong to the same project as `version`. */
  const sibling = async (version: Version, otherId: string, opts: CallOptions) => {
    if (numericId(otherId) === version.id) throw new InputError(`Version ${otherId} is the version itself`);
    const other = await fetchOne(otherId, opts);
    if (
      other.projectId !== undefined &&
      version.projectId !== undefined &&
      other.projectId !== version.projectId
    ) {
      throw new InputError(`Version ${other.id} (${other.name}) belongs to another project`);
    }
    return other;
  };

  return {
    list: (project, opts) => listVersions(core, project, opts),
    get: (id, opts = {}) => fetchOne(id, opts),
    async create(input, opts = {}) {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (name === '') throw new InputError('A version name is required');
      const body: Record<string, unknown> = { name, ...changeBody(input) };
      const project = await resolveProjectRef(core, input.project, opts);
      if ('key' in project.ref) body.project = project.ref.key;
      else body.projectId = Number(project.ref.id);
      return toVersion(
        await core.send<unknown>({ method: 'POST', path: `${await root(opts)}/version`, body }, opts),
      );
    },
    async update(id, changes, opts = {}) {
      const path = `${await root(opts)}/version/${numericId(id)}`;
      const body = changeBody(changes);
      if (changes.name !== undefined) {
        if (changes.name.trim() === '') throw new InputError('A version name cannot be empty');
        body.name = changes.name.trim();
      }
      if (Object.keys(body).length === 0) throw new InputError('Nothing to change: give at least one field');
      return toVersion(await core.send<unknown>({ method: 'PUT', path, body }, opts));
    },
    async move(id, to, opts = {}) {
      const path = `${await root(opts)}/version/${numericId(id)}/move`;
      let body: Record<string, string>;
      if (typeof to === 'object' && to !== null && typeof to.after === 'string') {
        const other = await sibling(await fetchOne(id, opts), to.after, opts);
        const self = typeof other.raw.self === 'string' ? other.raw.self : undefined;
        if (!self) throw new InputError(`Version ${to.after} has no self URL to move after`);
        body = { after: self };
      } else if (typeof to === 'string' && to in POSITIONS) {
        body = { position: POSITIONS[to] };
      } else {
        throw new InputError("A position is 'first', 'last', 'earlier', 'later' or { after: versionId }");
      }
      return toVersion(await core.send<unknown>({ method: 'POST', path, body }, opts));
    },
    async remove(id, opts = {}) {
      const { moveFixIssuesTo, moveAffectedIssuesTo, ...call } = opts;
      const path = `${await root(call)}/version/${numericId(id)}/removeAndSwap`;
      const body: Record<string, number> = {};
      if (moveFixIssuesTo !== undefined || moveAffectedIssuesTo !== undefined) {
        // Refuse another project's version before anything changes.
        const version = await fetchOne(id, call);
        if (moveFixIssuesTo !== undefined)
          body.moveFixIssuesTo = Number((await sibling(version, moveFixIssuesTo, call)).id);
        if (moveAffectedIssuesTo !== undefined) {
          body.moveAffectedIssuesTo = Number((await sibling(version, moveAffectedIssuesTo, call)).id);
        }
      }
      await core.send<unknown>({ method: 'POST', path, body }, call);
    },
  };
}

/** The body fields shared by create and update (everything but the name and project). */
function changeBody(changes: Omit<UpdateVersionChanges, 'name'>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changes.description !== undefined) body.description = changes.description;
  if (changes.startDate !== undefined) body.startDate = versionDate(changes.startDate, 'start date');
  if (changes.releaseDate !== undefined) body.releaseDate = versionDate(changes.releaseDate, 'release date');
  if (changes.released !== undefined) body.released = changes.released;
  if (changes.archived !== undefined) body.archived = changes.archived;
  return body;
}

async function* listVersions(
  core: JiraCore,
  project: string,
  opts: ListVersionsOptions = {},
): AsyncGenerator<Version> {
  const { name, orderBy, first, skip, pageSize, ...call } = opts;
  const patterns = name === undefined ? [] : Array.isArray(name) ? name : [name];
  if (orderBy !== undefined && !ORDERS.has(orderBy.replace(/^-/, ''))) {
    throw new InputError(`Cannot order versions by '${orderBy}' (sequence, name, startDate or releaseDate)`);
  }
  const path = `/rest/api/${apiVersion(await core.deployment(call))}/project/${projectSegment(project)}/version`;
  const filtered = patterns.length > 0;
  // With a name filter, first/skip count matches, so they apply here rather than on the server's pages.
  const paging = {
    style: 'offset' as const,
    itemsKey: 'values',
    pageSize,
    ...(filtered ? {} : { first, skip }),
  };
  let skipped = 0;
  let yielded = 0;
  for await (const raw of core.paginate<unknown>({ path, query: { orderBy } }, paging, call)) {
    const version = toVersion(raw);
    if (filtered && !matchesAny(version.name, patterns)) continue;
    if (filtered && skipped < (skip ?? 0)) {
      skipped += 1;
      continue;
    }
    if (filtered && first !== undefined && yielded >= first) return;
    yielded += 1;
    yield version;
  }
}
