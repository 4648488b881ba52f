/**
 * Attachments: upload at `/rest/api/{v}/issue/{key}/attachments` (multipart, XSRF header required),
 * metadata, settings and delete at `/rest/api/{v}/attachment/...`, and the bytes: Data Center serves
 * `/secure/attachment/{id}/{name}` to the signed-in caller; Cloud answers `/attachment/content/{id}` with a 303
 * to a signed link on another origin (`/media/attachment/{id}`), which needs no credentials.
 */
import type { AttachmentStore } from '../attachment-store.js';
import { changeItem, recordChange } from '../changelog-writer.js';
import { MediaSigner, mediaOrigin } from '../media-link.js';
import type { AttachmentRecord, IssueRecord } from '../model.js';
import { canBrowse, canDelete, canEdit } from '../permissions.js';
import { renderAttachment, renderAttachmentMetadata } from '../render/attachments.js';
import { errorResponse, issueNotFound, jsonResponse } from '../render/responses.js';
import { attachmentNotFound, contentResponse, noContent, visibleAttachment } from './attachment-lookup.js';
import { readUploads } from './attachment-upload.js';
import { apiVersions, type RouteDeps, type SandboxApp, type SandboxContext, scopeFor } from './context.js';

/** Registers the attachment routes; `files` holds the bytes. */
export function registerAttachments(app: SandboxApp, deps: RouteDeps, files: AttachmentStore): void {
  const { store, flavor } = deps;
  const signer = new MediaSigner();

  for (const version of apiVersions(flavor)) {
    const root = deps.path(`/rest/api/${version}`);

    app.post(`${root}/issue/:idOrKey/attachments`, async (c) => {
      if (!xsrfExempt(c)) return errorResponse(403, ['XSRF check failed']);
      const user = c.get('caller').user;
      const issue = store.issue(c.req.param('idOrKey'));
      const project = issue ? store.project(issue.projectKey) : undefined;
      if (!issue || !user || !canBrowse(user, project)) return issueNotFound(flavor);
      if (!canEdit(user, project))
        return errorResponse(403, ['You do not have permission to create attachments for this issue.']);
      const uploads = await readUploads(c, files.maxBytes, flavor === 'cloud' ? 413 : 404);
      if (uploads instanceof Response) return uploads;
      const now = new Date().toISOString();
      const added: AttachmentRecord[] = uploads.map((upload) => {
        const id = store.nextId();
        const sha256 = files.put(id, upload.data);
        const { filename, mimeType } = upload;
        return {
          id,
          filename,
          size: upload.data.byteLength,
          mimeType,
          author: user.name,
          created: now,
          sha256,
        };
      });
      issue.attachments = [...(issue.attachments ?? []), ...added];
      const items = added.map((a) =>
        changeItem('Attachment', { text: null }, { id: String(a.id), text: a.filename }),
      );
      recordChange(store, issue, user.name, items, now);
      store.commit();
      const scope = scopeFor(c, deps, version);
      return jsonResponse(
        200,
        added.map((record) => renderAttachment(record, scope)),
      );
    });

    app.get(`${root}/attachment/meta`, () =>
      jsonResponse(200, { enabled: true, uploadLimit: files.maxBytes }),
    );

    if (flavor === 'cloud') {
      app.get(`${root}/attachment/content/:id`, (c) => {
        const found = visibleAttachment(store, c.get('caller').user, c.req.param('id'));
        if (!found) return attachmentNotFound(c.req.param('id'));
        if (c.req.query('redirect') === 'false') return bytesOf(found.record);
        const { token, expires } = signer.sign(found.record.id);
        const origin = mediaOrigin(new URL(c.req.url));
        const query = `token=${encodeURIComponent(token)}&expires=${expires}`;
        const location = `${origin}${deps.path(`/media/attachment/${found.record.id}`)}?${query}`;
        return new Response(null, { status: 303, headers: { Location: location } });
      });
    }

    app.get(`${root}/attachment/:id`, (c) => {
      const found = visibleAttachment(store, c.get('caller').user, c.req.param('id'));
      if (!found) return attachmentNotFound(c.req.param('id'));
      return jsonResponse(200, renderAttachmentMetadata(found.record, scopeFor(c, deps, version)));
    });

    app.delete(`${root}/attachment/:id`, (c) => {
      const user = c.get('caller').user;
      const found = visibleAttachment(store, user, c.req.param('id'));
      if (!found || !user) return attachmentNotFound(c.req.param('id'));
      const project = store.project(found.issue.projectKey);
      const own = found.record.author === user.name && canEdit(user, project);
      if (!own && !canDelete(user, project))
        return errorResponse(403, [
          `You do not have permission to delete attachment with id ${found.record.id}`,
        ]);
      removeAttachment(deps, files, found.issue, found.record, user.name);
      return noContent(flavor);
    });
  }

  if (flavor === 'datacenter') {
    app.get(deps.path('/secure/attachment/:id/:filename'), (c) => {
      const found = visibleAttachment(store, c.get('caller').user, c.req.param('id'));
      if (!found) return attachmentNotFound(c.req.param('id'));
      return bytesOf(found.record);
    });
  } else {
    // The media host: the signed link is the only credential it looks at.
    app.get(deps.path('/media/attachment/:id'), (c) => {
      const id = Number(c.req.param('id'));
      const found = Number.isInteger(id) ? findById(deps, id) : undefined;
      if (!found || !signer.verify(id, c.req.query('token'), c.req.query('expires')))
        return errorResponse(403, ['The download link is invalid or has expired.']);
      return bytesOf(found);
    });
  }

  function bytesOf(record: AttachmentRecord): Response {
    const data = files.get(record.id);
    if (!data) return attachmentNotFound(String(record.id));
    return contentResponse(record, data);
  }
}

/** Jira's XSRF filter lets multipart posts through only with this header (`nocheck` is accepted too). */
function xsrfExempt(c: SandboxContext): boolean {
  const value = c.req.header('X-Atlassian-Token')?.trim().toLowerCase();
  return value === 'no-check' || value === 'nocheck';
}

function findById(deps: RouteDeps, id: number): AttachmentRecord | undefined {
  for (const issue of deps.store.state.issues) {
    const record = issue.attachments?.find((a) => a.id === id);
    if (record) return record;
  }
  return undefined;
}

function removeAttachment(
  deps: RouteDeps,
  files: AttachmentStore,
  issue: IssueRecord,
  record: AttachmentRecord,
  author: string,
): void {
  issue.attachments = (issue.attachments ?? []).filter((a) => a !== record);
  recordChange(deps.store, issue, author, [
    changeItem('Attachment', { id: String(record.id), text: record.filename }, { text: null }),
  ]);
  deps.store.commit();
  files.remove(record.id);
}
