/**
 * Field metadata of create and edit screens (`createmeta`, `editmeta`): which fields a project's issue type
 * takes, whether each is required, its schema, the operations an edit may use and, for pick lists, the values.
 */
import { CUSTOM_FIELDS, ISSUE_TYPES, PRIORITIES, type ProjectRecord } from '../model.js';
import { fieldsFor } from './fields.js';
import {
  renderComponents,
  renderIssueType,
  renderPriority,
  renderProjectRef,
  renderVersions,
} from './references.js';
import type { RenderScope } from './scope.js';

interface ScreenField {
  id: string;
  operations: string[];
  /** Required on the create screen. */
  required?: boolean;
  /** Only on the create screen / only on the edit screen. */
  only?: 'create' | 'edit';
  allowed?: (project: ProjectRecord, scope: RenderScope) => unknown[];
  defaultValue?: (scope: RenderScope) => unknown;
}

const SET = ['set'];
const LIST = ['add', 'set', 'remove'];

const SCREEN: readonly ScreenField[] = [
  { id: 'summary', operations: SET, required: true },
  {
    id: 'issuetype',
    operations: [],
    required: true,
    allowed: (_p, s) => ISSUE_TYPES.map((t) => renderIssueType(t.id, s)),
  },
  {
    id: 'project',
    operations: SET,
    required: true,
    only: 'create',
    allowed: (p, s) => [renderProjectRef(p, s)],
  },
  { id: 'parent', operations: SET },
  { id: 'description', operations: SET },
  { id: 'reporter', operations: SET, required: true },
  { id: 'assignee', operations: SET },
  {
    id: 'priority',
    operations: SET,
    allowed: (_p, s) => PRIORITIES.map((p) => renderPriority(p.id, s)),
    defaultValue: (s) => renderPriority('3', s),
  },
  { id: 'labels', operations: LIST },
  {
    id: 'components',
    operations: LIST,
    allowed: (p, s) =>
      renderComponents(
        (p.components ?? []).map((c) => c.name),
        p,
        s,
      ),
  },
  {
    id: 'fixVersions',
    operations: LIST,
    allowed: (p, s) =>
      renderVersions(
        (p.versions ?? []).map((v) => v.name),
        p,
        s,
      ),
  },
  { id: 'duedate', operations: SET },
  { id: 'comment', operations: ['add'], only: 'edit' },
  ...CUSTOM_FIELDS.map((f) => ({ id: f.id, operations: SET })),
];

/** The fields of the create screen of `issueTypeId` in `project`, in screen order. */
export function createMetaFields(
  project: ProjectRecord,
  issueTypeId: string,
  scope: RenderScope,
): Record<string, unknown>[] {
  const subtask = ISSUE_TYPES.find((t) => t.id === issueTypeId)?.subtask === true;
  return SCREEN.filter((f) => f.only !== 'edit').map((f) => {
    const meta = fieldMeta(f, project, scope, f.required === true || (subtask && f.id === 'parent'));
    // Cloud names the field twice (`fieldId` and `key`); Data Center only as `fieldId`.
    return scope.flavor === 'cloud' ? { ...meta, fieldId: f.id } : { ...withoutKey(meta), fieldId: f.id };
  });
}

/** The edit screen of an issue of `project`, keyed by field id. */
export function editMetaFields(project: ProjectRecord, scope: RenderScope): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SCREEN) {
    if (f.only === 'create') continue;
    out[f.id] = fieldMeta(f, project, scope, f.id === 'summary' || f.id === 'issuetype');
  }
  return out;
}

function fieldMeta(
  f: ScreenField,
  project: ProjectRecord,
  scope: RenderScope,
  required: boolean,
): Record<string, unknown> {
  const def = fieldsFor(scope.flavor).find((d) => d.id === f.id);
  const out: Record<string, unknown> = {
    required,
    schema: def?.schema ?? { type: f.id === 'parent' ? 'issuelink' : 'any', system: f.id },
    name: def?.name ?? f.id,
    key: f.id,
    hasDefaultValue: f.defaultValue !== undefined,
    operations: [...f.operations],
  };
  if (f.allowed) out.allowedValues = f.allowed(project, scope);
  if (f.defaultValue) out.defaultValue = f.defaultValue(scope);
  return out;
}

function withoutKey(meta: Record<string, unknown>): Record<string, unknown> {
  const { key: _key, ...rest } = meta;
  return rest;
}
