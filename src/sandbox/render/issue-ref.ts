/** How an issue is referred to from another one (sub-tasks, parents, links). */
import type { IssueRecord } from '../model.js';
import { renderIssueType, renderPriority, renderStatus } from './references.js';
import { apiRoot, type RenderScope } from './scope.js';

/** A sub-task or parent reference: key, id and a few fields. */
export function renderIssueLinkRef(issue: IssueRecord, scope: RenderScope): Record<string, unknown> {
  return {
    id: String(issue.id),
    key: issue.key,
    self: `${apiRoot(scope)}/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: renderStatus(issue.statusId, scope),
      priority: renderPriority(issue.priorityId, scope),
      issuetype: renderIssueType(issue.issueTypeId, scope),
    },
  };
}
