/** Finding attachments across issues, and the replies shared by the attachment routes. */
import type { AttachmentRecord, Flavor, IssueRecord, UserRecord } from '../model.js';
import { canBrowse } from '../permissions.js';
import { errorResponse, HTML_TYPE } from '../render/responses.js';
import type { Store } from '../store.js';

/** An attachment with the issue it belongs to. */
export interface FoundAttachment {
  issue: IssueRecord;
  record: AttachmentRecord;
}

/** The attachment with numeric id `id` that `user` may see, or undefined (missing and hidden look alike). */
export function visibleAttachment(
  store: Store,
  user: UserRecord | null,
  id: string | undefined,
): FoundAttachment | undefined {
  if (id === undefined || !/^\d+$/.test(id)) return undefined;
  const wanted = Number(id);
  for (const issue of store.state.issues) {
    const record = issue.attachments?.find((a) => a.id === wanted);
    if (!record) continue;
    return canBrowse(user, store.project(issue.projectKey)) ? { issue, record } : undefined;
  }
  return undefined;
}

/** 404 for an attachment that does not exist or is hidden. */
export function attachmentNotFound(id: string | undefined): Response {
  return errorResponse(404, [`The attachment with id '${id ?? ''}' does not exist`]);
}

/** The bytes of a download, named for the browser as Jira names them. */
export function contentResponse(record: AttachmentRecord, data: Uint8Array): Response {
  const type = record.mimeType.startsWith('text/') ? `${record.mimeType};charset=UTF-8` : record.mimeType;
  return new Response(data, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Length': String(data.byteLength),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(record.filename)};`,
    },
  });
}

/** An empty 204: Data Center sends it as HTML, Cloud with no content type. */
export function noContent(flavor: Flavor): Response {
  const headers: Record<string, string> = flavor === 'datacenter' ? { 'Content-Type': HTML_TYPE } : {};
  return new Response(null, { status: 204, headers });
}
