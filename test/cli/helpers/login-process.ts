/**
 * `jirats login` as a running process: the test reads the sign-in URL from its stderr while it waits for the
 * browser, then drives the pages and collects the exit code and output.
 */
import { spawn } from 'node:child_process';
import { type CliResult, cliEntry, ROOT, type TestHome } from './cli.js';

export interface RunningLogin {
  /** The URL the CLI asked the person to open. */
  url: string;
  /** The CLI's callback, from the URL's redirect_uri (OAuth 2.0) or its listener port. */
  callback: string | undefined;
  /** Resolves when the process ends. */
  result: Promise<CliResult>;
}

const URL_LINE = /(?:Open this URL in your browser|If it did not open, visit): (\S+)/;

/** Starts `jirats <args>` in the test home, feeds `input` to stdin, and resolves once the sign-in URL is printed. */
export function startLogin(
  home: TestHome,
  args: string[],
  input = '',
  extraEnv: Record<string, string> = {},
): Promise<RunningLogin> {
  const env = home.env(extraEnv);
  const child = spawn(process.execPath, [...cliEntry(), ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  const result = new Promise<CliResult>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stdin.end(input);
  return new Promise<RunningLogin>((done, fail) => {
    let found = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const match = URL_LINE.exec(stderr);
      if (match?.[1] && !found) {
        found = true;
        const url = match[1];
        done({ url, callback: new URL(url).searchParams.get('redirect_uri') ?? undefined, result });
      }
    });
    void result.then((r) => {
      if (!found) fail(new Error(`login ended (${r.code}) before printing a URL:\n${r.stderr}`));
    });
  });
}
