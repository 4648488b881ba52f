/**
 * Namespaces of the Jira class whose code loads on first use (see deferred.ts): most CLI commands touch none
 * of them, and each costs a module load.
 */

import type { JiraCore } from '../client/core.js';
import type { ComponentsApi } from './components.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import type { FiltersApi } from './filters.js';
import type { GroupsApi } from './groups.js';
import type { ProjectsApi } from './projects.js';
import type { CachedLoader, ReferenceApis } from './reference.js';
import type { UsersApi } from './users.js';
import type { VersionsApi } from './versions.js';

/** `jira.users`. */
export function lazyUsers(core: JiraCore): UsersApi {
  const load = async () => (await import('./users.js')).usersApi(core);
  return {
    ...deferredMethods(load, ['me', 'get', 'resolve', 'find', 'create', 'update', 'remove']),
    search: deferredIterable(async () => (await load()).search),
  };
}

/** `jira.groups`. */
export function lazyGroups(core: JiraCore): GroupsApi {
  const load = async () => (await import('./groups.js')).groupsApi(core);
  return {
    ...deferredMethods(load, ['get', 'create', 'remove', 'addMember', 'removeMember']),
    members: deferredIterable(async () => (await load()).members),
  };
}

/** `jira.projects`. */
export function lazyProjects(core: JiraCore): ProjectsApi {
  const load = async () => (await import('./projects.js')).projectsApi(core);
  return {
    ...deferredMethods(load, ['get']),
    list: deferredIterable(async () => (await load()).list),
  };
}

/** `jira.components`. */
export function lazyComponents(core: JiraCore): ComponentsApi {
  const load = async () => (await import('./components.js')).componentsApi(core);
  return {
    ...deferredMethods(load, ['get', 'create', 'update', 'remove']),
    list: deferredIterable(async () => (await load()).list),
  };
}

/** `jira.versions`. */
export function lazyVersions(core: JiraCore): VersionsApi {
  const load = async () => (await import('./versions.js')).versionsApi(core);
  return {
    ...deferredMethods(load, ['get', 'create', 'update', 'move', 'remove']),
    list: deferredIterable(async () => (await load()).list),
  };
}

/** `jira.filters` (with `jira.filters.permissions`, loaded apart: each costs a module load). */
export function lazyFilters(core: JiraCore): FiltersApi {
  const load = async () => (await import('./filters.js')).filtersApi(core);
  const loadPermissions = async () => (await import('./filter-permissions.js')).filterPermissionsApi(core);
  return {
    ...deferredMethods(load, ['get', 'favourites', 'create', 'update', 'remove']),
    find: deferredIterable(async () => (await load()).find),
    permissions: deferredMethods(loadPermissions, ['list', 'add', 'remove', 'removeAll']),
  };
}

/** The reference-data namespaces, their code loaded on first use. */
export function deferredReference(core: JiraCore, cached: CachedLoader): ReferenceApis {
  let apis: Promise<ReferenceApis> | undefined;
  const load = () => {
    apis ??= import('./reference.js').then((m) => m.referenceApis(core, cached));
    return apis;
  };
  return {
    fields: deferredMethods(async () => (await load()).fields, ['list']),
    priorities: deferredMethods(async () => (await load()).priorities, ['list']),
    statuses: deferredMethods(async () => (await load()).statuses, ['list', 'get']),
    issueTypes: deferredMethods(async () => (await load()).issueTypes, ['list']),
    resolutions: deferredMethods(async () => (await load()).resolutions, ['list']),
    issueLinkTypes: deferredMethods(async () => (await load()).issueLinkTypes, ['list', 'get']),
  };
}
