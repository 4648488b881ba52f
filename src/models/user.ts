/** Users: Cloud identifies them by accountId, Data Center by name and key. */

import { asRecord, str } from './json.js';

/** A Jira user as the library returns it; `raw` is the wire JSON. */
export interface User {
  accountId?: string;
  name?: string;
  key?: string;
  displayName: string;
  emailAddress?: string;
  active: boolean;
  timeZone?: string;
  /** Group names, when the reply lists them (`expand=groups`). */
  groups?: string[];
  raw: Record<string, unknown>;
}

/** Convert a wire user (myself, assignee, reporter, ...) to a User. */
export function toUser(json: unknown): User {
  const raw = asRecord(json) ?? {};
  const user: User = {
    displayName: str(raw, 'displayName') ?? str(raw, 'name') ?? str(raw, 'accountId') ?? '',
    active: raw.active !== false,
    raw,
  };
  for (const key of ['accountId', 'name', 'key', 'emailAddress', 'timeZone'] as const) {
    const value = str(raw, key);
    if (value !== undefined) user[key] = value;
  }
  const groups = asRecord(raw.groups)?.items;
  if (Array.isArray(groups) && groups.length > 0) {
    user.groups = groups.flatMap((g) => {
      const name = asRecord(g)?.name;
      return typeof name === 'string' ? [name] : [];
    });
  }
  return user;
}

/** A user field that may be null (unassigned) or absent. */
export function toUserOrNull(json: unknown): User | null | undefined {
  if (json === undefined) return undefined;
  if (json === null) return null;
  return toUser(json);
}
