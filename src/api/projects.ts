/**
 * `jira.projects`: list the projects the caller may browse, and read one with its lead, issue types, components
 * and versions. Cloud lists through the paged `/project/search`; Data Center answers `/project` with one array.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { type Project, toProject } from '../models/project.js';

/** Options of `projects.list()`. */
export interface ListProjectsOptions extends CallOptions {
  first?: number;
  skip?: number;
  /** Projects per request (Cloud; Data Center sends them all at once). */
  pageSize?: number;
}

/** `jira.projects`. */
export interface ProjectsApi {
  /** Every project the caller may browse, with description and lead. */
  list(opts?: ListProjectsOptions): AsyncIterable<Project>;
  /** One project by key or id, with lead, issue types, components and versions. */
  get(keyOrId: string, opts?: CallOptions): Promise<Project>;
}

const LIST_EXPAND = 'description,lead,projectKeys';
const GET_EXPAND = 'description,lead,issueTypes,url,projectKeys';

/** Build the `projects` namespace over a client core. */
export function projectsApi(core: JiraCore): ProjectsApi {
  return {
    list: (opts) => listProjects(core, opts),
    async get(keyOrId, opts = {}) {
      const path = `/rest/api/${apiVersion(await core.deployment(opts))}/project/${projectSegment(keyOrId)}`;
      return toProject(await core.send<unknown>({ path, query: { expand: GET_EXPAND } }, opts));
    },
  };
}

/** A project key or id made safe for a URL path, or an InputError for an empty one. */
export function projectSegment(keyOrId: string): string {
  const text = typeof keyOrId === 'string' ? keyOrId.trim() : '';
  if (text === '') throw new InputError('A project key or id is required');
  return encodeURIComponent(text);
}

async function* listProjects(core: JiraCore, opts: ListProjectsOptions = {}): AsyncGenerator<Project> {
  const { first, skip, pageSize, ...call } = opts;
  const deployment = await core.deployment(call);
  const root = `/rest/api/${apiVersion(deployment)}/project`;
  if (deployment === 'cloud') {
    const paging = { style: 'offset' as const, itemsKey: 'values', first, skip, pageSize };
    const req = { path: `${root}/search`, query: { expand: LIST_EXPAND } };
    for await (const raw of core.paginate<unknown>(req, paging, call)) yield toProject(raw);
    return;
  }
  // One array for everything: skip and first apply here.
  const all = await core.send<unknown>({ path: root, query: { expand: LIST_EXPAND } }, call);
  const list = Array.isArray(all) ? all : [];
  const start = skip ?? 0;
  const end = first === undefined ? list.length : start + first;
  for (const raw of list.slice(start, end)) yield toProject(raw);
}
