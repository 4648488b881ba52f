/**
 * Project reads: the list (`GET /project`, a bare array; Cloud's paged `GET /project/search`), one project,
 * and its components and versions (bare arrays, or the paged `/version` with `orderBy`). Only projects the
 * caller may browse are listed or found.
 */
import type { ProjectRecord, VersionRecord } from '../model.js';
import { canBrowse } from '../permissions.js';
import { projectNotFound, visibleProject } from '../project-lookup.js';
import { renderComponent, renderProject, renderVersion } from '../render/projects.js';
import { errorResponse, jsonResponse, notAuthenticated } from '../render/responses.js';
import { apiRoot } from '../render/scope.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

const DEFAULT_PAGE = 50;
const VERSION_ORDERS = new Set(['sequence', 'name', 'startDate', 'releaseDate', 'description']);

/** Registers the project read routes. */
export function registerProjects(app: SandboxApp, deps: RouteDeps): void {
  for (const version of apiVersions(deps.flavor)) {
    const root = deps.path(`/rest/api/${version}/project`);
    const visible = (c: SandboxContext) =>
      deps.store.state.projects.filter((p) => canBrowse(c.get('caller').user, p));

    app.get(root, (c) => {
      if (!c.get('caller').user) return notAuthenticated();
      const scope = scopeFor(c, deps, version);
      const detail = { full: false, expand: expandOf(c) };
      return jsonResponse(
        200,
        visible(c).map((p) => renderProject(p, scope, detail)),
      );
    });

    if (deps.flavor === 'cloud') {
      app.get(`${root}/search`, (c) => {
        if (!c.get('caller').user) return notAuthenticated();
        const scope = scopeFor(c, deps, version);
        const keys = (c.req.queries('keys') ?? []).flatMap((k) => k.split(',')).map((k) => k.toUpperCase());
        const query = (c.req.query('query') ?? '').toLowerCase();
        const found = visible(c).filter(
          (p) =>
            (keys.length === 0 || keys.includes(p.key)) &&
            (query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query)),
        );
        const detail = { full: false, expand: expandOf(c) };
        const page = paged(c, found);
        return jsonResponse(200, {
          self: `${apiRoot(scope)}/project/search?startAt=${page.startAt}&maxResults=${page.maxResults}`,
          ...page,
          values: page.values.map((p) => renderProject(p, scope, detail)),
        });
      });
    }

    app.get(`${root}/:idOrKey`, (c) => {
      const project = projectOf(c, deps);
      if (project instanceof Response) return project;
      const detail = { full: true, expand: expandOf(c) };
      return jsonResponse(200, renderProject(project, scopeFor(c, deps, version), detail));
    });

    app.get(`${root}/:idOrKey/components`, (c) => {
      const project = projectOf(c, deps);
      if (project instanceof Response) return project;
      const scope = scopeFor(c, deps, version);
      return jsonResponse(
        200,
        (project.components ?? []).map((x) => renderComponent(x, project, scope)),
      );
    });

    app.get(`${root}/:idOrKey/versions`, (c) => {
      const project = projectOf(c, deps);
      if (project instanceof Response) return project;
      const scope = scopeFor(c, deps, version);
      return jsonResponse(
        200,
        (project.versions ?? []).map((v) => renderVersion(v, project, scope)),
      );
    });

    app.get(`${root}/:idOrKey/version`, (c) => {
      const project = projectOf(c, deps);
      if (project instanceof Response) return project;
      const orderBy = c.req.query('orderBy') ?? '';
      const field = orderBy.replace(/^[-+]/, '');
      if (orderBy !== '' && !VERSION_ORDERS.has(field)) {
        return errorResponse(400, [`Invalid orderBy parameter '${orderBy}'.`]);
      }
      const query = (c.req.query('query') ?? '').toLowerCase();
      let versions = (project.versions ?? []).filter(
        (v) => query === '' || v.name.toLowerCase().includes(query),
      );
      if (field !== '') versions = sortVersions(versions, field, orderBy.startsWith('-'));
      const scope = scopeFor(c, deps, version);
      const page = paged(c, versions);
      const self = `${apiRoot(scope)}/project/${project.key}/version?maxResults=${page.maxResults}&startAt=${page.startAt}`;
      const out: Record<string, unknown> = { self };
      if (!page.isLast) {
        const next = page.startAt + page.maxResults;
        out.nextPage = `${apiRoot(scope)}/project/${project.key}/version?maxResults=${page.maxResults}&startAt=${next}`;
      }
      return jsonResponse(200, {
        ...out,
        ...page,
        values: page.values.map((v) => renderVersion(v, project, scope)),
      });
    });
  }
}

/** The project named in the path when the caller may browse it, else Jira's reply. */
function projectOf(c: SandboxContext, deps: RouteDeps): ProjectRecord | Response {
  const user = c.get('caller').user;
  if (!user) return notAuthenticated();
  const idOrKey = c.req.param('idOrKey') ?? '';
  return visibleProject(deps.store, user, idOrKey) ?? projectNotFound(idOrKey);
}

function expandOf(c: SandboxContext): Set<string> {
  return new Set((c.req.queries('expand') ?? []).flatMap((e) => e.split(',')).map((e) => e.trim()));
}

/** Versions ordered by a field; dates not set sort last, ties keep the sequence. */
function sortVersions(versions: VersionRecord[], field: string, descending: boolean): VersionRecord[] {
  const keyOf = (v: VersionRecord): string | null => {
    if (field === 'name') return v.name;
    if (field === 'description') return v.description ?? '';
    if (field === 'startDate') return v.startDate ?? null;
    if (field === 'releaseDate') return v.releaseDate;
    return null;
  };
  const sorted = versions.map((v, index) => ({ v, index, key: field === 'sequence' ? null : keyOf(v) }));
  sorted.sort((a, b) => {
    if (field === 'sequence') return a.index - b.index;
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    const byKey = a.key.localeCompare(b.key, 'en', { numeric: true, sensitivity: 'base' });
    return byKey !== 0 ? byKey : a.index - b.index;
  });
  const out = sorted.map((s) => s.v);
  return descending ? out.reverse() : out;
}

function paged<T>(
  c: SandboxContext,
  items: T[],
): { startAt: number; maxResults: number; total: number; isLast: boolean; values: T[] } {
  const startAt = whole(c.req.query('startAt'), 0);
  const maxResults = Math.max(1, whole(c.req.query('maxResults'), DEFAULT_PAGE));
  const values = items.slice(startAt, startAt + maxResults);
  return {
    maxResults,
    startAt,
    total: items.length,
    isLast: startAt + values.length >= items.length,
    values,
  };
}

function whole(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}
