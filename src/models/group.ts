/** Groups: Cloud identifies them by `groupId` (names can change), Data Center by name. */

import { asRecord, str } from './json.js';

/** A Jira group; `raw` is the wire JSON. */
export interface Group {
  name: string;
  /** Cloud only. */
  groupId?: string;
  /** Member count, when the reply gives it. */
  size?: number;
  raw: Record<string, unknown>;
}

/** Convert a wire group (`Group`, `GroupDetails`, `GroupBean`) to a Group. */
export function toGroup(json: unknown): Group {
  const raw = asRecord(json) ?? {};
  const group: Group = { name: str(raw, 'name') ?? '', raw };
  const groupId = str(raw, 'groupId');
  if (groupId) group.groupId = groupId;
  const size = asRecord(raw.users)?.size;
  if (typeof size === 'number') group.size = size;
  return group;
}
