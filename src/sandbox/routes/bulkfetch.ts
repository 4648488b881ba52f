/**
 * Cloud's `POST /rest/api/{2,3}/issue/bulkfetch`: up to 100 issues by id or key in one request, returned in
 * ascending id order. Missing issues and issues the caller may not browse are left out silently (Jira does
 * not list them in `issueErrors`, which is only for retriable failures and so always empty here).
 */
import { canBrowse } from '../auth.js';
import type { IssueRecord } from '../model.js';
import { parseExpand, selectFields } from '../render/field-selection.js';
import { ISSUE_EXPAND, renderIssue } from '../render/issue.js';
import { errorResponse, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const MAX_IDS = 100;

/** Mounts bulkfetch on Cloud (Data Center has no such endpoint). */
export function registerBulkFetch(app: SandboxApp, deps: RouteDeps): void {
  if (deps.flavor !== 'cloud') return;
  for (const version of apiVersions(deps.flavor)) {
    app.post(deps.path(`/rest/api/${version}/issue/bulkfetch`), (c) => bulkFetch(c, deps, version));
  }
}

interface BulkFetchRequest {
  ids: string[];
  fields: string[] | undefined;
  expand: string[];
}

async function readRequest(c: SandboxContext): Promise<BulkFetchRequest | { error: string }> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'The request body must be a JSON object.' };
  }
  const b = body as Record<string, unknown>;
  const ids = b.issueIdsOrKeys;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
    return { error: 'issueIdsOrKeys must be a non-empty list of issue ids or keys.' };
  }
  if (ids.length > MAX_IDS) {
    return { error: `issueIdsOrKeys cannot contain more than ${MAX_IDS} issue ids or keys.` };
  }
  const list = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
  return { ids: ids as string[], fields: list(b.fields), expand: list(b.expand) ?? [] };
}

async function bulkFetch(c: SandboxContext, deps: RouteDeps, version: string): Promise<Response> {
  const request = await readRequest(c);
  if ('error' in request) return errorResponse(400, [request.error]);
  const user = c.get('caller').user;
  const found = new Map<number, IssueRecord>();
  for (const idOrKey of request.ids) {
    const issue = deps.store.issue(idOrKey.trim());
    if (issue && canBrowse(user, deps.store.project(issue.projectKey))) found.set(issue.id, issue);
  }
  const selection = selectFields(request.fields, '*navigable', deps.flavor);
  const expand = parseExpand(request.expand);
  const scope = scopeFor(c, deps, version);
  const issues = [...found.values()]
    .sort((a, b) => a.id - b.id)
    .map((issue) =>
      renderIssue(issue, scope, {
        fields: selection.fields,
        expand,
        expandString: ISSUE_EXPAND,
        namesOnIssue: false,
      }),
    );
  return jsonResponse(200, { issues, issueErrors: [] });
}
