/**
 * Saved filters and their share permissions. Jira returns a project-role share as type `project` with a
 * `role`, and an "any signed-in user" share as `loggedin`; both are normalized here to the names a share is
 * created with (`projectRole`, `authenticated`).
 */

import { asRecord, str } from './json.js';
import { toUser, type User } from './user.js';

/** How a filter is shared. */
export type FilterPermissionType =
  | 'global'
  | 'authenticated'
  | 'group'
  | 'project'
  | 'projectRole'
  | 'user'
  | 'unknown';

/** One share permission of a filter; `raw` is the wire JSON. */
export interface FilterPermission {
  id: string;
  type: FilterPermissionType;
  group?: { name: string; groupId?: string };
  project?: { id: string; key?: string; name?: string };
  role?: { id: string; name?: string };
  user?: User;
  raw: Record<string, unknown>;
}

/** A saved filter; `raw` is the wire JSON. */
export interface Filter {
  id: string;
  name: string;
  jql: string;
  description: string;
  /** Absent when the reply leaves it out. */
  owner?: User;
  /** Whether the signed-in user marked it as a favourite. */
  favourite: boolean;
  sharePermissions: FilterPermission[];
  viewUrl?: string;
  raw: Record<string, unknown>;
}

/** Convert a wire filter (`Filter`, `FilterDetails`, `FilterBean`) to a Filter. */
export function toFilter(json: unknown): Filter {
  const raw = asRecord(json) ?? {};
  const shares = Array.isArray(raw.sharePermissions) ? raw.sharePermissions : [];
  const filter: Filter = {
    id: idText(raw.id),
    name: str(raw, 'name') ?? '',
    jql: str(raw, 'jql') ?? '',
    description: str(raw, 'description') ?? '',
    favourite: raw.favourite === true,
    sharePermissions: shares.map(toFilterPermission),
    raw,
  };
  if (asRecord(raw.owner)) filter.owner = toUser(raw.owner);
  const viewUrl = str(raw, 'viewUrl');
  if (viewUrl !== undefined) filter.viewUrl = viewUrl;
  return filter;
}

/** Convert a wire share permission (`SharePermission`, `FilterPermissionBean`). */
export function toFilterPermission(json: unknown): FilterPermission {
  const raw = asRecord(json) ?? {};
  const group = asRecord(raw.group);
  const project = asRecord(raw.project);
  const role = asRecord(raw.role);
  const permission: FilterPermission = { id: idText(raw.id), type: typeOf(str(raw, 'type'), role), raw };
  if (group) {
    permission.group = { name: str(group, 'name') ?? '' };
    const groupId = str(group, 'groupId');
    if (groupId) permission.group.groupId = groupId;
  }
  if (project) {
    permission.project = { id: idText(project.id) };
    const key = str(project, 'key');
    const name = str(project, 'name');
    if (key) permission.project.key = key;
    if (name) permission.project.name = name;
  }
  if (role) {
    permission.role = { id: idText(role.id) };
    const name = str(role, 'name');
    if (name) permission.role.name = name;
  }
  if (asRecord(raw.user)) permission.user = toUser(raw.user);
  return permission;
}

function typeOf(type: string | undefined, role: Record<string, unknown> | undefined): FilterPermissionType {
  switch (type?.toLowerCase()) {
    case 'global':
      return 'global';
    case 'loggedin':
    case 'authenticated':
      return 'authenticated';
    case 'group':
      return 'group';
    case 'project':
      return role ? 'projectRole' : 'project';
    case 'projectrole':
      return 'projectRole';
    case 'user':
      return 'user';
    default:
      return 'unknown';
  }
}

function idText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
