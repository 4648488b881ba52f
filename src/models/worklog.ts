/** Work logged on an issue: the wire worklog with its comment read as Markdown on both flavors. */

import type { CommentVisibility } from './comment.js';
import { asRecord, str } from './json.js';
import { defineLazyMarkdown } from './rich-text.js';
import { toUser, type User } from './user.js';

/** A worklog as the library returns it; `raw` is the wire JSON. */
export interface Worklog {
  id: string;
  issueId: string;
  self: string;
  author?: User;
  updateAuthor?: User;
  /** When the work started, as Jira sends it (`2026-01-05T10:00:00.000+0000`). */
  started?: string;
  created?: string;
  updated?: string;
  /** Time spent as Jira shows it (`1h 30m`). */
  timeSpent?: string;
  timeSpentSeconds: number;
  /** The comment as Markdown, converted on first read; null when there is none. */
  comment: string | null;
  /** The comment as sent: ADF on Cloud v3, wiki markup on v2 and Data Center. */
  commentRaw: unknown;
  visibility?: CommentVisibility;
  raw: Record<string, unknown>;
}

/** Convert a wire worklog (GET, POST or PUT worklog, or a list item) to a Worklog. */
export function toWorklog(json: unknown): Worklog {
  const raw = asRecord(json) ?? {};
  const seconds = Number(raw.timeSpentSeconds);
  const worklog = {
    id: String(raw.id ?? ''),
    issueId: String(raw.issueId ?? ''),
    self: str(raw, 'self') ?? '',
    timeSpentSeconds: Number.isFinite(seconds) ? seconds : 0,
    commentRaw: raw.comment ?? null,
    raw,
  } as Worklog;
  if (raw.author !== undefined) worklog.author = toUser(raw.author);
  if (raw.updateAuthor !== undefined) worklog.updateAuthor = toUser(raw.updateAuthor);
  for (const key of ['started', 'created', 'updated', 'timeSpent'] as const) {
    const value = str(raw, key);
    if (value !== undefined) worklog[key] = value;
  }
  const visibility = asRecord(raw.visibility);
  const value = visibility ? str(visibility, 'value') : undefined;
  if (visibility && (visibility.type === 'role' || visibility.type === 'group') && value !== undefined)
    worklog.visibility = { type: visibility.type, value };
  defineLazyMarkdown(worklog, 'comment', raw.comment ?? null);
  return worklog;
}
