/** Reference data entities (fields, priorities, statuses, issue types, resolutions, link types) from wire JSON. */

import { asRecord, str } from './json.js';

/** A field of the field catalogue (`GET /field`). */
export interface Field {
  id: string;
  /** Cloud's field key (equals `id` for most fields); `id` on Data Center, which has no key. */
  key: string;
  name: string;
  custom: boolean;
  /** Type information (`type`, `system` or `custom`, ...), absent for a few system fields. */
  schema?: Record<string, unknown>;
  /** JQL clause names. */
  clauseNames: string[];
  raw: Record<string, unknown>;
}

/** An issue priority. */
export interface Priority {
  id: string;
  name: string;
  description?: string;
  iconUrl?: string;
  statusColor?: string;
  raw: Record<string, unknown>;
}

/** The category a status belongs to (To Do, In Progress, Done). */
export interface StatusCategory {
  id: number;
  key: string;
  name: string;
  colorName?: string;
}

/** A workflow status. */
export interface Status {
  id: string;
  name: string;
  description?: string;
  iconUrl?: string;
  category?: StatusCategory;
  raw: Record<string, unknown>;
}

/** An issue type. */
export interface IssueType {
  id: string;
  name: string;
  description?: string;
  iconUrl?: string;
  subtask: boolean;
  /** Cloud only: 1 epic, 0 standard, -1 subtask. */
  hierarchyLevel?: number;
  raw: Record<string, unknown>;
}

/** An issue resolution. */
export interface Resolution {
  id: string;
  name: string;
  description?: string;
  raw: Record<string, unknown>;
}

/** An issue link type with its two directions' wording. */
export interface IssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
  raw: Record<string, unknown>;
}

function record(json: unknown, what: string): Record<string, unknown> {
  const r = asRecord(json);
  if (!r) throw new TypeError(`Unexpected ${what} from Jira: not an object`);
  return r;
}

/** Jira sends ids as strings, but a few resources (status categories) use numbers. */
function idOf(r: Record<string, unknown>): string {
  const id = r.id;
  return typeof id === 'number' ? String(id) : (str(r, 'id') ?? '');
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** Convert one `/field` item. */
export function toField(json: unknown): Field {
  const r = record(json, 'field');
  const id = idOf(r);
  const schema = asRecord(r.schema);
  const clauses = Array.isArray(r.clauseNames) ? r.clauseNames.filter((c) => typeof c === 'string') : [];
  return {
    id,
    key: str(r, 'key') ?? id,
    name: str(r, 'name') ?? id,
    custom: r.custom === true,
    ...(schema ? { schema } : {}),
    clauseNames: clauses,
    raw: r,
  };
}

/** Convert one priority. */
export function toPriority(json: unknown): Priority {
  const r = record(json, 'priority');
  return {
    id: idOf(r),
    name: str(r, 'name') ?? '',
    ...optional('description', str(r, 'description')),
    ...optional('iconUrl', str(r, 'iconUrl')),
    ...optional('statusColor', str(r, 'statusColor')),
    raw: r,
  };
}

/** Convert a status category. */
export function toStatusCategory(json: unknown): StatusCategory {
  const r = record(json, 'status category');
  const id = typeof r.id === 'number' ? r.id : Number(str(r, 'id') ?? Number.NaN);
  return {
    id,
    key: str(r, 'key') ?? '',
    name: str(r, 'name') ?? '',
    ...optional('colorName', str(r, 'colorName')),
  };
}

/** Convert one status. */
export function toStatus(json: unknown): Status {
  const r = record(json, 'status');
  const category = asRecord(r.statusCategory);
  return {
    id: idOf(r),
    name: str(r, 'name') ?? '',
    ...optional('description', str(r, 'description')),
    ...optional('iconUrl', str(r, 'iconUrl')),
    ...(category ? { category: toStatusCategory(category) } : {}),
    raw: r,
  };
}

/** Convert one issue type. */
export function toIssueType(json: unknown): IssueType {
  const r = record(json, 'issue type');
  return {
    id: idOf(r),
    name: str(r, 'name') ?? '',
    ...optional('description', str(r, 'description')),
    ...optional('iconUrl', str(r, 'iconUrl')),
    subtask: r.subtask === true,
    ...(typeof r.hierarchyLevel === 'number' ? { hierarchyLevel: r.hierarchyLevel } : {}),
    raw: r,
  };
}

/** Convert one resolution. */
export function toResolution(json: unknown): Resolution {
  const r = record(json, 'resolution');
  return {
    id: idOf(r),
    name: str(r, 'name') ?? '',
    ...optional('description', str(r, 'description')),
    raw: r,
  };
}

/** Convert one issue link type. */
export function toIssueLinkType(json: unknown): IssueLinkType {
  const r = record(json, 'issue link type');
  return {
    id: idOf(r),
    name: str(r, 'name') ?? '',
    inward: str(r, 'inward') ?? '',
    outward: str(r, 'outward') ?? '',
    raw: r,
  };
}
