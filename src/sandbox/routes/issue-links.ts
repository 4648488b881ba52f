/**
 * Issue links at `/rest/api/{v}/issueLink[/{id}]`: create (201, empty body, as Jira), read, delete. The
 * create request names the source in `inwardIssue` and the destination in `outwardIssue`; an optional comment
 * goes on the source, which is also the issue whose project must allow linking.
 */
import { adfToMarkdown, isAdfDoc, wikiToMarkdown } from '../../text/index.js';
import { addIssueLink, findIssueLink, type LinkTypeDef, removeIssueLink } from '../issue-link-store.js';
import { ISSUE_LINK_TYPES, type IssueRecord, type UserRecord } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { renderIssueLink } from '../render/issue-links.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import type { Store } from '../store.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

/** Registers the issue link routes. */
export function registerIssueLinks(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const create = deps.path(`/rest/api/${version}/issueLink`);
    const one = `${create}/:linkId`;

    app.post(create, async (c) => {
      const user = c.get('caller').user;
      if (!user) return issueNotFound(deps.flavor);
      const body = await readBody(c);
      const type = findType(body.type);
      if (typeof type === 'string') return errorResponse(404, [type]);
      const source = visible(deps.store, user, body.inwardIssue);
      const destination = visible(deps.store, user, body.outwardIssue);
      if (!source || !destination) return issueNotFound(deps.flavor);
      if (source.id === destination.id) return errorResponse(400, ['You cannot link an issue to itself.']);
      if (!canEdit(user, deps.store.project(source.projectKey))) {
        return errorResponse(403, [
          `You do not have permission to link issues in project '${source.projectKey}'.`,
        ]);
      }
      const comment = readComment(body.comment, version === '3');
      if (comment === null) return errorResponse(400, [], { comment: 'Comment body can not be empty!' });
      addIssueLink(deps.store, type, source, destination, user.name);
      if (comment !== undefined) {
        const now = new Date().toISOString();
        source.comments.push({
          id: deps.store.nextId(),
          author: user.name,
          body: comment,
          created: now,
          updated: now,
        });
      }
      deps.store.commit();
      return new Response(null, { status: 201 });
    });

    app.get(one, (c) => {
      const found = visibleLink(c, deps);
      if (!found) return linkNotFound(c.req.param('linkId'));
      const rendered = renderIssueLink(found.link, scopeFor(c, deps, version));
      return rendered ? jsonResponse(200, rendered) : linkNotFound(c.req.param('linkId'));
    });

    app.delete(one, (c) => {
      const found = visibleLink(c, deps);
      if (!found) return linkNotFound(c.req.param('linkId'));
      const { user, link, ends } = found;
      if (!ends.some((issue) => canEdit(user, deps.store.project(issue.projectKey)))) {
        return errorResponse(403, ['You do not have permission to delete links in these projects.']);
      }
      removeIssueLink(deps.store, link, user.name);
      deps.store.commit();
      // Data Center sends its empty 204s as HTML; Cloud sends no content type.
      const headers: Record<string, string> =
        deps.flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
      return new Response(null, { status: 204, headers });
    });
  }
}

type Json = Record<string, unknown>;

async function readBody(c: SandboxContext): Promise<Json> {
  const json: unknown = await c.req.json().catch(() => undefined);
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Json) : {};
}

function asJson(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** The type by id or by name (any case), or the error sentence Jira sends. */
function findType(value: unknown): LinkTypeDef | string {
  const ref = asJson(value);
  if (typeof ref.id === 'string' || typeof ref.id === 'number') {
    const id = String(ref.id);
    return ISSUE_LINK_TYPES.find((t) => t.id === id) ?? `No issue link type with id '${id}' found.`;
  }
  const name = typeof ref.name === 'string' ? ref.name : '';
  const lower = name.toLowerCase();
  return (
    ISSUE_LINK_TYPES.find((t) => t.name.toLowerCase() === lower) ??
    `No issue link type with name '${name}' found.`
  );
}

/** The issue a `{key}` or `{id}` reference names, when the caller may browse it. */
function visible(store: Store, user: UserRecord, value: unknown): IssueRecord | undefined {
  const ref = asJson(value);
  const idOrKey = typeof ref.key === 'string' ? ref.key : typeof ref.id === 'string' ? ref.id : '';
  const issue = idOrKey === '' ? undefined : store.issue(idOrKey);
  return issue && canBrowse(user, store.project(issue.projectKey)) ? issue : undefined;
}

/** The comment body as Markdown; undefined when none was sent, null when it is empty or unreadable. */
function readComment(value: unknown, adf: boolean): string | null | undefined {
  if (value === undefined) return undefined;
  const body = asJson(value).body;
  let markdown: string | undefined;
  if (adf) markdown = isAdfDoc(body) ? adfToMarkdown(body) : undefined;
  else markdown = typeof body === 'string' ? wikiToMarkdown(body) : undefined;
  return markdown === undefined || markdown.trim() === '' ? null : markdown;
}

/** The link and its two issues, when the caller is signed in and may browse both. */
function visibleLink(c: SandboxContext, deps: RouteDeps) {
  const user = c.get('caller').user;
  const link = findIssueLink(deps.store, c.req.param('linkId'));
  if (!user || !link) return undefined;
  const ends = [deps.store.issue(String(link.sourceId)), deps.store.issue(String(link.destinationId))];
  const [source, destination] = ends;
  if (!source || !destination) return undefined;
  if (!ends.every((issue) => issue && canBrowse(user, deps.store.project(issue.projectKey))))
    return undefined;
  return { user, link, ends: [source, destination] };
}

function linkNotFound(id: string | undefined): Response {
  return errorResponse(404, [`No issue link with id '${id ?? ''}' exists.`]);
}
