/** Project versions: the releases issues are fixed in (`fixVersions`) or found in (`versions`). */

import { asRecord, str } from './json.js';

/** A project version; `raw` is the wire JSON. */
export interface Version {
  id: string;
  name: string;
  description?: string;
  released: boolean;
  archived: boolean;
  /** `yyyy-MM-dd`. */
  startDate?: string;
  /** `yyyy-MM-dd`. */
  releaseDate?: string;
  /** Unreleased with a release date in the past (as the server judged it). */
  overdue?: boolean;
  projectId?: number;
  raw: Record<string, unknown>;
}

/** Convert a wire version (`Version`, `VersionBean`) to a Version. */
export function toVersion(json: unknown): Version {
  const raw = asRecord(json) ?? {};
  const version: Version = {
    id: str(raw, 'id') ?? '',
    name: str(raw, 'name') ?? '',
    released: raw.released === true,
    archived: raw.archived === true,
    raw,
  };
  for (const key of ['description', 'startDate', 'releaseDate'] as const) {
    const value = str(raw, key);
    if (value !== undefined) version[key] = value;
  }
  if (typeof raw.overdue === 'boolean') version.overdue = raw.overdue;
  if (typeof raw.projectId === 'number') version.projectId = raw.projectId;
  return version;
}
