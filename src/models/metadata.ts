/** Field metadata of create and edit screens (createmeta, editmeta). */

import { asRecord, str } from './json.js';

/** One field of a create or edit screen; `raw` is the wire JSON. */
export interface FieldMeta {
  /** The field id (`summary`, `customfield_10016`). */
  id: string;
  name: string;
  required: boolean;
  hasDefaultValue: boolean;
  /** Type information (`type`, `system` or `custom`, `items`), as Jira sends it. */
  schema: Record<string, unknown>;
  /** What an edit may do with the field: `set`, `add`, `remove`, `edit`. */
  operations: string[];
  /** The values a pick-list field accepts, when Jira lists them. */
  allowedValues?: unknown[];
  defaultValue?: unknown;
  autoCompleteUrl?: string;
  raw: Record<string, unknown>;
}

/** A field of a project's create screen for one issue type. */
export type CreateMetaField = FieldMeta;

/** A field of an issue's edit screen. */
export type EditMetaField = FieldMeta;

/** An issue type a project can create issues of. */
export interface CreateMetaIssueType {
  id: string;
  name: string;
  subtask: boolean;
  description?: string;
  raw: Record<string, unknown>;
}

/** Convert one field entry; `fallbackId` is the key of the editmeta map (which carries no id of its own). */
export function toFieldMeta(json: unknown, fallbackId = ''): FieldMeta {
  const raw = asRecord(json) ?? {};
  const id = str(raw, 'fieldId') ?? (fallbackId !== '' ? fallbackId : (str(raw, 'key') ?? ''));
  const meta: FieldMeta = {
    id,
    name: str(raw, 'name') ?? id,
    required: raw.required === true,
    hasDefaultValue: raw.hasDefaultValue === true,
    schema: asRecord(raw.schema) ?? {},
    operations: Array.isArray(raw.operations)
      ? raw.operations.filter((o): o is string => typeof o === 'string')
      : [],
    raw,
  };
  if (Array.isArray(raw.allowedValues)) meta.allowedValues = raw.allowedValues;
  if ('defaultValue' in raw) meta.defaultValue = raw.defaultValue;
  const url = str(raw, 'autoCompleteUrl');
  if (url !== undefined) meta.autoCompleteUrl = url;
  return meta;
}

/** Convert one issue type of a createmeta page. */
export function toCreateMetaIssueType(json: unknown): CreateMetaIssueType {
  const raw = asRecord(json) ?? {};
  const type: CreateMetaIssueType = {
    id: typeof raw.id === 'number' ? String(raw.id) : (str(raw, 'id') ?? ''),
    name: str(raw, 'name') ?? '',
    subtask: raw.subtask === true,
    raw,
  };
  const description = str(raw, 'description');
  if (description !== undefined) type.description = description;
  return type;
}
