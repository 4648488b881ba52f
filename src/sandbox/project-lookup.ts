/**
 * Finding projects and the components and versions they own, as the caller may see them: a project the caller
 * cannot browse is answered exactly like a missing one, so its existence does not leak.
 */
import type { ComponentRecord, ProjectRecord, UserRecord, VersionRecord } from './model.js';
import { canBrowse } from './permissions.js';
import { errorResponse } from './render/responses.js';
import type { Store } from './store.js';

/** A project by numeric id or key (any case). */
export function findProject(store: Store, idOrKey: string): ProjectRecord | undefined {
  if (/^\d+$/.test(idOrKey)) return store.state.projects.find((p) => p.id === Number(idOrKey));
  return store.project(idOrKey);
}

/** The project when it exists and the caller may browse it. */
export function visibleProject(
  store: Store,
  user: UserRecord | null,
  idOrKey: string,
): ProjectRecord | undefined {
  const project = findProject(store, idOrKey);
  return project && canBrowse(user, project) ? project : undefined;
}

/** Jira's 404 for a project that is missing or hidden. */
export function projectNotFound(idOrKey: string): Response {
  const kind = /^\d+$/.test(idOrKey) ? 'id' : 'key';
  return errorResponse(404, [`No project could be found with ${kind} '${idOrKey}'.`]);
}

/** A component with the project that owns it. */
export function findComponent(
  store: Store,
  id: string,
): { project: ProjectRecord; component: ComponentRecord } | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  for (const project of store.state.projects) {
    const component = project.components?.find((c) => c.id === Number(id));
    if (component) return { project, component };
  }
  return undefined;
}

/** A version with the project that owns it. */
export function findVersion(
  store: Store,
  id: string,
): { project: ProjectRecord; version: VersionRecord } | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  for (const project of store.state.projects) {
    const version = project.versions?.find((v) => v.id === Number(id));
    if (version) return { project, version };
  }
  return undefined;
}

/** The next free component id (components are numbered across all projects, from 10000). */
export function nextComponentId(store: Store): number {
  const ids = store.state.projects.flatMap((p) => (p.components ?? []).map((c) => c.id));
  return Math.max(9999, ...ids) + 1;
}

/** The next free version id (numbered across all projects, from 10000). */
export function nextVersionId(store: Store): number {
  const ids = store.state.projects.flatMap((p) => (p.versions ?? []).map((v) => v.id));
  return Math.max(9999, ...ids) + 1;
}

/** True for a real calendar date written `yyyy-MM-dd`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
