/**
 * Searches everything a run left behind for secrets: stdout and stderr of every CLI run, and every file under a
 * test home. Only the files named as secret stores may hold a secret, and those must be mode 0600.
 */
import assert from 'node:assert/strict';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CliResult } from '../../cli/helpers/cli.js';
import { fingerprint, type WatchedSecret } from './secret-forms.js';

/** Every regular file below `dir`. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The secrets (by label) found in `text`. */
export function hitsIn(text: string, secrets: readonly WatchedSecret[]): string[] {
  return secrets.filter((s) => text.includes(s.value)).map((s) => `${s.label} [${fingerprint(s.value)}]`);
}

/** Fails when any run printed any form of any secret on stdout or stderr. */
export function assertNoLeaksInOutput(
  runs: readonly { name: string; result: CliResult }[],
  secrets: readonly WatchedSecret[],
): void {
  const leaks: string[] = [];
  for (const { name, result } of runs) {
    for (const hit of hitsIn(result.stdout, secrets)) leaks.push(`${name}: stdout has ${hit}`);
    for (const hit of hitsIn(result.stderr, secrets)) leaks.push(`${name}: stderr has ${hit}`);
  }
  assert.deepEqual(leaks, [], 'secrets leaked to output');
}

/**
 * Fails when a file below `root` holds a secret, unless it is one of `stores` (relative paths), and when a file
 * holding a secret is not mode 0600. Resolves the stores that were found holding secrets.
 */
export function assertNoLeaksInFiles(
  root: string,
  secrets: readonly WatchedSecret[],
  stores: readonly string[],
): string[] {
  const leaks: string[] = [];
  const holding: string[] = [];
  for (const path of filesUnder(root)) {
    const name = relative(root, path);
    const hits = hitsIn(readFileSync(path, 'latin1'), secrets);
    if (hits.length === 0) continue;
    holding.push(name);
    if (!stores.includes(name)) leaks.push(`${name} has ${hits.join(', ')}`);
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && mode !== 0o600) {
      leaks.push(`${name} holds secrets but is mode ${mode.toString(8)}`);
    }
  }
  assert.deepEqual(leaks, [], 'secrets leaked to files');
  return holding;
}
