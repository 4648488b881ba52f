import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { rememberSecret } from '../io/scrub.js';
import { loadLibrary } from '../library.js';
import { normalizeServerUrl } from '../server-url.js';
import { startHandoff } from './browser-handoff.js';
import { saveLogin } from './save-login.js';

/** The options of `jirats login --oauth1`. */
export interface OAuth1LoginOptions {
  consumerKey?: string;
  privateKey?: string;
  /** False with --no-browser. */
  browser: boolean;
}

async function readPrivateKey(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (err) {
    throw usageError(`cannot read --private-key ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) {
    throw usageError(`--private-key ${path} is not a PEM private key`);
  }
  rememberSecret(pem);
  return pem;
}

/**
 * OAuth 1.0a for Data Center: a request token signed with the consumer's RSA key, authorization in the browser,
 * the verifier exchanged for an access token, then the token stored for the profile.
 */
export async function loginOAuth1(ctx: Context, opts: OAuth1LoginOptions): Promise<void> {
  const consumerKey = opts.consumerKey?.trim();
  if (!consumerKey) throw usageError('--oauth1 needs --consumer-key', 'the key of the Jira application link');
  if (!opts.privateKey)
    throw usageError('--oauth1 needs --private-key FILE', "the consumer's RSA private key");
  const rawServer = ctx.globals.server || (await ctx.profile())?.server;
  if (!rawServer) throw usageError('--oauth1 needs --server URL', 'the base URL of your Jira Data Center');
  const server = normalizeServerUrl(rawServer);
  const privateKey = await readPrivateKey(opts.privateKey);

  const lib = await loadLibrary();
  const handoff = await startHandoff(ctx, opts.browser);
  const requestToken = await lib.oauth1RequestToken({
    server,
    consumerKey,
    privateKey,
    callback: handoff.redirectUri,
  });
  // The request token itself must be shown: it is part of the authorize URL the person opens.
  rememberSecret(requestToken.tokenSecret);
  const callback = (await handoff.visit(requestToken.authorizeUrl)).searchParams;

  const problem = callback.get('oauth_problem');
  if (problem) {
    throw new CliError(`access was denied in the browser (${problem}); nothing was stored`, ExitCode.auth);
  }
  // The request token plays the part of OAuth 2.0's state: an answer for another sign-in is refused.
  if (callback.get('oauth_token') !== requestToken.token) {
    throw new CliError(
      "the browser's answer does not belong to this sign-in; nothing was stored",
      ExitCode.auth,
      'run `jirats login` again',
    );
  }
  const verifier = callback.get('oauth_verifier');
  if (!verifier) {
    throw new CliError('the browser came back without a verifier; nothing was stored', ExitCode.auth);
  }
  rememberSecret(verifier);

  const credential = await lib.oauth1AccessToken({
    server,
    consumerKey,
    privateKey,
    token: requestToken.token,
    tokenSecret: requestToken.tokenSecret,
    verifier,
  });
  await saveLogin(ctx, { server, credential, siteLabel: server });
}
