import type { Context } from '../context.js';
import { startLoopback } from './loopback.js';
import { openBrowser } from './open-browser.js';

/** Seconds to wait for the browser when --timeout is not given. */
const DEFAULT_WAIT_SECONDS = 300;

/** A started sign-in: where the browser must come back to, and how to send it off and wait for it. */
export interface BrowserHandoff {
  redirectUri: string;
  /** Sends the person to `url` (browser, or a printed line) and resolves the callback URL the browser reached. */
  visit(url: string): Promise<URL>;
}

/**
 * Starts the one-shot callback listener for this invocation (closed when the command ends). The wait is
 * --timeout seconds (default 300; 0 waits forever).
 */
export async function startHandoff(ctx: Context, useBrowser: boolean): Promise<BrowserHandoff> {
  const seconds = ctx.globals.timeout ?? DEFAULT_WAIT_SECONDS;
  const loopback = await startLoopback(Math.round(seconds * 1000));
  ctx.onClose(() => loopback.close());
  return {
    redirectUri: loopback.redirectUri,
    async visit(url: string): Promise<URL> {
      const opened = useBrowser && (await openBrowser(url));
      // The URL carries no secret (PKCE sends only the challenge), so it may be printed.
      if (opened) ctx.terminal.err(`Opened your browser to sign in. If it did not open, visit: ${url}`);
      else ctx.terminal.err(`Open this URL in your browser: ${url}`);
      ctx.terminal.err('Waiting for the browser to come back...');
      return loopback.callback();
    },
  };
}
