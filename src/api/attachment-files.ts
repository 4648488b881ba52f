/**
 * The files of an upload, checked before anything is sent: paths are opened as Blobs that read from disk
 * as the request streams, so a large file is never held in memory.
 */

import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';

/** One file to attach: a path, a path with another name, or bytes in memory with a name. */
export type AttachmentFileInput =
  | string
  | { path: string; name?: string }
  | { name: string; data: Uint8Array | Blob };

/** A file ready to go into the multipart body. */
export interface UploadPart {
  name: string;
  blob: Blob;
}

/** Check and open every file; a missing file, a folder or a nameless part is an InputError. */
export async function uploadParts(files: readonly AttachmentFileInput[]): Promise<UploadPart[]> {
  if (!Array.isArray(files) || files.length === 0) throw new InputError('No files to attach');
  const parts: UploadPart[] = [];
  for (const file of files) parts.push(await uploadPart(file));
  return parts;
}

async function uploadPart(file: AttachmentFileInput): Promise<UploadPart> {
  if (typeof file === 'string') return fromDisk(file, undefined);
  if ('path' in file) return fromDisk(file.path, file.name);
  if (typeof file.name !== 'string' || file.name.trim() === '')
    throw new InputError('An attachment given as data needs a file name');
  const blob = file.data instanceof Blob ? file.data : new Blob([file.data]);
  return { name: file.name, blob };
}

async function fromDisk(path: string, name: string | undefined): Promise<UploadPart> {
  if (typeof path !== 'string' || path === '') throw new InputError('An attachment path is empty');
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`Cannot attach '${path}': no such file`);
  }
  if (info.isDirectory()) throw new InputError(`Cannot attach '${path}': it is a folder, not a file`);
  if (!info.isFile()) throw new InputError(`Cannot attach '${path}': not a regular file`);
  const fileName = name ?? basename(path);
  if (fileName.trim() === '') throw new InputError(`Cannot attach '${path}': empty file name`);
  return { name: fileName, blob: await openAsBlob(path) };
}

/** The multipart body: one part named `file` per file, as Jira requires. */
export function multipartBody(parts: readonly UploadPart[]): FormData {
  const form = new FormData();
  for (const part of parts) form.append('file', part.blob, part.name);
  return form;
}
