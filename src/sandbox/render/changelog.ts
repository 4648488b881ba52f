import type { ChangelogRecord, IssueRecord } from '../model.js';
import type { RenderScope } from './scope.js';
import { jiraTimestamp } from './time.js';
import { renderUserByName } from './users.js';

/** Cloud embeds at most this many histories under `expand=changelog`; the rest come from `/changelog`. */
export const CLOUD_EMBEDDED_HISTORIES = 100;

/** One history entry; Cloud items also carry `fieldId`. */
export function renderHistory(entry: ChangelogRecord, scope: RenderScope): Record<string, unknown> {
  return {
    id: String(entry.id),
    author: renderUserByName(entry.author, scope),
    created: jiraTimestamp(entry.created),
    items: entry.items.map((item) => ({
      field: item.field,
      fieldtype: 'jira',
      ...(scope.flavor === 'cloud' ? { fieldId: item.field } : {}),
      from: item.from,
      fromString: item.fromString,
      to: item.to,
      toString: item.toString,
    })),
  };
}

/**
 * `expand=changelog`: `{startAt,maxResults,total,histories}`. Data Center lists every history oldest first;
 * Cloud lists the newest 100, newest first, with `total` counting them all.
 */
export function renderChangelog(issue: IssueRecord, scope: RenderScope): Record<string, unknown> {
  const total = issue.changelog.length;
  if (scope.flavor !== 'cloud') {
    const histories = issue.changelog.map((entry) => renderHistory(entry, scope));
    return { startAt: 0, maxResults: total, total, histories };
  }
  const newest = issue.changelog.slice(-CLOUD_EMBEDDED_HISTORIES).reverse();
  const histories = newest.map((entry) => renderHistory(entry, scope));
  return { startAt: 0, maxResults: histories.length, total, histories };
}
