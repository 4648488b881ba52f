/**
 * Runs the CLI as a real process: the bundled dist/cli-bundle/bin.js (what ships) when it is newer than every source file (what
 * `npm test` gives), else the TypeScript entry through tsx. Each test home is a pair of temp folders for
 * config and data, with the file credential store, so no test touches the real user's files or keychain.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra environment for this run (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** Text piped to stdin (stdin is closed either way). */
  input?: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let entry: string[] | undefined;

/** The node arguments that start the CLI. */
export function cliEntry(): string[] {
  if (!entry) {
    const built = join(ROOT, 'dist/cli-bundle/bin.js');
    const fresh = existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src'));
    entry = fresh ? [built] : ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts')];
  }
  return entry;
}

/** The environment every run starts from: no Jira/jirats/proxy variables of the person running the tests. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(JIRA_|JIRATS_)/.test(key) || /^(https?|no|all)_proxy$/i.test(key)) continue;
    env[key] = value;
  }
  env.NO_COLOR = '1';
  return env;
}

/** A temp home for config and data; `run` executes the CLI in it. */
export class TestHome {
  readonly dir = mkdtempSync(join(tmpdir(), 'jirats-cli-'));
  readonly configDir = join(this.dir, 'config');
  readonly dataDir = join(this.dir, 'data');

  /** The environment of a CLI run in this home: clean, with its folders and the file credential store. */
  env(extra: Record<string, string | undefined> = {}): Record<string, string> {
    const env: Record<string, string> = {
      ...cleanEnv(),
      JIRATS_CONFIG_DIR: this.configDir,
      JIRATS_DATA_DIR: this.dataDir,
      JIRATS_CREDENTIAL_STORE: 'file',
    };
    for (const [key, value] of Object.entries(extra)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    return env;
  }

  /** Runs `jirats <args>` and collects its output and exit code. */
  run(args: string[], opts: RunOptions = {}): Promise<CliResult> {
    const env = this.env(opts.env);
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [...cliEntry(), ...args], { cwd: ROOT, env });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
      child.stdin.end(opts.input ?? '');
    });
  }

  /** Deletes the temp folders. */
  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The lines of stderr, without empty ones. */
export function errLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter((l) => l.trim() !== '');
}
