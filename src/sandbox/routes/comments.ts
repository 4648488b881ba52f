import { adfToMarkdown, isAdfDoc, wikiToMarkdown } from '../../text/index.js';
import { canBrowse } from '../auth.js';
import type { CommentRecord, IssueRecord, UserRecord } from '../model.js';
import { renderComment } from '../render/comments.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const EMPTY_BODY = { comment: 'Comment body can not be empty!' };
const DEFAULT_PAGE = 5000;

/**
 * Issue comments at `/rest/api/{v}/issue/{idOrKey}/comment[/{id}]`: list (offset paging), get, add, update,
 * delete. Bodies arrive as ADF on Cloud v3 and wiki markup on v2; both are stored as Markdown.
 */
export function registerComments(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const list = deps.path(`/rest/api/${version}/issue/:idOrKey/comment`);
    const one = `${list}/:commentId`;

    app.get(list, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const startAt = nonNegative(c.req.query('startAt'), 0);
      const maxResults = nonNegative(c.req.query('maxResults'), DEFAULT_PAGE);
      const ordered = c.req.query('orderBy')?.startsWith('-')
        ? [...issue.comments].reverse()
        : issue.comments;
      const page = ordered.slice(startAt, startAt + maxResults);
      const scope = scopeFor(c, deps, version);
      return jsonResponse(200, {
        startAt,
        maxResults,
        total: issue.comments.length,
        comments: page.map((comment) => renderComment(issue, comment, scope)),
      });
    });

    app.get(one, (c) => {
      const issue = visibleIssue(c, deps);
      if (!issue) return issueNotFound(deps.flavor);
      const comment = findComment(issue, c.req.param('commentId'));
      if (!comment) return commentNotFound(c.req.param('commentId'));
      return jsonResponse(200, renderComment(issue, comment, scopeFor(c, deps, version)));
    });

    app.post(list, async (c) => {
      const issue = visibleIssue(c, deps);
      const user = c.get('caller').user;
      if (!issue || !user) return issueNotFound(deps.flavor);
      const input = await readInput(c, version);
      if (typeof input === 'string') return errorResponse(400, [], { comment: input });
      const now = new Date().toISOString();
      const comment: CommentRecord = {
        id: deps.store.nextId(),
        author: user.name,
        body: input.body,
        created: now,
        updated: now,
      };
      if (input.visibility) comment.visibility = input.visibility;
      issue.comments.push(comment);
      issue.updated = now;
      deps.store.commit();
      return jsonResponse(201, renderComment(issue, comment, scopeFor(c, deps, version)));
    });

    app.put(one, async (c) => {
      const issue = visibleIssue(c, deps);
      const user = c.get('caller').user;
      if (!issue || !user) return issueNotFound(deps.flavor);
      const comment = findComment(issue, c.req.param('commentId'));
      if (!comment) return commentNotFound(c.req.param('commentId'));
      if (!mayChange(user, comment)) return forbidden('edit');
      const input = await readInput(c, version);
      if (typeof input === 'string') return errorResponse(400, [], { comment: input });
      comment.body = input.body;
      if (input.visibility) comment.visibility = input.visibility;
      comment.updated = laterThan(comment.updated);
      deps.store.commit();
      return jsonResponse(200, renderComment(issue, comment, scopeFor(c, deps, version)));
    });

    app.delete(one, (c) => {
      const issue = visibleIssue(c, deps);
      const user = c.get('caller').user;
      if (!issue || !user) return issueNotFound(deps.flavor);
      const comment = findComment(issue, c.req.param('commentId'));
      if (!comment) return commentNotFound(c.req.param('commentId'));
      if (!mayChange(user, comment)) return forbidden('delete');
      issue.comments = issue.comments.filter((other) => other !== comment);
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

function findComment(issue: IssueRecord, id: string | undefined): CommentRecord | undefined {
  return issue.comments.find((comment) => String(comment.id) === id);
}

function commentNotFound(id: string | undefined): Response {
  return errorResponse(404, [`Can not find a comment for the id: ${id ?? ''}.`]);
}

function forbidden(verb: 'edit' | 'delete'): Response {
  return errorResponse(403, [`You do not have the permission to ${verb} this comment.`]);
}

/** Only the author or an administrator may change a comment. */
function mayChange(user: UserRecord, comment: CommentRecord): boolean {
  return user.admin || user.name === comment.author;
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

interface CommentInput {
  body: string;
  visibility?: { type: 'role' | 'group'; value: string };
}

/** The request's body as Markdown plus its visibility, or the field error to reply with. */
async function readInput(c: SandboxContext, version: string): Promise<CommentInput | string> {
  const json: unknown = await c.req.json().catch(() => undefined);
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const body = toMarkdown(record.body, version === '3');
  if (body === undefined || body.trim() === '') return EMPTY_BODY.comment;
  const input: CommentInput = { body };
  const visibility = record.visibility as Record<string, unknown> | undefined;
  if (
    visibility &&
    (visibility.type === 'role' || visibility.type === 'group') &&
    typeof visibility.value === 'string'
  ) {
    input.visibility = { type: visibility.type, value: visibility.value };
  }
  return input;
}

function toMarkdown(body: unknown, adf: boolean): string | undefined {
  if (adf) return isAdfDoc(body) ? adfToMarkdown(body) : undefined;
  return typeof body === 'string' ? wikiToMarkdown(body) : undefined;
}
