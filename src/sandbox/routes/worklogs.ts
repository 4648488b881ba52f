import type { IssueRecord, UserRecord, WorklogRecord } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import { renderWorklog } from '../render/worklogs.js';
import {
  loggedSeconds,
  newWorklog,
  readAdjustment,
  readWorklogBody,
  recordTimeChange,
} from '../worklog-input.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

/** Cloud's default page size for worklogs (Data Center sends everything too). */
const DEFAULT_PAGE = 5000;

/**
 * Worklogs at `/rest/api/{v}/issue/{idOrKey}/worklog[/{id}]`: list (offset paging), get, add (201), update,
 * delete (204). Adding, changing and deleting adjust the remaining estimate per `adjustEstimate`.
 */
export function registerWorklogs(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const list = deps.path(`/rest/api/${version}/issue/:idOrKey/worklog`);
    const one = `${list}/:worklogId`;
    const adf = version === '3';

    app.get(list, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const all = issue.worklogs ?? [];
      const startAt = nonNegative(c.req.query('startAt'), 0);
      const maxResults = nonNegative(c.req.query('maxResults'), DEFAULT_PAGE);
      const scope = scopeFor(c, deps, version);
      return jsonResponse(200, {
        startAt,
        maxResults,
        total: all.length,
        worklogs: all.slice(startAt, startAt + maxResults).map((w) => renderWorklog(issue, w, scope)),
      });
    });

    app.get(one, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const worklog = findWorklog(issue, c.req.param('worklogId'));
      if (!worklog) return worklogNotFound(c.req.param('worklogId'));
      return jsonResponse(200, renderWorklog(issue, worklog, scopeFor(c, deps, version)));
    });

    app.post(list, async (c) => {
      const issue = visibleIssue(c, deps);
      const user = c.get('caller').user;
      if (!issue || !user) return issueNotFound(deps.flavor);
      if (!canEdit(user, deps.store.project(issue.projectKey)))
        return errorResponse(403, ['You do not have the permission to log work on this issue.']);
      const adjustment = readAdjustment((name) => c.req.query(name), 'reduceBy');
      if ('error' in adjustment) return errorResponse(400, [], adjustment.error);
      const parsed = readWorklogBody(await c.req.json().catch(() => undefined), adf, true);
      if (!parsed.ok) return errorResponse(400, [], parsed.errors);
      const worklog = newWorklog(deps.store, user.name, parsed.input);
      const before = loggedSeconds(issue);
      issue.worklogs = [...(issue.worklogs ?? []), worklog];
      recordTimeChange(deps.store, issue, user.name, before, worklog.timeSpentSeconds, adjustment);
      deps.store.commit();
      return jsonResponse(201, renderWorklog(issue, worklog, scopeFor(c, deps, version)));
    });

    app.put(one, async (c) => {
      const issue = visibleIssue(c, deps);
      const user = c.get('caller').user;
      if (!issue || !user) return issueNotFound(deps.flavor);
      const worklog = findWorklog(issue, c.req.param('worklogId'));
      if (!worklog) return worklogNotFound(c.req.param('worklogId'));
      if (!mayChange(user, worklog, deps, issue)) return forbidden('edit');
      const adjustment = readAdjustment((name) => c.req.query(name), 'reduceBy');
      if ('error' in adjustment) return errorResponse(400, [], adjustment.error);
      const parsed = readWorklogBody(await c.req.json().catch(() => undefined), adf, false);
      if (!parsed.ok) return errorResponse(400, [], parsed.errors);
      const { timeSpentSeconds, started, comment, visibility } = parsed.input;
      const before = loggedSeconds(issue);
      const delta = timeSpentSeconds === undefined ? 0 : timeSpentSeconds - worklog.timeSpentSeconds;
      if (timeSpentSeconds !== undefined) worklog.timeSpentSeconds = timeSpentSeconds;
      if (started !== undefined) worklog.started = started;
      if (comment !== undefined) worklog.comment = comment;
      if (visibility) worklog.visibility = visibility;
      worklog.updateAuthor = user.name;
      worklog.updated = laterThan(worklog.updated);
      if (delta !== 0) recordTimeChange(deps.store, issue, user.name, before, delta, adjustment);
      deps.store.commit();
      return jsonResponse(200, renderWorklog(issue, worklog, scopeFor(c, deps, version)));
    });

    app.delete(one, (c) => {
      const issue = visibleIssue(c, deps);
      const user = c.get('caller').user;
      if (!issue || !user) return issueNotFound(deps.flavor);
      const worklog = findWorklog(issue, c.req.param('worklogId'));
      if (!worklog) return worklogNotFound(c.req.param('worklogId'));
      if (!mayChange(user, worklog, deps, issue)) return forbidden('delete');
      const adjustment = readAdjustment((name) => c.req.query(name), 'increaseBy');
      if ('error' in adjustment) return errorResponse(400, [], adjustment.error);
      const before = loggedSeconds(issue);
      issue.worklogs = (issue.worklogs ?? []).filter((other) => other !== worklog);
      recordTimeChange(deps.store, issue, user.name, before, -worklog.timeSpentSeconds, adjustment);
      deps.store.commit();
      // Data Center sends its empty 204s as HTML; Cloud sends no content type.
      const headers: Record<string, string> =
        deps.flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
      return new Response(null, { status: 204, headers });
    });
  }
}

function visibleIssue(c: SandboxContext, deps: RouteDeps): IssueRecord | undefined {
  const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
  const user = c.get('caller').user;
  if (!issue || !canBrowse(user, deps.store.project(issue.projectKey))) return undefined;
  return issue;
}

function findWorklog(issue: IssueRecord, id: string | undefined): WorklogRecord | undefined {
  return (issue.worklogs ?? []).find((w) => String(w.id) === id);
}

function worklogNotFound(id: string | undefined): Response {
  return errorResponse(404, [`Cannot find worklog with id: '${id ?? ''}'.`]);
}

function forbidden(verb: 'edit' | 'delete'): Response {
  return errorResponse(403, [`You do not have the permission to ${verb} this worklog.`]);
}

/** The author (while they may still edit the issue) or an administrator may change a worklog. */
function mayChange(user: UserRecord, worklog: WorklogRecord, deps: RouteDeps, issue: IssueRecord): boolean {
  if (user.admin) return true;
  return user.name === worklog.author && canEdit(user, deps.store.project(issue.projectKey));
}

function nonNegative(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** An edit always moves `updated` forward, even within the same millisecond. */
function laterThan(previous: string): string {
  const now = Date.now();
  const before = Date.parse(previous);
  return new Date(Number.isNaN(before) ? now : Math.max(now, before + 1)).toISOString();
}
