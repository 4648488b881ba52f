/** Worklogs and the time-tracking fields computed from them. */
import { formatTimeSpan } from '../../text/time-span.js';
import type { IssueRecord, WorklogRecord } from '../model.js';
import { renderRichText } from './comments.js';
import { apiRoot, type RenderScope } from './scope.js';
import { jiraTimestamp } from './time.js';
import { renderUserByName } from './users.js';

/** Jira embeds at most this many worklogs in `fields.worklog`. */
const EMBEDDED_WORKLOGS = 20;

/** One worklog; `self` uses the issue's numeric id, as Jira does. `comment` only when there is one. */
export function renderWorklog(issue: IssueRecord, worklog: WorklogRecord, scope: RenderScope) {
  const out: Record<string, unknown> = {
    self: `${apiRoot(scope)}/issue/${issue.id}/worklog/${worklog.id}`,
    author: renderUserByName(worklog.author, scope),
    updateAuthor: renderUserByName(worklog.updateAuthor, scope),
  };
  if (worklog.comment !== null) out.comment = renderRichText(worklog.comment, scope);
  out.created = jiraTimestamp(worklog.created);
  out.updated = jiraTimestamp(worklog.updated);
  if (worklog.visibility) out.visibility = { ...worklog.visibility };
  out.started = jiraTimestamp(worklog.started);
  out.timeSpent = formatTimeSpan(worklog.timeSpentSeconds);
  out.timeSpentSeconds = worklog.timeSpentSeconds;
  out.id = String(worklog.id);
  out.issueId = String(issue.id);
  return out;
}

/** `fields.worklog`: the first 20 worklogs with the total. */
export function renderEmbeddedWorklogs(issue: IssueRecord, scope: RenderScope): Record<string, unknown> {
  const all = issue.worklogs ?? [];
  return {
    startAt: 0,
    maxResults: EMBEDDED_WORKLOGS,
    total: all.length,
    worklogs: all.slice(0, EMBEDDED_WORKLOGS).map((w) => renderWorklog(issue, w, scope)),
  };
}

/** Seconds logged on the issue, or null when nothing is logged (Jira sends null, not 0). */
export function timeSpentSeconds(issue: IssueRecord): number | null {
  const all = issue.worklogs ?? [];
  return all.length === 0 ? null : all.reduce((sum, w) => sum + w.timeSpentSeconds, 0);
}

/** `fields.timetracking`: only the parts that are set, as Jira does (`{}` when nothing is). */
export function renderTimeTracking(issue: IssueRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const original = issue.originalEstimateSeconds ?? null;
  const remaining = issue.remainingEstimateSeconds ?? null;
  const spent = timeSpentSeconds(issue);
  if (original !== null) out.originalEstimate = formatTimeSpan(original);
  if (remaining !== null) out.remainingEstimate = formatTimeSpan(remaining);
  if (spent !== null) out.timeSpent = formatTimeSpan(spent);
  if (original !== null) out.originalEstimateSeconds = original;
  if (remaining !== null) out.remainingEstimateSeconds = remaining;
  if (spent !== null) out.timeSpentSeconds = spent;
  return out;
}

/** `fields.progress`: spent against spent plus remaining; percent only when there is a total. */
export function renderProgress(issue: IssueRecord): Record<string, unknown> {
  const spent = timeSpentSeconds(issue) ?? 0;
  const total = spent + (issue.remainingEstimateSeconds ?? 0);
  if (total === 0) return { progress: 0, total: 0 };
  return { progress: spent, total, percent: Math.round((spent * 100) / total) };
}
