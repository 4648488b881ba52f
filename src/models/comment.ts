/** Issue comments: the wire comment with its body read as Markdown on both flavors. */

import { asRecord, str } from './json.js';
import { defineLazyMarkdown } from './rich-text.js';
import { toUser, type User } from './user.js';

/** Who may see a comment: members of a project role or of a group. */
export interface CommentVisibility {
  type: 'role' | 'group';
  value: string;
}

/** A comment as the library returns it; `raw` is the wire JSON. */
export interface Comment {
  id: string;
  self: string;
  author?: User;
  updateAuthor?: User;
  created?: string;
  updated?: string;
  /** The body as Markdown, converted on first read; null when the comment has none. */
  body: string | null;
  /** The body as sent: ADF on Cloud v3, wiki markup on v2 and Data Center. */
  bodyRaw: unknown;
  visibility?: CommentVisibility;
  raw: Record<string, unknown>;
}

function toVisibility(value: unknown): CommentVisibility | undefined {
  const record = asRecord(value);
  const type = record?.type;
  const text = record ? str(record, 'value') : undefined;
  return (type === 'role' || type === 'group') && text !== undefined ? { type, value: text } : undefined;
}

/** Convert a wire comment (GET, POST or PUT comment, or a list item) to a Comment. */
export function toComment(json: unknown): Comment {
  const raw = asRecord(json) ?? {};
  const comment = {
    id: String(raw.id ?? ''),
    self: str(raw, 'self') ?? '',
    bodyRaw: raw.body ?? null,
    raw,
  } as Comment;
  if (raw.author !== undefined) comment.author = toUser(raw.author);
  if (raw.updateAuthor !== undefined) comment.updateAuthor = toUser(raw.updateAuthor);
  const created = str(raw, 'created');
  if (created !== undefined) comment.created = created;
  const updated = str(raw, 'updated');
  if (updated !== undefined) comment.updated = updated;
  const visibility = toVisibility(raw.visibility);
  if (visibility) comment.visibility = visibility;
  defineLazyMarkdown(comment, 'body', raw.body ?? null);
  return comment;
}
