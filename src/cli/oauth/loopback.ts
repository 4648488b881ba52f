import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError, ExitCode } from '../exit-codes.js';

/** A one-shot listener on 127.0.0.1 that receives the browser's redirect after sign-in. */
export interface Loopback {
  /** Where the authorization server sends the browser back to: `http://127.0.0.1:PORT/callback`. */
  readonly redirectUri: string;
  /** The full callback URL of the first request to `/callback`; rejects when the wait times out. */
  callback(): Promise<URL>;
  /** Stops listening (safe to call more than once). */
  close(): Promise<void>;
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:32em;margin:4em auto;line-height:1.5';

/** The page the browser shows once the redirect arrived; fixed text only, nothing from the request is echoed. */
function page(failed: boolean): string {
  const [title, text] = failed
    ? ['Sign-in not completed', 'JiraTS received the answer: the sign-in did not succeed. See the terminal.']
    : ['Signed in', 'JiraTS received the answer. You can close this tab and return to the terminal.'];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>JiraTS: ${title}</title></head><body style="${PAGE_STYLE}"><h1>${title}</h1><p>${text}</p></body></html>`;
}

/**
 * Starts the listener on a free port. Only the first request to `/callback` counts: it is answered and the
 * listener closes, so a second caller (another tab, a forged request) finds nobody. `timeoutMs` 0 waits forever.
 */
export async function startLoopback(timeoutMs: number): Promise<Loopback> {
  let settle: { resolve(url: URL): void; reject(err: Error): void } | undefined;
  const result = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody may be awaiting yet when the timeout fires; the rejection is observed through `callback()`.
  result.catch(() => undefined);
  let done = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', redirectUri);
    if (done || req.method !== 'GET' || url.pathname !== '/callback') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    done = true;
    const failed = url.searchParams.has('error') || url.searchParams.has('oauth_problem');
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'close',
      })
      .end(page(failed));
    settle?.resolve(url);
    void close();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}/callback`;

  let timer: NodeJS.Timeout | undefined;
  if (timeoutMs > 0) {
    timer = setTimeout(() => {
      done = true;
      const seconds = Math.round(timeoutMs / 1000);
      settle?.reject(
        new CliError(
          `no answer from the browser within ${seconds} seconds; nothing was stored`,
          ExitCode.auth,
          'run `jirats login` again (give more time with --timeout SECONDS)',
        ),
      );
      void close();
    }, timeoutMs);
  }

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    if (timer) clearTimeout(timer);
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    return closing;
  }

  return { redirectUri, callback: () => result, close };
}
