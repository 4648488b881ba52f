/**
 * Search by saved filter: read the filter (GET /rest/api/{v}/filter/{id}) so its `jql` can run through the
 * normal search. The filter's `searchUrl` is never followed: on Cloud it names the removed /search endpoint.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';

/** The parts of a saved filter a search needs. */
export interface FilterQuery {
  id: string;
  name: string;
  jql: string;
  raw: Record<string, unknown>;
}

/** Read a filter the caller may see; NotFoundError when it is missing or private to someone else. */
export async function getFilterQuery(
  core: JiraCore,
  filterId: string | number,
  opts: CallOptions = {},
): Promise<FilterQuery> {
  const id = String(filterId).trim();
  if (!/^\d+$/.test(id)) throw new InputError(`A filter id is a number (got '${String(filterId)}')`);
  const version = apiVersion(await core.deployment(opts));
  const json = await core.send<unknown>({ path: `/rest/api/${version}/filter/${id}` }, opts);
  const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const jql = typeof raw.jql === 'string' ? raw.jql : '';
  return { id: String(raw.id ?? id), name: typeof raw.name === 'string' ? raw.name : '', jql, raw };
}
