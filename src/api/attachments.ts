/**
 * Issue attachments: upload (multipart, streamed from disk), list with file-name wildcards, metadata,
 * download to a file, delete. Paths: /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/attachments and
 * /attachment/{id}; content at /secure/attachment/{id}/{name} (Data Center) or /attachment/content/{id}
 * (Cloud, which redirects to a media host that gets no credentials).
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { type Attachment, toAttachment } from '../models/attachment.js';
import { type DownloadTarget, refuseExisting, targetPath, writeAtomically } from './attachment-download.js';
import { type AttachmentFileInput, multipartBody, uploadParts } from './attachment-files.js';
import { matchesAny } from './wildcard.js';

export type { DownloadTarget } from './attachment-download.js';
export type { AttachmentFileInput } from './attachment-files.js';

/** Options of `attachments.list()`. */
export interface ListAttachmentsOptions extends CallOptions {
  /** Only files whose name matches one of these patterns (`*`, `?`; case-insensitive). */
  name?: string | string[];
}

/** Options of `attachments.download()`. */
export interface DownloadOptions extends CallOptions {
  /** Replace an existing file (default: refuse with an InputError). */
  overwrite?: boolean;
}

/** `jira.issues.attachments`. */
export interface AttachmentsApi {
  /** Attach files (paths streamed from disk, or named bytes) to an issue; returns the new attachments. */
  add(key: string, files: AttachmentFileInput[], opts?: CallOptions): Promise<Attachment[]>;
  /** The issue's attachments, optionally only those whose file name matches a pattern. */
  list(key: string, opts?: ListAttachmentsOptions): Promise<Attachment[]>;
  /** One attachment's metadata by id. */
  get(id: string, opts?: CallOptions): Promise<Attachment>;
  /** Write an attachment's bytes to a file; returns the path written. Never leaves a partial file. */
  download(attachment: Attachment | string, target: DownloadTarget, opts?: DownloadOptions): Promise<string>;
  /** Delete an attachment. */
  remove(id: string, opts?: CallOptions): Promise<void>;
}

function segment(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`A ${name} is required`);
  return encodeURIComponent(value.trim());
}

async function apiRoot(core: JiraCore, call: CallOptions): Promise<string> {
  return `/rest/api/${apiVersion(await core.deployment(call))}`;
}

async function addAttachments(
  core: JiraCore,
  key: string,
  files: AttachmentFileInput[],
  call: CallOptions,
): Promise<Attachment[]> {
  const issue = segment('issue key or id', key);
  // Every file is checked before the first byte goes out.
  const parts = await uploadParts(files);
  const path = `${await apiRoot(core, call)}/issue/${issue}/attachments`;
  const reply = await core.send<unknown>(
    { method: 'POST', path, body: multipartBody(parts), headers: { 'X-Atlassian-Token': 'no-check' } },
    call,
  );
  return (Array.isArray(reply) ? reply : [reply]).map(toAttachment);
}

async function listAttachments(
  core: JiraCore,
  key: string,
  opts: ListAttachmentsOptions,
): Promise<Attachment[]> {
  const { name, ...call } = opts;
  const issue = segment('issue key or id', key);
  const path = `${await apiRoot(core, call)}/issue/${issue}`;
  const json = await core.send<{ fields?: { attachment?: unknown } }>(
    { path, query: { fields: 'attachment' } },
    call,
  );
  const items = Array.isArray(json?.fields?.attachment) ? json.fields.attachment : [];
  const patterns = name === undefined ? [] : Array.isArray(name) ? name : [name];
  return items.map(toAttachment).filter((a) => matchesAny(a.filename, patterns));
}

async function getAttachment(core: JiraCore, id: string, call: CallOptions): Promise<Attachment> {
  const path = `${await apiRoot(core, call)}/attachment/${segment('attachment id', id)}`;
  return toAttachment(await core.send<unknown>({ path }, call));
}

/** Where the bytes are served; built from the id rather than taken from `content`, which may name another host. */
async function contentPath(core: JiraCore, attachment: Attachment, call: CallOptions): Promise<string> {
  const id = segment('attachment id', attachment.id);
  if ((await core.deployment(call)) === 'cloud') return `/rest/api/3/attachment/content/${id}`;
  return `/secure/attachment/${id}/${encodeURIComponent(attachment.filename)}`;
}

async function downloadAttachment(
  core: JiraCore,
  which: Attachment | string,
  target: DownloadTarget,
  opts: DownloadOptions,
): Promise<string> {
  const { overwrite = false, ...call } = opts;
  const attachment = typeof which === 'string' ? await getAttachment(core, which, call) : which;
  const path = await targetPath(attachment.filename, target ?? {});
  await refuseExisting(path, overwrite);
  const res = await core.send<Response>(
    { path: await contentPath(core, attachment, call), responseType: 'stream' },
    call,
  );
  await writeAtomically(res, path, {
    overwrite,
    ...(typeof attachment.raw.size === 'number' ? { expectedSize: attachment.size } : {}),
    ...(call.signal ? { signal: call.signal } : {}),
  });
  return path;
}

/** Build the `attachments` namespace over a client core. */
export function attachmentsApi(core: JiraCore): AttachmentsApi {
  return {
    add: (key, files, opts = {}) => addAttachments(core, key, files, opts),
    list: (key, opts = {}) => listAttachments(core, key, opts),
    get: (id, opts = {}) => getAttachment(core, id, opts),
    download: (attachment, target, opts = {}) => downloadAttachment(core, attachment, target, opts),
    async remove(id, opts = {}) {
      const path = `${await apiRoot(core, opts)}/attachment/${segment('attachment id', id)}`;
      await core.send<unknown>({ method: 'DELETE', path }, opts);
    },
  };
}
