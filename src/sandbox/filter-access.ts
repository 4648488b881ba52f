/**
 * Who may see and change a saved filter. The owner always sees it; everyone else sees it through one of its
 * share permissions: `global` (anyone), `authenticated` (signed in), `group` (members), `project` (those who
 * may browse the project) or `projectRole` (the project's users in that role, see PROJECT_ROLES).
 */
import { findGroup, isMember } from './groups.js';
import type { FilterRecord, ProjectRecord, SharePermissionRecord, UserRecord } from './model.js';
import { canBrowse, canEdit, isProjectAdmin } from './permissions.js';
import type { Store } from './store.js';

/** A project role as the sandbox keeps it: a fixed id and name, and who holds it in a project. */
export interface ProjectRoleDef {
  id: number;
  name: string;
  description: string;
  holds(user: UserRecord | null, project: ProjectRecord): boolean;
}

/** The three roles every sandbox project has; membership follows the project's own permissions. */
export const PROJECT_ROLES: readonly ProjectRoleDef[] = [
  {
    id: 10000,
    name: 'Users',
    description: 'Everyone who may browse the project.',
    holds: (user, project) => canBrowse(user, project),
  },
  {
    id: 10001,
    name: 'Developers',
    description: 'Everyone who may create and edit issues in the project.',
    holds: (user, project) => canEdit(user, project),
  },
  {
    id: 10002,
    name: 'Administrators',
    description: 'The project lead and site administrators.',
    holds: (user, project) => canBrowse(user, project) && isProjectAdmin(user, project),
  },
];

/** The role with this id, if any. */
export function projectRole(id: number): ProjectRoleDef | undefined {
  return PROJECT_ROLES.find((r) => r.id === id);
}

/** Jira's wording for a filter that is missing or hidden: never a 403, so its existence does not leak. */
export const FILTER_NOT_AVAILABLE =
  'The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.';

/** The filter's shares; older snapshots carry only `shared`, read here as one `global` share. */
export function sharesOf(filter: FilterRecord): SharePermissionRecord[] {
  if (filter.sharePermissions) return filter.sharePermissions;
  return filter.shared === 'global' ? [{ id: 10000 + filter.id, type: 'global' }] : [];
}

/** The shares as a list that can be changed in place (older records are converted on first change). */
export function editableShares(filter: FilterRecord): SharePermissionRecord[] {
  if (!filter.sharePermissions) {
    filter.sharePermissions = sharesOf(filter).map((s) => ({ ...s }));
    delete filter.shared;
  }
  return filter.sharePermissions;
}

/** True when `user` may see the filter. */
export function maySee(store: Store, user: UserRecord | null, filter: FilterRecord): boolean {
  if (user && filter.owner.toLowerCase() === user.name.toLowerCase()) return true;
  return sharesOf(filter).some((share) => shareGrants(store, user, share));
}

/** True when `user` owns the filter (only the owner may change it or its shares). */
export function isOwner(user: UserRecord | null, filter: FilterRecord): boolean {
  return user !== null && filter.owner.toLowerCase() === user.name.toLowerCase();
}

/** Does this one share let `user` see the filter? */
export function shareGrants(store: Store, user: UserRecord | null, share: SharePermissionRecord): boolean {
  switch (share.type) {
    case 'global':
      return true;
    case 'authenticated':
      return user !== null;
    case 'group': {
      const group = share.group === undefined ? undefined : findGroup(store, { name: share.group });
      return user !== null && group !== undefined && isMember(user, group);
    }
    case 'project': {
      const project = projectById(store, share.projectId);
      return project !== undefined && canBrowse(user, project);
    }
    case 'projectRole': {
      const project = projectById(store, share.projectId);
      const role = share.roleId === undefined ? undefined : projectRole(share.roleId);
      return project !== undefined && role?.holds(user, project) === true;
    }
  }
}

/** The filter with this id when the caller may see it. */
export function visibleFilter(store: Store, user: UserRecord | null, id: string): FilterRecord | undefined {
  const filter = findFilter(store, id);
  return filter && maySee(store, user, filter) ? filter : undefined;
}

/** The filter with this id, whoever may see it. */
export function findFilter(store: Store, id: string): FilterRecord | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  return (store.state.filters ?? []).find((f) => f.id === Number(id));
}

/** Takes the next filter id (never reused, as in Jira). */
export function nextFilterId(store: Store): number {
  const state = store.state;
  const next = state.nextFilterId ?? Math.max(9999, ...(state.filters ?? []).map((f) => f.id)) + 1;
  state.nextFilterId = next + 1;
  return next;
}

/** Takes the next share permission id. */
export function nextShareId(store: Store): number {
  const state = store.state;
  const used = (state.filters ?? []).flatMap((f) => sharesOf(f).map((s) => s.id));
  const next = state.nextSharePermissionId ?? Math.max(10099, ...used) + 1;
  state.nextSharePermissionId = next + 1;
  return next;
}

/** A project by numeric id. */
export function projectById(store: Store, id: number | undefined): ProjectRecord | undefined {
  return id === undefined ? undefined : store.state.projects.find((p) => p.id === id);
}
