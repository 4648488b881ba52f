/** Issues: the wire envelope plus the handful of fields almost every caller reads. */

import { type HistoryEntry, historyOf } from './history.js';
import { asRecord, str } from './json.js';
import { defineLazyMarkdown } from './rich-text.js';
import { toUserOrNull, type User } from './user.js';

/** A Jira issue; `fields` are as sent on the wire, `raw` is the whole wire JSON. */
export interface Issue {
  id: string;
  key: string;
  self: string;
  fields: Record<string, unknown>;
  summary?: string;
  status?: string;
  issueType?: string;
  priority?: string | null;
  assignee?: User | null;
  reporter?: User | null;
  labels?: string[];
  created?: string;
  updated?: string;
  /** The description as Markdown on both flavors, converted on first read; null when the issue has none. */
  description?: string | null;
  /** The description as sent: ADF on Cloud v3, wiki markup on v2 and Data Center. */
  descriptionRaw?: unknown;
  /** The change history, oldest first; present when the changelog was asked for (`history: true`). */
  history?: HistoryEntry[];
  raw: Record<string, unknown>;
}

function nameOf(value: unknown): string | undefined {
  const record = asRecord(value);
  return record ? str(record, 'name') : undefined;
}

/** Convert a wire issue (GET issue or a search hit) to an Issue. */
export function toIssue(json: unknown): Issue {
  const raw = asRecord(json) ?? {};
  const fields = asRecord(raw.fields) ?? {};
  const issue: Issue = {
    id: String(raw.id ?? ''),
    key: str(raw, 'key') ?? '',
    self: str(raw, 'self') ?? '',
    fields,
    raw,
  };
  const summary = str(fields, 'summary');
  if (summary !== undefined) issue.summary = summary;
  const status = nameOf(fields.status);
  if (status !== undefined) issue.status = status;
  const issueType = nameOf(fields.issuetype);
  if (issueType !== undefined) issue.issueType = issueType;
  if ('priority' in fields)
    issue.priority = fields.priority === null ? null : (nameOf(fields.priority) ?? null);
  const assignee = toUserOrNull(fields.assignee);
  if (assignee !== undefined) issue.assignee = assignee;
  const reporter = toUserOrNull(fields.reporter);
  if (reporter !== undefined) issue.reporter = reporter;
  if (Array.isArray(fields.labels))
    issue.labels = fields.labels.filter((l): l is string => typeof l === 'string');
  const created = str(fields, 'created');
  if (created !== undefined) issue.created = created;
  const updated = str(fields, 'updated');
  if (updated !== undefined) issue.updated = updated;
  if ('description' in fields) {
    issue.descriptionRaw = fields.description;
    defineLazyMarkdown(issue, 'description', fields.description);
  }
  const history = historyOf(raw);
  if (history) issue.history = history;
  return issue;
}
