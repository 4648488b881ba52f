/**
 * The `fields` and `update` parts of create and edit requests, read into a list of edits. Nothing changes
 * until every value has been read without error, so a refused request leaves the issue as it was.
 */
import { type ChangeItem, changeItem } from './changelog-writer.js';
import {
  type InputScope,
  type Read,
  readComponent,
  readCustom,
  readDate,
  readIssueType,
  readLabel,
  readParent,
  readPriority,
  readRichText,
  readSummary,
  readUser,
  readVersion,
} from './issue-values.js';
import {
  CUSTOM_FIELDS,
  type CustomFieldDef,
  ISSUE_TYPES,
  type IssueRecord,
  PRIORITIES,
  type UserRecord,
} from './model.js';

/** One change to apply; returns the changelog items it made (none when the value did not change). */
export type Edit = (issue: IssueRecord) => ChangeItem[];

/** The outcome of reading a request: edits to apply, comments to add (Markdown), or field errors. */
export interface ReadEdits {
  edits: Edit[];
  comments: string[];
  errors: Record<string, string>;
}

type Op = { op: string; value: unknown };

const NOT_SETTABLE = (id: string) =>
  `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** Fields a client sends but the create/edit request handles itself. */
const HANDLED_ELSEWHERE = new Set(['project']);

/** Reads `{fields, update}` against `issue` (the current issue, or the draft of a new one). */
export function readEdits(scope: InputScope, issue: IssueRecord, body: Record<string, unknown>): ReadEdits {
  const out: ReadEdits = { edits: [], comments: [], errors: {} };
  const ops = new Map<string, Op[]>();
  const fields = asRecord(body.fields);
  for (const [id, value] of Object.entries(fields)) {
    if (!HANDLED_ELSEWHERE.has(id)) ops.set(id, [{ op: 'set', value }]);
  }
  for (const [id, list] of Object.entries(asRecord(body.update))) {
    if (!Array.isArray(list)) {
      out.errors[id] = `Field '${id}' expects a list of operations.`;
      continue;
    }
    const parsed = list.flatMap((entry) =>
      Object.entries(asRecord(entry)).map(([op, value]) => ({ op, value })),
    );
    ops.set(id, [...(ops.get(id) ?? []), ...parsed]);
  }
  // The parent check needs the issue type the request ends with.
  const typeOp = ops.get('issuetype')?.at(-1);
  const typeRead = typeOp ? readIssueType(scope, typeOp.value) : undefined;
  const finalType = typeRead?.ok ? typeRead.value : issue.issueTypeId;
  for (const [id, list] of ops) {
    const error = readField(scope, issue, id, list, finalType, out);
    if (error !== undefined) out.errors[id] = error;
  }
  return out;
}

function readField(
  scope: InputScope,
  issue: IssueRecord,
  id: string,
  ops: Op[],
  finalType: string,
  out: ReadEdits,
): string | undefined {
  if (id === 'comment') return readComments(scope, ops, out);
  if (id === 'labels') return readList(ops, (v) => readLabel(v), issue.labels, out, listEdit('labels'));
  if (id === 'components')
    return readList(ops, (v) => readComponent(scope, v), issue.components, out, listEdit('components'));
  if (id === 'fixVersions')
    return readList(ops, (v) => readVersion(scope, v), issue.fixVersions, out, listEdit('fixVersions'));
  const last = ops.at(-1);
  if (!last) return undefined;
  if (ops.some((o) => o.op !== 'set')) return `Field '${id}' only supports the operation 'set'.`;
  const scalar = scalarEdit(scope, id, last.value, finalType);
  if (scalar === undefined) return NOT_SETTABLE(id);
  if (!scalar.ok) return scalar.error;
  out.edits.push(scalar.value);
  return undefined;
}

function readComments(scope: InputScope, ops: Op[], out: ReadEdits): string | undefined {
  for (const { op, value } of ops) {
    if (op !== 'add') return "Comments only support the operation 'add'.";
    const body = readRichText(scope, asRecord(value).body);
    if (!body.ok) return body.error;
    if (body.value === null) return 'Comment body can not be empty!';
    out.comments.push(body.value);
  }
  return undefined;
}

type ListName = 'labels' | 'components' | 'fixVersions';

/** set/add/remove on a list field, folded into the final list, then one edit. */
function readList(
  ops: Op[],
  read: (value: unknown) => Read<string>,
  current: readonly string[],
  out: ReadEdits,
  edit: (next: string[]) => Edit,
): string | undefined {
  let next = [...current];
  for (const { op, value } of ops) {
    if (op === 'set') {
      if (!Array.isArray(value)) return "The operation 'set' takes a list.";
      const items: string[] = [];
      for (const item of value) {
        const r = read(item);
        if (!r.ok) return r.error;
        if (!items.includes(r.value)) items.push(r.value);
      }
      next = items;
    } else if (op === 'add' || op === 'remove') {
      const r = read(value);
      if (!r.ok) return r.error;
      next =
        op === 'add'
          ? next.includes(r.value)
            ? next
            : [...next, r.value]
          : next.filter((x) => x !== r.value);
    } else return `Unsupported operation '${op}'.`;
  }
  out.edits.push(edit(next));
  return undefined;
}

const LIST_HISTORY_NAME: Record<ListName, string> = {
  labels: 'labels',
  components: 'Component',
  fixVersions: 'Fix Version',
};

function listEdit(name: ListName): (next: string[]) => Edit {
  return (next) => (issue) => {
    const before = issue[name];
    if (sameList(before, next)) return [];
    issue[name] = next;
    if (name === 'labels')
      return [changeItem('labels', { text: before.join(' ') || null }, { text: next.join(' ') || null })];
    // Components and versions: one item per value added or removed, as Jira records them.
    const field = LIST_HISTORY_NAME[name];
    return [
      ...before.filter((x) => !next.includes(x)).map((x) => changeItem(field, { text: x }, { text: null })),
      ...next.filter((x) => !before.includes(x)).map((x) => changeItem(field, { text: null }, { text: x })),
    ];
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The edit for a single-valued field, undefined when the field cannot be set. */
function scalarEdit(
  scope: InputScope,
  id: string,
  value: unknown,
  finalType: string,
): Read<Edit> | undefined {
  switch (id) {
    case 'summary':
      return map(readSummary(scope, value), (v) => textEdit('summary', v));
    case 'description':
      return map(readRichText(scope, value), (v) => textEdit('description', v));
    case 'duedate':
      return map(readDate(value), (v) => textEdit('duedate', v));
    case 'issuetype':
      return map(readIssueType(scope, value), (v) => (issue) => {
        const before = issue.issueTypeId;
        if (before === v) return [];
        issue.issueTypeId = v;
        return [
          changeItem('issuetype', { id: before, text: typeName(before) }, { id: v, text: typeName(v) }),
        ];
      });
    case 'priority':
      return map(readPriority(value), (v) => (issue) => {
        const before = issue.priorityId;
        if (before === v) return [];
        issue.priorityId = v;
        return [
          changeItem(
            'priority',
            { id: before, text: priorityName(before) },
            { id: v, text: priorityName(v) },
          ),
        ];
      });
    case 'assignee':
      return map(readUser(scope, value, true), (u) => userEdit(scope, 'assignee', u));
    case 'reporter':
      if (value === null) return { ok: false, error: 'Reporter is required.' };
      return map(readUser(scope, value, false), (u) => userEdit(scope, 'reporter', u));
    case 'parent':
      return map(readParent(scope, finalType, value), (parent) => (issue) => {
        const before = issue.parentKey;
        const after = parent?.key ?? null;
        if (before === after) return [];
        issue.parentKey = after;
        return [changeItem('IssueParentAssociation', { text: before }, { text: after })];
      });
    default: {
      const def = CUSTOM_FIELDS.find((f) => f.id === id);
      return def ? map(readCustom(scope, def, value), (v) => customEdit(def, v)) : undefined;
    }
  }
}

function map<T, U>(read: Read<T>, f: (value: T) => U): Read<U> {
  return read.ok ? { ok: true, value: f(read.value) } : read;
}

function textEdit(field: 'summary' | 'description' | 'duedate', value: string | null): Edit {
  return (issue) => {
    const before = issue[field];
    if (before === value) return [];
    if (field === 'summary') issue.summary = value ?? issue.summary;
    else issue[field] = value;
    return [changeItem(field, { text: before }, { text: value })];
  };
}

function userEdit(scope: InputScope, field: 'assignee' | 'reporter', user: UserRecord | null): Edit {
  return (issue) => {
    const before = issue[field];
    const after = user?.name ?? null;
    if (before === after) return [];
    if (field === 'reporter') issue.reporter = after ?? issue.reporter;
    else issue.assignee = after;
    const old = before === null ? undefined : scope.store.userByName(before);
    return [
      changeItem(
        field,
        { id: old?.key ?? null, text: old?.displayName ?? null },
        { id: user?.key ?? null, text: user?.displayName ?? null },
      ),
    ];
  };
}

function customEdit(def: CustomFieldDef, value: unknown): Edit {
  return (issue) => {
    const before = issue.customFields[def.id] ?? null;
    if (JSON.stringify(before) === JSON.stringify(value)) return [];
    if (value === null) delete issue.customFields[def.id];
    else issue.customFields[def.id] = value;
    const text = (v: unknown) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));
    return [changeItem(def.name, { text: text(before) }, { text: text(value) })];
  };
}

function typeName(id: string): string | null {
  return ISSUE_TYPES.find((t) => t.id === id)?.name ?? null;
}

function priorityName(id: string | null): string | null {
  return PRIORITIES.find((p) => p.id === id)?.name ?? null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
