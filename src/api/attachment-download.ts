/**
 * Writes an attachment's bytes to disk without ever leaving a partial file: the body streams into a hidden
 * temporary file beside the target, which takes the target's name only once complete. On an abort, a network
 * fault or a short body the temporary file is removed and the target is left as it was.
 */

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError, isJiraError, NetworkError } from '../errors.js';

/** Where a download goes: a folder (the attachment keeps its name) or an exact file path. */
export interface DownloadTarget {
  /** Folder to write into (default: the current folder); the file is named after the attachment. */
  dir?: string;
  /** Exact file path; wins over `dir`. */
  file?: string;
}

/** The file path a download of `filename` writes to; refuses names that would leave the folder. */
export async function targetPath(filename: string, target: DownloadTarget): Promise<string> {
  if (target.file !== undefined && target.file !== '') {
    await requireFolder(dirname(resolve(target.file)));
    return resolve(target.file);
  }
  const dir = resolve(target.dir ?? '.');
  await requireFolder(dir);
  return join(dir, safeFileName(filename));
}

/** The attachment's name reduced to one path segment: Jira's names are data, never a path to follow. */
export function safeFileName(filename: string): string {
  const last = basename(filename.replace(/\\/g, '/'));
  const cleaned = [...last].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'attachment';
  return cleaned;
}

async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new InputError(`Download folder '${dir}' does not exist`);
  if (!info.isDirectory()) throw new InputError(`'${dir}' is not a folder`);
}

/** Fail early (before any request) when the target exists and may not be replaced. */
export async function refuseExisting(path: string, overwrite: boolean): Promise<void> {
  if (overwrite) return;
  if (await stat(path).catch(() => undefined))
    throw new InputError(`'${path}' already exists; pass overwrite to replace it`);
}

/**
 * Stream `res`'s body to `path` through a temporary file; `expectedSize` (when known) must match exactly.
 * Without `overwrite`, a file that appeared meanwhile is not replaced.
 */
export async function writeAtomically(
  res: Response,
  path: string,
  opts: { overwrite: boolean; expectedSize?: number; signal?: AbortSignal },
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    if (!res.body) throw new NetworkError(`Jira sent no content for '${basename(path)}'`);
    let written = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(null, chunk);
      },
    });
    const source = Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]);
    await pipeline(source, counter, createWriteStream(temp, { flags: 'wx', mode: 0o600 }), {
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (opts.expectedSize !== undefined && written !== opts.expectedSize) {
      throw new NetworkError(
        `Download of '${basename(path)}' ended after ${written} of ${opts.expectedSize} bytes`,
      );
    }
    await publish(temp, path, opts.overwrite);
  } catch (error) {
    await res.body?.cancel().catch(() => {});
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (isJiraError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new NetworkError(`Download of '${basename(path)}' failed: ${reason}`, { cause: error });
  } finally {
    await rm(temp, { force: true });
  }
}

/** Give the complete temporary file its final name. */
async function publish(temp: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temp, path);
    return;
  }
  // A hard link fails when the name is taken, so a file created meanwhile is never clobbered.
  try {
    await link(temp, path);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError(`'${path}' already exists; pass overwrite to replace it`);
  }
  // File systems without hard links: check, then rename.
  await refuseExisting(path, false);
  await rename(temp, path);
}
