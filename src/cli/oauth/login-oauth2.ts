import type { OAuth2Auth } from '../../index.js';
import { rememberCredential } from '../config/secret-store.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { readSecretFromStdin } from '../io/secret-input.js';
import { loadLibrary } from '../library.js';
import { startHandoff } from './browser-handoff.js';
import { chooseSite } from './choose-site.js';
import { saveLogin } from './save-login.js';

export const DEFAULT_SCOPES = 'read:jira-work write:jira-work read:jira-user offline_access';
const DEFAULT_AUTH_URL = 'https://auth.atlassian.com';
const DEFAULT_API_URL = 'https://api.atlassian.com';

/** The options of `jirats login --oauth2`. */
export interface OAuth2LoginOptions {
  clientId?: string;
  clientSecretStdin?: boolean;
  scopes?: string;
  authUrl?: string;
  apiUrl?: string;
  /** False with --no-browser. */
  browser: boolean;
  site?: string;
}

/** Checks an --auth-url / --api-url value: absolute, http(s), and https unless loopback or allowed. */
export function endpointUrl(value: string, flag: string, allowInsecureHttp: boolean | undefined): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw usageError(`${flag} '${value}' is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(`${flag} must be an http(s) URL`);
  }
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback && !allowInsecureHttp) {
    throw usageError(
      `${flag} uses plain http, which would expose the tokens`,
      'use https, or pass --allow-insecure-http if you accept the risk',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * OAuth 2.0 (3LO) for Jira Cloud: PKCE authorization in the browser, code exchange, the site from
 * accessible-resources, then the tokens stored for the profile.
 */
export async function loginOAuth2(ctx: Context, opts: OAuth2LoginOptions): Promise<void> {
  const clientId = opts.clientId?.trim();
  if (!clientId) {
    throw usageError('--oauth2 needs --client-id', 'the client id of your OAuth 2.0 (3LO) app');
  }
  const insecure = ctx.globals.allowInsecureHttp;
  const authUrl = endpointUrl(opts.authUrl ?? DEFAULT_AUTH_URL, '--auth-url', insecure);
  const apiUrl = endpointUrl(opts.apiUrl ?? DEFAULT_API_URL, '--api-url', insecure);
  const scopes = (opts.scopes ?? DEFAULT_SCOPES).split(/[\s,]+/).filter((s) => s !== '');
  if (scopes.length === 0) throw usageError('--scopes is empty', `for example: --scopes "${DEFAULT_SCOPES}"`);
  const clientSecret = opts.clientSecretStdin
    ? await readSecretFromStdin('--client-secret-stdin')
    : undefined;

  const lib = await loadLibrary();
  const handoff = await startHandoff(ctx, opts.browser);
  const start = lib.startOAuth2Authorization({
    clientId,
    redirectUri: handoff.redirectUri,
    scopes,
    authorizationServer: authUrl,
  });
  const callbackUrl = await handoff.visit(start.url);
  const granted = await lib.completeOAuth2Authorization({
    clientId,
    clientSecret,
    redirectUri: handoff.redirectUri,
    codeVerifier: start.codeVerifier,
    expectedState: start.state,
    callbackUrl,
    authorizationServer: authUrl,
  });
  rememberCredential(granted.auth);

  const sites = await lib.accessibleResources({ accessToken: granted.auth.accessToken, apiGateway: apiUrl });
  const site = await chooseSite(sites, opts.site);
  const credential: OAuth2Auth = {
    ...granted.auth,
    clientId,
    ...(clientSecret === undefined ? {} : { clientSecret }),
    cloudId: site.id,
  };
  await saveLogin(ctx, {
    server: site.url.replace(/\/+$/, ''),
    credential,
    oauth: { authUrl, apiUrl },
    siteLabel: `${site.name} (${site.url})`,
    scopes: granted.scopes,
  });
}
