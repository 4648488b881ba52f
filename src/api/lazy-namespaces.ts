/**
 * Namespaces of the Jira class whose code loads on first use (see deferred.ts): most CLI commands touch none
 * of them, and each costs a module load.
 */

import type { JiraCore } from '../client/core.js';
import { deferredIterable, deferredMethods } from './deferred.js';
import type { GroupsApi } from './groups.js';
import type { CachedLoader, ReferenceApis } from './reference.js';
import type { UsersApi } from './users.js';

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
