import type { Issue } from '../../index.js';
import { displayValue } from './cells.js';
import type { Column } from './render.js';

/** The fields the default issue columns read, so a table needs only these from Jira. */
export const DEFAULT_ISSUE_FIELDS = ['issuetype', 'status', 'priority', 'assignee', 'summary'];

const DEFAULT_COLUMNS: Column<Issue>[] = [
  { header: 'key', cell: (i) => i.key },
  { header: 'type', cell: (i) => i.issueType ?? displayValue(i.fields.issuetype) },
  { header: 'status', cell: (i) => i.status ?? displayValue(i.fields.status) },
  { header: 'priority', cell: (i) => i.priority ?? displayValue(i.fields.priority) },
  {
    header: 'assignee',
    cell: (i) => (i.assignee ? i.assignee.displayName : displayValue(i.fields.assignee)),
  },
  { header: 'summary', cell: (i) => i.summary ?? displayValue(i.fields.summary) },
];

/** Issue columns: key, type, status, priority, assignee, summary; or `key` plus the fields asked for. */
export function issueColumns(fields: string[] | undefined): Column<Issue>[] {
  if (!fields || fields.length === 0) return DEFAULT_COLUMNS;
  const columns: Column<Issue>[] = [];
  if (!fields.includes('key')) columns.push({ header: 'key', cell: (i) => i.key });
  for (const field of fields) {
    if (field === 'key') columns.push({ header: 'key', cell: (i) => i.key });
    else if (field === 'id') columns.push({ header: 'id', cell: (i) => i.id });
    else columns.push({ header: field, cell: (i) => displayValue(i.fields[field]) });
  }
  return columns;
}

/** The fields to ask Jira for: `key` and `id` always come back, so they are not requested as fields. */
export function fieldsToRequest(fields: string[]): string[] {
  const wanted = fields.filter((f) => f !== 'key' && f !== 'id');
  return wanted.length > 0 ? wanted : ['id'];
}
