/** Group lookup and membership for the sandbox: groups by name (any case) or Cloud group id. */
import { createHash } from 'node:crypto';
import type { GroupRecord, UserRecord } from './model.js';
import type { Store } from './store.js';

/** A stable UUID-shaped id for a group name, so seeded groups keep their ids across restarts. */
export function groupIdFor(name: string): string {
  const hex = createHash('sha1').update(`group:${name.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Every group, creating the list from the users' memberships the first time (older snapshots lack it). */
export function allGroups(store: Store): GroupRecord[] {
  if (!store.state.groups) {
    const names = new Map<string, string>();
    for (const user of store.state.users) {
      for (const group of user.groups)
        if (!names.has(group.toLowerCase())) names.set(group.toLowerCase(), group);
    }
    store.state.groups = [...names.values()].sort().map((name) => ({ name, groupId: groupIdFor(name) }));
  }
  return store.state.groups;
}

/** The group a request names by `groupId` or name; undefined when none matches. */
export function findGroup(store: Store, ref: { name?: string; groupId?: string }): GroupRecord | undefined {
  const groups = allGroups(store);
  if (ref.groupId) return groups.find((g) => g.groupId === ref.groupId);
  const name = ref.name?.toLowerCase();
  return name === undefined ? undefined : groups.find((g) => g.name.toLowerCase() === name);
}

/** Users in the group, in user-name order. */
export function membersOf(store: Store, group: GroupRecord, includeInactive: boolean): UserRecord[] {
  const name = group.name.toLowerCase();
  return store.state.users
    .filter((u) => u.groups.some((g) => g.toLowerCase() === name))
    .filter((u) => includeInactive || u.active)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** True when `user` belongs to `group`. */
export function isMember(user: UserRecord, group: GroupRecord): boolean {
  return user.groups.some((g) => g.toLowerCase() === group.name.toLowerCase());
}
