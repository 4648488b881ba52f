/**
 * Issue search per flavor. Data Center: `/rest/api/2/search` with offset paging and `total`. Cloud:
 * `/rest/api/{2,3}/search/jql` with `nextPageToken` and `isLast` (no total), `search/approximate-count`, and
 * the removed `/search` answering 410. Issues the caller may not browse are dropped before the JQL runs.
 */
import { canBrowse } from '../auth.js';
import type { IssueRecord } from '../model.js';
import { CUSTOM_FIELDS } from '../model.js';
import { parseExpand, selectFields } from '../render/field-selection.js';
import { fieldNames, fieldSchemas, ISSUE_EXPAND, renderIssue, SEARCH_HIT_EXPAND } from '../render/issue.js';
import { errorResponse, jsonResponse, SEARCH_REMOVED_MESSAGE } from '../render/responses.js';
import { SearchCache } from '../search-cache.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { readSearchRequest, type SearchRequest } from './search-request.js';

const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const DC_DEFAULT_PAGE = 50;
const DC_MAX_PAGE = 1000;
const CLOUD_DEFAULT_PAGE = 50;
const CLOUD_MAX_PAGE = 100;
const CLOUD_MAX_IDS_PAGE = 5000;

type JqlModule = typeof import('../jql/index.js');
let jqlModule: Promise<JqlModule> | undefined;

/** The JQL engine loads on the first search, keeping sandbox start-up light. */
function loadJql(): Promise<JqlModule> {
  jqlModule ??= import('../jql/index.js');
  return jqlModule;
}

/** Mounts the flavor's search endpoints (and Cloud's 410 on the removed ones). */
export function registerSearch(app: SandboxApp, routeDeps: RouteDeps): void {
  const deps: SearchDeps = { ...routeDeps, searches: new SearchCache() };
  for (const version of apiVersions(deps.flavor)) {
    const route = deps.path(`/rest/api/${version}/search`);
    if (deps.flavor === 'datacenter') {
      app.get(route, (c) => offsetSearch(c, deps, version));
      app.post(route, (c) => offsetSearch(c, deps, version));
      continue;
    }
    const removed = () => errorResponse(410, [SEARCH_REMOVED_MESSAGE]);
    app.get(route, removed);
    app.post(route, removed);
    app.get(`${route}/jql`, (c) => tokenSearch(c, deps, version));
    app.post(`${route}/jql`, (c) => tokenSearch(c, deps, version));
    app.post(`${route}/approximate-count`, (c) => approximateCount(c, deps));
  }
}

/** Route dependencies plus this sandbox's recent search results. */
interface SearchDeps extends RouteDeps {
  searches: SearchCache;
}

/**
 * Runs the JQL over the issues the caller may browse; a JQL error becomes Jira's 400. The pages of one search
 * reuse its result while nothing changed (see SearchCache).
 */
async function runJql(c: SandboxContext, deps: SearchDeps, jql: string): Promise<IssueRecord[] | Response> {
  const user = c.get('caller').user;
  const cacheKey = `${user?.name ?? ''}\0${jql}`;
  const revision = deps.store.revision;
  const cached = deps.searches.lookup(cacheKey, revision);
  if (cached) return cached;
  const { searchIssues, JqlError } = await loadJql();
  const projects = deps.store.state.projects.filter((p) => canBrowse(user, p));
  const visibleKeys = new Set(projects.map((p) => p.key));
  const visible = deps.store.state.issues.filter((i) => visibleKeys.has(i.projectKey));
  try {
    const found = searchIssues(visible, jql, {
      currentUser: user,
      users: deps.store.state.users,
      projects,
      flavor: deps.flavor,
      now: new Date(),
      customFields: CUSTOM_FIELDS,
    });
    deps.searches.store(cacheKey, revision, found);
    return found;
  } catch (error) {
    if (error instanceof JqlError) return errorResponse(400, error.errorMessages);
    throw error;
  }
}

async function offsetSearch(c: SandboxContext, deps: SearchDeps, version: string): Promise<Response> {
  const request = await readSearchRequest(c);
  if ('error' in request) return errorResponse(400, [request.error]);
  const matched = await runJql(c, deps, request.jql);
  if (matched instanceof Response) return matched;
  const startAt = Math.max(0, request.startAt ?? 0);
  const maxResults = clampPage(request.maxResults, DC_DEFAULT_PAGE, DC_MAX_PAGE, 0);
  const selection = selectFields(request.fields, '*navigable', deps.flavor);
  const expand = parseExpand(request.expand);
  const scope = scopeFor(c, deps, version);
  const issues = matched.slice(startAt, startAt + maxResults).map((issue) =>
    renderIssue(issue, scope, {
      fields: selection.fields,
      expand,
      expandString: SEARCH_HIT_EXPAND,
      namesOnIssue: false,
    }),
  );
  const body: Record<string, unknown> = {
    expand: 'schema,names',
    startAt,
    maxResults,
    total: matched.length,
    issues,
  };
  if (expand.has('names')) body.names = fieldNames(selection.fields);
  if (expand.has('schema')) body.schema = fieldSchemas(selection.fields);
  return jsonResponse(200, body);
}

async function tokenSearch(c: SandboxContext, deps: SearchDeps, version: string): Promise<Response> {
  const found = await boundedSearch(c, deps);
  if (found instanceof Response) return found;
  const { request, matched } = found;
  let offset = 0;
  if (request.nextPageToken !== null && request.nextPageToken !== '') {
    const decoded = decodePageToken(request.nextPageToken, request.jql);
    if (decoded === null)
      return errorResponse(400, ['The provided next page token is invalid or has expired.']);
    offset = decoded;
  }
  const selection = selectFields(request.fields, 'id', deps.flavor);
  // Cloud serves the biggest pages when only ids (or keys) are asked for.
  const cap = selection.fields.length === 0 ? CLOUD_MAX_IDS_PAGE : CLOUD_MAX_PAGE;
  const maxResults = clampPage(request.maxResults, CLOUD_DEFAULT_PAGE, cap, 1);
  const expand = parseExpand(request.expand);
  const scope = scopeFor(c, deps, version);
  const page = matched.slice(offset, offset + maxResults);
  const issues = page.map((issue) =>
    selection.idOnly
      ? { id: String(issue.id) }
      : renderIssue(issue, scope, {
          fields: selection.fields,
          expand,
          expandString: ISSUE_EXPAND,
          namesOnIssue: false,
        }),
  );
  const isLast = offset + page.length >= matched.length;
  const body: Record<string, unknown> = { issues };
  if (!isLast) body.nextPageToken = encodePageToken(request.jql, offset + page.length);
  body.isLast = isLast;
  if (expand.has('names')) body.names = fieldNames(selection.fields);
  if (expand.has('schema')) body.schema = fieldSchemas(selection.fields);
  return jsonResponse(200, body);
}

async function approximateCount(c: SandboxContext, deps: SearchDeps): Promise<Response> {
  const found = await boundedSearch(c, deps);
  if (found instanceof Response) return found;
  return jsonResponse(200, { count: found.matched.length });
}

/** The request of Cloud's new search endpoints and what its JQL matches, or the error reply. */
async function boundedSearch(
  c: SandboxContext,
  deps: SearchDeps,
): Promise<Response | { request: SearchRequest; matched: IssueRecord[] }> {
  const request = await readSearchRequest(c);
  if ('error' in request) return errorResponse(400, [request.error]);
  // Syntax errors come first, then the bounded check, as in Jira.
  const matched = await runJql(c, deps, request.jql);
  if (matched instanceof Response) return matched;
  const bounded = await boundedOrError(request);
  return bounded ?? { request, matched };
}

/** Cloud refuses JQL without a search restriction on its new search endpoints. */
async function boundedOrError(request: SearchRequest): Promise<Response | undefined> {
  const { isBounded } = await loadJql();
  return isBounded(request.jql) ? undefined : errorResponse(400, [UNBOUNDED]);
}

/** A page size: the default when absent, silently capped, never below `min`. */
function clampPage(requested: number | null, fallback: number, cap: number, min: number): number {
  if (requested === null || requested < 0) return fallback;
  return Math.min(cap, Math.max(min, requested));
}
