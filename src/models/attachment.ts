/** Issue attachments: metadata of a file attached to an issue; the bytes are fetched by `download`. */

import { asRecord, str } from './json.js';
import { toUser, type User } from './user.js';

/** An attachment as the library returns it; `raw` is the wire JSON. */
export interface Attachment {
  id: string;
  filename: string;
  /** Size in bytes. */
  size: number;
  mimeType?: string;
  created?: string;
  author?: User;
  /** Where Jira serves the bytes (Cloud answers it with a redirect to its media host). */
  content?: string;
  /** The URL of this metadata. */
  self?: string;
  raw: Record<string, unknown>;
}

/** Convert a wire attachment (upload reply, GET attachment, or an item of the issue's `attachment` field). */
export function toAttachment(json: unknown): Attachment {
  const raw = asRecord(json) ?? {};
  const self = str(raw, 'self');
  // GET /attachment/{id} leaves `id` out on Data Center and sends a number on Cloud: fall back to `self`.
  const id = raw.id === undefined || raw.id === null ? (self?.split('/').pop() ?? '') : String(raw.id);
  const attachment: Attachment = {
    id,
    filename: str(raw, 'filename') ?? '',
    size: typeof raw.size === 'number' ? raw.size : 0,
    raw,
  };
  for (const key of ['mimeType', 'created', 'content', 'self'] as const) {
    const value = str(raw, key);
    if (value !== undefined) attachment[key] = value;
  }
  if (raw.author !== undefined && raw.author !== null) attachment.author = toUser(raw.author);
  return attachment;
}
