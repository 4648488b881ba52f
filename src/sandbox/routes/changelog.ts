/**
 * Cloud's paged history at `/rest/api/{2,3}/issue/{idOrKey}/changelog`: oldest first, offset paging with
 * `nextPage` and `isLast`. Data Center has no such resource (404); its history comes from `expand=changelog`.
 */
import { canBrowse } from '../permissions.js';
import { renderHistory } from '../render/changelog.js';
import { errorResponse, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, scopeFor } from './context.js';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 100;

/** Mounts the changelog route on Cloud only. */
export function registerChangelog(app: SandboxApp, deps: RouteDeps): void {
  if (deps.flavor !== 'cloud') return;
  for (const version of apiVersions(deps.flavor)) {
    app.get(deps.path(`/rest/api/${version}/issue/:idOrKey/changelog`), (c) => {
      const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
      if (!issue || !canBrowse(c.get('caller').user, deps.store.project(issue.projectKey))) {
        return issueNotFound(deps.flavor);
      }
      const startAt = whole(c.req.query('startAt'), 0);
      const asked = whole(c.req.query('maxResults'), DEFAULT_PAGE);
      if (startAt === undefined || asked === undefined) {
        return errorResponse(400, ['startAt and maxResults must be whole numbers.']);
      }
      const maxResults = Math.min(Math.max(asked, 1), MAX_PAGE);
      const scope = scopeFor(c, deps, version);
      const total = issue.changelog.length;
      const values = issue.changelog.slice(startAt, startAt + maxResults).map((e) => renderHistory(e, scope));
      const isLast = startAt + values.length >= total;
      const root = `${c.get('base')}/rest/api/${version}/issue/${issue.key}/changelog`;
      const body: Record<string, unknown> = {
        self: `${root}?startAt=${startAt}&maxResults=${maxResults}`,
        maxResults,
        startAt,
        total,
        isLast,
        values,
      };
      if (!isLast) body.nextPage = `${root}?startAt=${startAt + values.length}&maxResults=${maxResults}`;
      return jsonResponse(200, body);
    });
  }
}

/** A non-negative integer query value; the fallback when absent, undefined when malformed. */
function whole(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
