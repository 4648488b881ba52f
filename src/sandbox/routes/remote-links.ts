/**
 * Remote issue links at `/rest/api/{v}/issue/{idOrKey}/remotelink[/{linkId}]`: list (or the one link of a
 * `globalId`), read, create-or-update (a known `globalId` updates: 200; else 201), replace, delete by id or by
 * global id. Writes need edit rights on the issue's project.
 */
import type { IssueRecord, RemoteLinkRecord, UserRecord } from '../model.js';
import { canBrowse, canEdit } from '../permissions.js';
import { errorResponse, HTML_TYPE, issueNotFound, jsonResponse } from '../render/responses.js';
import { apiRoot, type RenderScope } from '../render/scope.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

type Json = Record<string, unknown>;

/** Registers the remote link routes. */
export function registerRemoteLinks(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const list = deps.path(`/rest/api/${version}/issue/:idOrKey/remotelink`);
    const one = `${list}/:linkId`;
    const scope = (c: SandboxContext) => scopeFor(c, deps, version);

    app.get(list, (c) => {
      const issue = browsable(c, deps)?.issue;
      if (!issue) return issueNotFound(deps.flavor);
      const globalId = c.req.query('globalId');
      const links = issue.remoteLinks ?? [];
      if (globalId === undefined)
        return jsonResponse(
          200,
          links.map((l) => render(issue, l, scope(c))),
        );
      // With a global id Jira answers with that one link, not a list.
      const found = links.find((l) => l.globalId === globalId);
      return found ? jsonResponse(200, render(issue, found, scope(c))) : globalIdNotFound();
    });

    app.get(one, (c) => {
      const issue = browsable(c, deps)?.issue;
      if (!issue) return issueNotFound(deps.flavor);
      const link = findLink(issue, c.req.param('linkId'));
      return link ? jsonResponse(200, render(issue, link, scope(c))) : linkNotFound(c.req.param('linkId'));
    });

    app.post(list, async (c) => {
      const target = writable(c, deps);
      if (target instanceof Response) return target;
      const input = readInput(await c.req.json().catch(() => undefined));
      if (input instanceof Response) return input;
      target.issue.remoteLinks ??= [];
      const links = target.issue.remoteLinks;
      const existing =
        input.globalId === undefined ? undefined : links.find((l) => l.globalId === input.globalId);
      const link: RemoteLinkRecord = { ...input, id: existing?.id ?? deps.store.nextId() };
      if (existing) links[links.indexOf(existing)] = link;
      else links.push(link);
      deps.store.commit();
      const self = `${apiRoot(scope(c))}/issue/${target.issue.key}/remotelink/${link.id}`;
      return jsonResponse(existing ? 200 : 201, { id: link.id, self });
    });

    app.put(one, async (c) => {
      const target = writable(c, deps);
      if (target instanceof Response) return target;
      const existing = findLink(target.issue, c.req.param('linkId'));
      if (!existing) return linkNotFound(c.req.param('linkId'));
      const input = readInput(await c.req.json().catch(() => undefined));
      if (input instanceof Response) return input;
      const links = target.issue.remoteLinks ?? [];
      links[links.indexOf(existing)] = { ...input, id: existing.id };
      deps.store.commit();
      return noContent(deps);
    });

    app.delete(one, (c) => {
      const target = writable(c, deps);
      if (target instanceof Response) return target;
      const existing = findLink(target.issue, c.req.param('linkId'));
      if (!existing) return linkNotFound(c.req.param('linkId'));
      target.issue.remoteLinks = (target.issue.remoteLinks ?? []).filter((l) => l !== existing);
      deps.store.commit();
      return noContent(deps);
    });

    app.delete(list, (c) => {
      const target = writable(c, deps);
      if (target instanceof Response) return target;
      const globalId = c.req.query('globalId');
      if (globalId === undefined || globalId === '') {
        return errorResponse(400, [], { globalId: 'The global id of the remote link must be given.' });
      }
      const existing = (target.issue.remoteLinks ?? []).find((l) => l.globalId === globalId);
      if (!existing) return globalIdNotFound();
      target.issue.remoteLinks = (target.issue.remoteLinks ?? []).filter((l) => l !== existing);
      deps.store.commit();
      return noContent(deps);
    });
  }
}

function browsable(c: SandboxContext, deps: RouteDeps): { issue: IssueRecord; user: UserRecord } | undefined {
  const issue = deps.store.issue(c.req.param('idOrKey') ?? '');
  const user = c.get('caller').user;
  if (!issue || !user || !canBrowse(user, deps.store.project(issue.projectKey))) return undefined;
  return { issue, user };
}

/** The issue when the caller may change its links; else the 404 (hidden) or 403 (read-only) reply. */
function writable(c: SandboxContext, deps: RouteDeps): { issue: IssueRecord; user: UserRecord } | Response {
  const found = browsable(c, deps);
  if (!found) return issueNotFound(deps.flavor);
  if (!canEdit(found.user, deps.store.project(found.issue.projectKey))) {
    return errorResponse(403, ['You do not have permission to link issues.']);
  }
  return found;
}

function findLink(issue: IssueRecord, id: string | undefined): RemoteLinkRecord | undefined {
  return (issue.remoteLinks ?? []).find((l) => String(l.id) === id);
}

function pick(value: unknown, keys: readonly string[]): Json | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const source = value as Json;
  const out: Json = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== null) out[key] = source[key];
  return out;
}

/** The stored form of a create or update request, or the 400 Jira sends for it. */
function readInput(json: unknown): Omit<RemoteLinkRecord, 'id'> | Response {
  const body = pick(json, ['globalId', 'application', 'relationship', 'object']) ?? {};
  const object = pick(body.object, ['url', 'title', 'summary', 'icon', 'status']) ?? {};
  const errors: Record<string, string> = {};
  if (typeof object.url !== 'string' || object.url === '') errors.url = "'url' is required.";
  if (typeof object.title !== 'string' || object.title === '') errors.title = "'title' is required.";
  if (Object.keys(errors).length > 0) return errorResponse(400, [], errors);
  const icon = pick(object.icon, ['url16x16', 'title', 'link']);
  const status = pick(object.status, ['resolved', 'icon']);
  const record: Omit<RemoteLinkRecord, 'id'> = {
    object: { ...object, ...(icon ? { icon } : {}), ...(status ? { status } : {}) },
  };
  if (typeof body.globalId === 'string' && body.globalId !== '') record.globalId = body.globalId;
  if (typeof body.relationship === 'string') record.relationship = body.relationship;
  const application = pick(body.application, ['type', 'name']);
  if (application) record.application = application as { type?: string; name?: string };
  return record;
}

function render(issue: IssueRecord, link: RemoteLinkRecord, scope: RenderScope): Json {
  const out: Json = { id: link.id, self: `${apiRoot(scope)}/issue/${issue.key}/remotelink/${link.id}` };
  if (link.globalId !== undefined) out.globalId = link.globalId;
  out.application = { ...link.application };
  if (link.relationship !== undefined) out.relationship = link.relationship;
  out.object = { ...link.object };
  return out;
}

function noContent(deps: RouteDeps): Response {
  // Data Center sends its empty 204s as HTML; Cloud sends no content type.
  const headers: Record<string, string> = deps.flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
  return new Response(null, { status: 204, headers });
}

function linkNotFound(id: string | undefined): Response {
  return errorResponse(404, [`No remote issue link with id '${id ?? ''}' exists for this issue.`]);
}

function globalIdNotFound(): Response {
  return errorResponse(404, ['No remote issue link with the given global id exists for this issue.']);
}
