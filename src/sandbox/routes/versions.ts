/**
 * Versions: `POST /version`, `GET/PUT/DELETE /version/{id}`, `POST /version/{id}/move` and
 * `POST /version/{id}/removeAndSwap`. Changes need a project administrator (403 otherwise); a project the caller
 * cannot browse is 404. A version's place in the project's list is its sequence. Issues store version names,
 * so renames and deletes are carried into them (see issue-list-moves.ts).
 */
import { renameInIssues, replaceInIssues } from '../issue-list-moves.js';
import type { ProjectRecord, UserRecord, VersionRecord } from '../model.js';
import { canBrowse, isProjectAdmin } from '../permissions.js';
import { findVersion, isIsoDate, nextVersionId, projectNotFound, visibleProject } from '../project-lookup.js';
import { renderVersion } from '../render/projects.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const NO_ADMIN = 'You cannot edit the configuration of this project.';

type Found = { project: ProjectRecord; version: VersionRecord; user: UserRecord };

/** Registers the version routes. */
export function registerVersions(app: SandboxApp, deps: RouteDeps): void {
  for (const apiVersion of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${apiVersion}/version`);
    const render = (c: SandboxContext, found: { project: ProjectRecord; version: VersionRecord }) =>
      renderVersion(found.version, found.project, scopeFor(c, deps, apiVersion));

    app.get(`${root}/:id`, (c) => {
      const found = versionOf(c, deps);
      return found instanceof Response ? found : jsonResponse(200, render(c, found));
    });

    app.post(root, async (c) => {
      const user = c.get('caller').user;
      if (!user) return notAuthenticated();
      const body = await bodyOf(c);
      const key = typeof body.project === 'string' ? body.project : String(body.projectId ?? '');
      if (key === '')
        return errorResponse(400, [], { project: 'Project must be specified to create a version.' });
      const project = visibleProject(deps.store, user, key);
      if (!project) return projectNotFound(key);
      if (!isProjectAdmin(user, project)) return errorResponse(403, [NO_ADMIN]);
      const version: VersionRecord = {
        id: nextVersionId(deps.store),
        name: '',
        released: false,
        archived: false,
        releaseDate: null,
      };
      const problem = apply(project, version, body, true);
      if (problem) return problem;
      project.versions = [...(project.versions ?? []), version];
      deps.store.commit();
      return jsonResponse(201, render(c, { project, version }));
    });

    app.put(`${root}/:id`, async (c) => {
      const found = versionOf(c, deps, true);
      if (found instanceof Response) return found;
      const { project, version } = found;
      const draft = { ...version };
      const problem = apply(project, draft, await bodyOf(c), false);
      if (problem) return problem;
      const before = version.name;
      Object.assign(version, draft);
      if (version.name !== before) renameInIssues(deps.store, project, 'fixVersions', before, version.name);
      deps.store.commit();
      return jsonResponse(200, render(c, found));
    });

    app.post(`${root}/:id/move`, async (c) => {
      const found = versionOf(c, deps, true);
      if (found instanceof Response) return found;
      const moved = moveVersion(found, await bodyOf(c));
      if (moved) return moved;
      deps.store.commit();
      return jsonResponse(200, render(c, found));
    });

    app.delete(`${root}/:id`, (c) =>
      removeVersion(c, deps, c.req.query('moveFixIssuesTo'), c.req.query('moveAffectedIssuesTo')),
    );

    app.post(`${root}/:id/removeAndSwap`, async (c) => {
      const body = await bodyOf(c);
      const id = (key: string) =>
        body[key] === undefined || body[key] === null ? undefined : String(body[key]);
      return removeVersion(c, deps, id('moveFixIssuesTo'), id('moveAffectedIssuesTo'));
    });
  }
}

/** Deletes the version; its fix-version issues move to `fixTo` when given (same project only). */
function removeVersion(
  c: SandboxContext,
  deps: RouteDeps,
  fixTo: string | undefined,
  affectedTo: string | undefined,
): Response {
  const found = versionOf(c, deps, true);
  if (found instanceof Response) return found;
  const { project, version, user } = found;
  const targetOf = (id: string | undefined, field: string): VersionRecord | Response | undefined => {
    if (id === undefined || id === '') return undefined;
    const target = project.versions?.find((v) => String(v.id) === id);
    if (!target || target === version) {
      return errorResponse(400, [], {
        [field]: `The version with id ${id} is not a version of project ${project.key} to move issues to.`,
      });
    }
    return target;
  };
  const fixTarget = targetOf(fixTo, 'moveFixIssuesTo');
  if (fixTarget instanceof Response) return fixTarget;
  // Issues here have no affects-versions, but a bad target is refused all the same.
  const affectedTarget = targetOf(affectedTo, 'moveAffectedIssuesTo');
  if (affectedTarget instanceof Response) return affectedTarget;
  replaceInIssues(deps.store, project, 'fixVersions', version, fixTarget, user.name);
  project.versions = (project.versions ?? []).filter((v) => v !== version);
  deps.store.commit();
  return new Response(null, { status: 204 });
}

const POSITIONS = new Set(['First', 'Last', 'Earlier', 'Later']);

/** Moves the version within its project's sequence, or answers why not. */
function moveVersion(found: Found, body: Record<string, unknown>): Response | undefined {
  const { project, version } = found;
  const list = [...(project.versions ?? [])];
  const from = list.indexOf(version);
  list.splice(from, 1);
  let to: number;
  if (typeof body.after === 'string') {
    const afterId = /\/version\/(\d+)\/?$/.exec(body.after)?.[1];
    const index = list.findIndex((v) => String(v.id) === afterId);
    if (index < 0)
      return errorResponse(400, [], { after: `Version '${body.after}' is not in project ${project.key}.` });
    to = index + 1;
  } else if (typeof body.position === 'string' && POSITIONS.has(body.position)) {
    const position = body.position;
    to =
      position === 'First'
        ? 0
        : position === 'Last'
          ? list.length
          : position === 'Earlier'
            ? Math.max(0, from - 1)
            : Math.min(list.length, from + 1);
  } else {
    return errorResponse(400, [
      'A version position (First, Last, Earlier, Later) or an after URL is required.',
    ]);
  }
  list.splice(to, 0, version);
  project.versions = list;
  return undefined;
}

/** Copies the body's fields onto `version`, or answers why not (nothing is changed then). */
function apply(
  project: ProjectRecord,
  version: VersionRecord,
  body: Record<string, unknown>,
  creating: boolean,
): Response | undefined {
  if (creating || 'name' in body) {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '') return errorResponse(400, [], { name: 'You must specify a valid version name' });
    if (name.length > 255)
      return errorResponse(400, [], { name: 'The version name must not exceed 255 characters.' });
    const clash = (project.versions ?? []).some(
      (v) => v.id !== version.id && v.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash)
      return errorResponse(400, [], { name: 'A version with this name already exists in this project.' });
    version.name = name;
  }
  if ('description' in body) {
    if (typeof body.description === 'string' && body.description !== '')
      version.description = body.description;
    else delete version.description;
  }
  for (const field of ['startDate', 'releaseDate'] as const) {
    if (!(field in body)) continue;
    const value = body[field];
    if (value === null || value === '') version[field] = null;
    else if (typeof value === 'string' && isIsoDate(value)) version[field] = value;
    else return errorResponse(400, [], { [field]: `Invalid date '${String(value)}': use yyyy-MM-dd.` });
  }
  if (version.startDate && version.releaseDate && version.startDate > version.releaseDate) {
    return errorResponse(400, [], { startDate: 'The start date must be before the release date.' });
  }
  for (const flag of ['released', 'archived'] as const) {
    if (typeof body[flag] === 'boolean') version[flag] = body[flag];
  }
  return undefined;
}

/** The version in the path when the caller may see it (and administer its project, for changes). */
function versionOf(c: SandboxContext, deps: RouteDeps, change = false): Found | Response {
  const user = c.get('caller').user;
  if (!user) return notAuthenticated();
  const id = c.req.param('id') ?? '';
  const found = findVersion(deps.store, id);
  if (!found || !canBrowse(user, found.project)) {
    return errorResponse(404, [`Could not find version for id '${id}'`]);
  }
  if (change && !isProjectAdmin(user, found.project)) return errorResponse(403, [NO_ADMIN]);
  return { ...found, user };
}

async function bodyOf(c: SandboxContext): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => null);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
