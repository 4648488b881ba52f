/**
 * The bytes of the sandbox's attachments. Metadata lives in the issue records (and so in the JSON snapshot);
 * the bytes are kept in memory and, when the sandbox has a data file, as one file per attachment in a folder
 * beside it (`<data file>.attachments/<id>`), written atomically, so a restarted sandbox still serves them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Default largest accepted file: 10 MB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export class AttachmentStore {
  private readonly bytes = new Map<number, Uint8Array>();
  private readonly dir: string | undefined;

  /** `dataFile`: the sandbox's snapshot file, if any; `maxBytes`: the largest file an upload may carry. */
  constructor(
    dataFile?: string,
    readonly maxBytes: number = DEFAULT_MAX_ATTACHMENT_BYTES,
  ) {
    this.dir = dataFile === undefined ? undefined : `${dataFile}.attachments`;
    if (!Number.isInteger(maxBytes) || maxBytes <= 0)
      throw new Error('maxAttachmentBytes must be a whole number > 0');
  }

  /** Keeps the bytes of attachment `id`; returns their SHA-256 (hex). */
  put(id: number, data: Uint8Array): string {
    this.bytes.set(id, data);
    if (this.dir !== undefined) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const file = join(this.dir, String(id));
      const temp = `${file}.tmp-${process.pid}`;
      try {
        writeFileSync(temp, data, { mode: 0o600 });
        renameSync(temp, file);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    }
    return sha256(data);
  }

  /** The bytes of attachment `id`, or undefined when they are gone. */
  get(id: number): Uint8Array | undefined {
    const cached = this.bytes.get(id);
    if (cached || this.dir === undefined) return cached;
    try {
      const data = new Uint8Array(readFileSync(join(this.dir, String(id))));
      this.bytes.set(id, data);
      return data;
    } catch {
      return undefined;
    }
  }

  /** Forgets the bytes of attachment `id`. */
  remove(id: number): void {
    this.bytes.delete(id);
    if (this.dir !== undefined) rmSync(join(this.dir, String(id)), { force: true });
  }
}

/** SHA-256 of `data`, hex. */
export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
