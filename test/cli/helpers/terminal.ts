/**
 * Runs the CLI on a pseudo-terminal through util-linux `script`, for what only happens on a terminal (hidden
 * prompts, notices, progress bars). Where `script` is missing (or is the BSD variant) callers skip.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cliEntry, ROOT, type TestHome } from './cli.js';

export const hasScript =
  process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

export interface TerminalRunOptions {
  /** Extra environment for this run. */
  env?: Record<string, string>;
  /** Typed once `prompt` shows up. */
  answer?: { prompt: string; text: string };
}

/** Runs `jirats <args>` in `home` on a pseudo-terminal; `output` is what the terminal showed (stdout and stderr). */
export function onTerminal(
  home: TestHome,
  args: string[],
  opts: TerminalRunOptions = {},
): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, ...cliEntry(), ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: home.env(opts.env) });
  const { answer } = opts;
  let output = '';
  let answered = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    output += d;
    if (answer && !answered && output.includes(answer.prompt)) {
      answered = true;
      child.stdin.write(`${answer.text}\r`);
    }
  });
  if (!answer) child.stdin.end();
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}
