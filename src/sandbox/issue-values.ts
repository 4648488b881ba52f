/**
 * Reading single field values of create and edit requests: each reader turns a wire value into what the
 * IssueRecord stores, or an error sentence for the reply's `errors` map.
 */
import { adfToMarkdown, isAdfDoc, wikiToMarkdown } from '../text/index.js';
import type { CustomFieldDef, Flavor, IssueRecord, ProjectRecord, UserRecord } from './model.js';
import { ISSUE_TYPES, PRIORITIES } from './model.js';
import type { Store } from './store.js';
import { userFromBody } from './user-input.js';

/** What readers need to know about the request. */
export interface InputScope {
  store: Store;
  flavor: Flavor;
  /** Rich text arrives as ADF on Cloud's v3, as wiki markup everywhere else. */
  adf: boolean;
  project: ProjectRecord;
}

/** A value read, or the error sentence for the field. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(error: string): Read<T> => ({ ok: false, error });

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `{id}` or `{name}` (`{key}` for issues), as a trimmed string pair. */
function idOrName(value: unknown): { id?: string; name?: string } | undefined {
  const ref = record(value);
  if (!ref) return undefined;
  const id = ref.id ?? ref.key;
  const out: { id?: string; name?: string } = {};
  if (typeof id === 'string' || typeof id === 'number') out.id = String(id);
  if (typeof ref.name === 'string') out.name = ref.name;
  return out.id === undefined && out.name === undefined ? undefined : out;
}

/** Summary: required, at most 255 characters. */
export function readSummary(scope: InputScope, value: unknown): Read<string> {
  if (typeof value !== 'string' || value.trim() === '')
    return fail('You must specify a summary of the issue.');
  if (value.length > 255)
    return fail(
      scope.flavor === 'cloud'
        ? "Summary can't exceed 255 characters."
        : 'Summary must be less than 255 characters.',
    );
  return ok(value);
}

/** Rich text (description, multi-line custom fields) as Markdown; null clears it. */
export function readRichText(scope: InputScope, value: unknown): Read<string | null> {
  if (value === null) return ok(null);
  if (scope.adf) {
    if (!isAdfDoc(value))
      return fail('Operation value must be an Atlassian Document (see the Atlassian Document Format)');
    const markdown = adfToMarkdown(value);
    return ok(markdown.trim() === '' ? null : markdown);
  }
  if (typeof value !== 'string') return fail('Operation value must be a string');
  return ok(value.trim() === '' ? null : wikiToMarkdown(value));
}

/** Issue type by id or name. */
export function readIssueType(scope: InputScope, value: unknown): Read<string> {
  const ref = idOrName(value);
  const found = ref
    ? ISSUE_TYPES.find(
        (t) => t.id === ref.id || (ref.name !== undefined && t.name.toLowerCase() === ref.name.toLowerCase()),
      )
    : undefined;
  if (!found)
    return fail(scope.flavor === 'cloud' ? 'Specify a valid issue type' : 'valid issue type is required');
  return ok(found.id);
}

/** Priority by id or name; null clears it. */
export function readPriority(value: unknown): Read<string | null> {
  if (value === null) return ok(null);
  const ref = idOrName(value);
  const found = ref
    ? PRIORITIES.find(
        (p) => p.id === ref.id || (ref.name !== undefined && p.name.toLowerCase() === ref.name.toLowerCase()),
      )
    : undefined;
  return found ? ok(found.id) : fail('The priority selected is invalid.');
}

/**
 * A user field; `-1` as the id picks the project's default assignee (its lead). An unknown user reads as
 * Jira's "does not exist" sentence.
 */
export function readUser(scope: InputScope, value: unknown, allowDefault: boolean): Read<UserRecord | null> {
  const ref = record(value);
  const id = ref ? (scope.flavor === 'cloud' ? ref.accountId : (ref.name ?? ref.key)) : undefined;
  if (allowDefault && id === '-1') {
    const lead = scope.store.userByName(scope.project.lead);
    return ok(lead ?? null);
  }
  const read = userFromBody(scope.store, scope.flavor, value);
  return read.ok ? ok(read.user) : fail(read.error);
}

/** Labels: strings without spaces. */
export function readLabel(value: unknown): Read<string> {
  if (typeof value !== 'string' || value.trim() === '') return fail('A label must be a non-empty string.');
  if (/\s/.test(value)) return fail(`The label '${value}' contains spaces which is invalid.`);
  return ok(value);
}

/** A component of the project, by id or name; stored by name. */
export function readComponent(scope: InputScope, value: unknown): Read<string> {
  const ref = idOrName(value);
  const all = scope.project.components ?? [];
  const found = all.find((c) => String(c.id) === ref?.id || (ref?.name !== undefined && c.name === ref.name));
  if (found) return ok(found.name);
  return fail(
    ref?.id !== undefined
      ? `Component with id '${ref.id}' does not exist.`
      : `Component name '${ref?.name ?? ''}' is not valid`,
  );
}

/** A version of the project, by id or name; stored by name. */
export function readVersion(scope: InputScope, value: unknown): Read<string> {
  const ref = idOrName(value);
  const all = scope.project.versions ?? [];
  const found = all.find((v) => String(v.id) === ref?.id || (ref?.name !== undefined && v.name === ref.name));
  if (found) return ok(found.name);
  return fail(
    ref?.id !== undefined
      ? `Version id '${ref.id}' is not valid`
      : `Version name '${ref?.name ?? ''}' is not valid`,
  );
}

/** `yyyy-MM-dd`; null clears it. */
export function readDate(value: unknown): Read<string | null> {
  if (value === null || value === '') return ok(null);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
    return ok(value);
  return fail(`Error parsing date string: ${String(value)}`);
}

/**
 * The parent of `issueTypeId`: sub-tasks need one (not itself a sub-task); other types only take an epic as
 * parent, and only on Cloud. Null (no parent) is refused for sub-tasks.
 */
export function readParent(scope: InputScope, issueTypeId: string, value: unknown): Read<IssueRecord | null> {
  const subtask = ISSUE_TYPES.find((t) => t.id === issueTypeId)?.subtask === true;
  if (value === null || value === undefined) {
    return subtask ? fail('Issue type is a sub-task but parent issue key or id not specified.') : ok(null);
  }
  const ref = idOrName(value);
  const parent = ref?.id === undefined ? undefined : scope.store.issue(ref.id);
  if (!parent || parent.projectKey !== scope.project.key)
    return fail(`Could not find issue by id or key '${ref?.id ?? ''}'.`);
  const parentType = ISSUE_TYPES.find((t) => t.id === parent.issueTypeId);
  if (subtask) {
    return parentType?.subtask ? fail('A sub-task cannot be the parent of another sub-task.') : ok(parent);
  }
  if (scope.flavor === 'cloud' && parentType?.name === 'Epic' && issueTypeId !== parent.issueTypeId)
    return ok(parent);
  return fail('Issue type is not a sub-task: only an epic can be its parent.');
}

/** A custom field value in the shape its type takes; multi-line text becomes Markdown. */
export function readCustom(scope: InputScope, def: CustomFieldDef, value: unknown): Read<unknown> {
  if (value === null) return ok(null);
  if (def.custom.endsWith(':textarea')) return readRichText(scope, value);
  if (def.type === 'number')
    return typeof value === 'number' && Number.isFinite(value)
      ? ok(value)
      : fail('Operation value must be a number');
  if (def.type === 'string')
    return typeof value === 'string' ? ok(value) : fail('Operation value must be a string');
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? ok(value)
    : fail(`Error parsing date string: ${String(value)}`);
}
