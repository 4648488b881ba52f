/** Users named in request bodies and query strings: `accountId` on Cloud, `name` (or `key`) on Data Center. */
import type { Flavor, UserRecord } from './model.js';
import type { Store } from './store.js';

export type UserInput = { ok: true; user: UserRecord | null } | { ok: false; error: string };

/**
 * Reads a user reference such as `{accountId}` / `{name}`; `null` or an empty id means "nobody". Cloud
 * refuses `name` (GDPR), as the real service does.
 */
export function userFromBody(store: Store, flavor: Flavor, value: unknown): UserInput {
  if (value === null) return { ok: true, user: null };
  if (typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'expected a user object' };
  const ref = value as Record<string, unknown>;
  if (flavor === 'cloud') {
    if (!('accountId' in ref)) return { ok: false, error: "'accountId' must be specified" };
    return byId(ref.accountId, (id) => store.userByAccountId(id));
  }
  if ('name' in ref) return byId(ref.name, (name) => store.userByName(name));
  if ('key' in ref) return byId(ref.key, (key) => userByKey(store, key));
  return { ok: false, error: "'name' must be specified" };
}

/** A user from a query or plain-string body: account id on Cloud, user name on Data Center. */
export function userFromString(store: Store, flavor: Flavor, value: string): UserRecord | undefined {
  return flavor === 'cloud' ? store.userByAccountId(value) : store.userByName(value);
}

function byId(raw: unknown, find: (id: string) => UserRecord | undefined): UserInput {
  if (raw === null || raw === '') return { ok: true, user: null };
  if (typeof raw !== 'string') return { ok: false, error: 'expected a string' };
  const user = find(raw);
  if (!user?.active) return { ok: false, error: `User '${raw}' does not exist.` };
  return { ok: true, user };
}

function userByKey(store: Store, key: string): UserRecord | undefined {
  return store.state.users.find((u) => u.key === key);
}
