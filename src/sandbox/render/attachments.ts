/**
 * Attachments on the wire. Embedded in an issue and in the upload reply: `{self,id,filename,author,created,
 * size,mimeType,content}`. `GET /attachment/{id}` adds `properties`; there Data Center leaves `id` out and Cloud
 * sends it as a number. `content` is `/secure/attachment/{id}/{name}` on Data Center and
 * `/rest/api/{v}/attachment/content/{id}` on Cloud.
 */
import type { AttachmentRecord } from '../model.js';
import { apiRoot, type RenderScope } from './scope.js';
import { jiraTimestamp } from './time.js';
import { renderUserByName } from './users.js';

/** Where the bytes of `record` are served for `scope`. */
export function contentUrl(record: AttachmentRecord, scope: RenderScope): string {
  if (scope.flavor === 'datacenter')
    return `${scope.base}/secure/attachment/${record.id}/${encodeURIComponent(record.filename)}`;
  return `${apiRoot(scope)}/attachment/content/${record.id}`;
}

/** An attachment as the issue's `attachment` field and the upload reply carry it. */
export function renderAttachment(record: AttachmentRecord, scope: RenderScope): Record<string, unknown> {
  return {
    self: `${apiRoot(scope)}/attachment/${record.id}`,
    id: String(record.id),
    filename: record.filename,
    author: renderUserByName(record.author, scope),
    created: jiraTimestamp(record.created),
    size: record.size,
    mimeType: record.mimeType,
    content: contentUrl(record, scope),
  };
}

/** The reply of `GET /attachment/{id}`. */
export function renderAttachmentMetadata(
  record: AttachmentRecord,
  scope: RenderScope,
): Record<string, unknown> {
  const { id: _id, ...rest } = renderAttachment(record, scope);
  const properties = {};
  if (scope.flavor === 'datacenter') return { ...rest, properties };
  return { ...rest, id: record.id, properties };
}

/** The issue's `attachment` field: oldest first. */
export function renderAttachmentField(
  attachments: readonly AttachmentRecord[] | undefined,
  scope: RenderScope,
): Record<string, unknown>[] {
  return (attachments ?? []).map((record) => renderAttachment(record, scope));
}
