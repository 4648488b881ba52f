/**
 * Rows of a spreadsheet or NDJSON file as issue-create input. Columns are matched by name, case- and
 * space-insensitively: project, issuetype (or type), summary, description, labels, assignee, reporter,
 * priority, parent, components, fixversions, duedate. Every other column is a field by id or display name.
 */

import { InputError } from '../errors.js';

/** One row: column name to value (CSV cells are strings; NDJSON values keep their JSON type). */
export type IssueRow = Readonly<Record<string, unknown>>;

/** The create input a row becomes (the shape `jira.issues.create` takes). */
export interface RowCreateInput {
  project: string;
  issueType: string;
  summary: string;
  description?: string;
  labels?: string[];
  assignee?: string | null;
  reporter?: string;
  priority?: string;
  parent?: string;
  components?: string[];
  fixVersions?: string[];
  dueDate?: string;
  fields?: Record<string, unknown>;
}

type Known = Exclude<keyof RowCreateInput, 'fields'>;

const COLUMN_NAMES: Readonly<Record<string, Known>> = {
  project: 'project',
  issuetype: 'issueType',
  type: 'issueType',
  summary: 'summary',
  description: 'description',
  labels: 'labels',
  label: 'labels',
  assignee: 'assignee',
  reporter: 'reporter',
  priority: 'priority',
  parent: 'parent',
  components: 'components',
  component: 'components',
  fixversions: 'fixVersions',
  fixversion: 'fixVersions',
  duedate: 'dueDate',
  due: 'dueDate',
};

const LISTS = new Set<Known>(['labels', 'components', 'fixVersions']);

/** The known column a header names, if any (`Issue Type`, `issue_type` and `issuetype` are one). */
export function knownColumn(header: string): Known | undefined {
  return COLUMN_NAMES[header.toLowerCase().replace(/[\s_-]/g, '')];
}

/**
 * Turns one row into create input. Empty cells are left out; a missing project, issue type or summary is an
 * InputError naming the columns. CSV cells of other fields are read as JSON when they parse as a number,
 * boolean, object or array (`5`, `{"value":"High"}`), else kept as text.
 */
export function rowToCreateInput(row: IssueRow, options: { csv?: boolean } = {}): RowCreateInput {
  const known: Partial<Record<Known, unknown>> = {};
  const fields: Record<string, unknown> = {};
  for (const [header, raw] of Object.entries(row)) {
    if (raw === undefined || raw === null || raw === '') continue;
    const column = knownColumn(header);
    if (column) known[column] = raw;
    else fields[header.trim()] = options.csv && typeof raw === 'string' ? cellValue(raw) : raw;
  }
  const missing = (['project', 'issueType', 'summary'] as const).filter((k) => known[k] === undefined);
  if (missing.length > 0) {
    const names = missing.map((k) => (k === 'issueType' ? 'issuetype' : k));
    throw new InputError(`missing ${names.join(', ')} (every row needs project, issuetype and summary)`);
  }
  const input: RowCreateInput = {
    project: text(known.project, 'project'),
    issueType: text(known.issueType, 'issuetype'),
    summary: text(known.summary, 'summary'),
  };
  for (const key of Object.keys(known) as Known[]) {
    if (key === 'project' || key === 'issueType' || key === 'summary') continue;
    const value = known[key];
    if (LISTS.has(key)) (input as unknown as Record<string, unknown>)[key] = list(value, key);
    else (input as unknown as Record<string, unknown>)[key] = text(value, key);
  }
  if (Object.keys(fields).length > 0) input.fields = fields;
  return input;
}

function text(value: unknown, column: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new InputError(
    `column ${column} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`,
  );
}

/** A list column: a JSON array, or text split at commas. */
function list(value: unknown, column: string): string[] {
  if (Array.isArray(value)) return value.map((v) => text(v, column));
  return text(value, column)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function cellValue(cell: string): unknown {
  const trimmed = cell.trim();
  if (!/^[-\d[{]|^(true|false)$/.test(trimmed)) return cell;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return cell;
  }
}
