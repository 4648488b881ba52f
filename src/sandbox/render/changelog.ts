import type { IssueRecord } from '../model.js';
import type { RenderScope } from './scope.js';
import { jiraTimestamp } from './time.js';
import { renderUserByName } from './users.js';

/**
 * `expand=changelog`: `{startAt,maxResults,total,histories}`. Data Center lists histories oldest first, Cloud
 * newest first; Cloud items also carry `fieldId`.
 */
export function renderChangelog(issue: IssueRecord, scope: RenderScope): Record<string, unknown> {
  const histories = issue.changelog.map((entry) => ({
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
  }));
  if (scope.flavor === 'cloud') histories.reverse();
  return { startAt: 0, maxResults: histories.length, total: histories.length, histories };
}
