import type { CommentRecord, IssueRecord } from '../model.js';
import { toAdf, toWiki } from './rich-text.js';
import { apiRoot, type RenderScope } from './scope.js';
import { jiraTimestamp } from './time.js';
import { renderUserByName } from './users.js';

/** Cloud embeds only the newest comments in `fields.comment`. */
const CLOUD_EMBEDDED_COMMENTS = 20;

/** Stored Markdown as the API version expects: ADF on Cloud v3, wiki markup everywhere else. */
export function renderRichText(markdown: string | null, scope: RenderScope): unknown {
  if (markdown === null) return null;
  return scope.flavor === 'cloud' && scope.version === '3' ? toAdf(markdown) : toWiki(markdown);
}

/** One comment; `self` uses the issue's numeric id, as Jira does. */
export function renderComment(issue: IssueRecord, comment: CommentRecord, scope: RenderScope) {
  const author = renderUserByName(comment.author, scope);
  const out: Record<string, unknown> = {
    self: `${apiRoot(scope)}/issue/${issue.id}/comment/${comment.id}`,
    id: String(comment.id),
    author,
    body: renderRichText(comment.body, scope),
    updateAuthor: author,
    created: jiraTimestamp(comment.created),
    updated: jiraTimestamp(comment.updated),
  };
  if (comment.visibility) out.visibility = { ...comment.visibility };
  if (scope.flavor === 'cloud') out.jsdPublic = true;
  return out;
}

/** `fields.comment`: every comment on Data Center, the newest 20 (oldest first) on Cloud. */
export function renderEmbeddedComments(issue: IssueRecord, scope: RenderScope): Record<string, unknown> {
  const total = issue.comments.length;
  if (scope.flavor === 'datacenter') {
    return {
      comments: issue.comments.map((c) => renderComment(issue, c, scope)),
      maxResults: total,
      total,
      startAt: 0,
    };
  }
  const startAt = Math.max(0, total - CLOUD_EMBEDDED_COMMENTS);
  const shown = issue.comments.slice(startAt);
  return {
    comments: shown.map((c) => renderComment(issue, c, scope)),
    self: `${apiRoot(scope)}/issue/${issue.id}/comment`,
    maxResults: shown.length,
    total,
    startAt,
  };
}
