/** Where a bulk run keeps its journal when `--journal` is not given: a fresh file under the data folder. */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '../../config/paths.js';

/** The operations a journal records. */
export type BulkOperation = 'create' | 'update' | 'transition' | 'delete' | 'comment';

function stamp(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  return `${date}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}

/**
 * `<data dir>/journals/<yyyymmdd-hhmmss>-<operation>-<id>.ndjson`, its folder created private (journals name
 * issues and hold the run's input). The random id keeps two runs started in the same second apart.
 */
export async function defaultJournalPath(operation: BulkOperation, now = new Date()): Promise<string> {
  const folder = join(await dataDir(), 'journals');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return join(folder, `${stamp(now)}-${operation}-${randomBytes(4).toString('hex')}.ndjson`);
}
