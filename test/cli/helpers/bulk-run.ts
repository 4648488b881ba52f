/**
 * Helpers of the bulk-run tests: the CLI started as a process that a test can kill with SIGKILL once its
 * journal shows enough progress, and a reader of journals that, like the library, ignores a torn last line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type CliResult, cliEntry, ROOT, type TestHome } from './cli.js';

/** One event line of a journal (the header is line 0). */
export interface JournalEvent {
  i: number;
  state: 'sent' | 'done' | 'failed';
  key?: string;
  reason?: string;
}

/** The header and the event lines of a journal; a torn last line is left out. */
export function readJournal(path: string): { header: Record<string, unknown>; events: JournalEvent[] } {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  const parsed: unknown[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      parsed.push(JSON.parse(line));
    } catch {
      break;
    }
  }
  const [header, ...events] = parsed;
  return { header: (header ?? {}) as Record<string, unknown>, events: events as JournalEvent[] };
}

/** How many items the journal shows finished (done or failed). */
export function finishedCount(path: string): number {
  return readJournal(path).events.filter((e) => e.state !== 'sent').length;
}

/** The journal path a run printed on stderr. */
export function printedJournal(stderr: string): string | undefined {
  return /journal: (.+?) \(resume with --resume/.exec(stderr)?.[1];
}

/** A CLI process started in a test home; `result` resolves when it exits (also when killed). */
export interface RunningCli {
  child: ChildProcess;
  result: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts `jirats <args>` in `home` with extra environment, stdin closed. */
export function startCli(home: TestHome, args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [...cliEntry(), ...args], {
    cwd: ROOT,
    env: home.env(env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.stdin?.end();
  const result = new Promise<CliResult & { signal: NodeJS.Signals | null }>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
  return { child, result };
}

/**
 * Kills the process with SIGKILL as soon as `journal` shows at least `finished` items finished; resolves to
 * the number it showed at the kill, or to -1 when the run ended on its own first.
 */
export async function killAfter(cli: RunningCli, journal: string, finished: number): Promise<number> {
  let exited = false;
  void cli.result.then(() => {
    exited = true;
  });
  while (!exited) {
    const seen = finishedCount(journal);
    if (seen >= finished) {
      cli.child.kill('SIGKILL');
      await cli.result;
      return seen;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return -1;
}
