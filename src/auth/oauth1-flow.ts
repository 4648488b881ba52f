/**
 * The OAuth 1.0a dance with Jira Data Center: a request token, the user's approval in the browser, and the
 * exchange of the verifier for an access token. Both token requests are signed with the consumer's RSA key.
 */

import { redact, redactUrl } from '../client/redact.js';
import type { FetchLike } from '../client/types.js';
import { normalizeServer } from '../client/url.js';
import { NetworkError, OAuthError } from '../errors.js';
import { oauthProblem } from './oauth-problem.js';
import { type OAuth1Credentials, oauth1Authorization, privateKeyOf } from './oauth1.js';
import type { OAuth1Auth } from './types.js';

const SERVLET = '/plugins/servlet/oauth';

export interface OAuth1RequestTokenOptions {
  /** Jira's base URL (context path included). */
  server: string;
  consumerKey: string;
  /** PEM text of the consumer's RSA private key. */
  privateKey: string;
  /** Where Jira sends the browser after approval, or `oob` to show the verifier instead. */
  callback: string;
  fetch?: FetchLike;
}

export interface OAuth1AccessTokenOptions {
  server: string;
  consumerKey: string;
  privateKey: string;
  /** The request token and its secret. */
  token: string;
  tokenSecret: string;
  /** The `oauth_verifier` from the callback (or the `oob` page). */
  verifier: string;
  fetch?: FetchLike;
}

/** Ask for a request token; send the user to `authorizeUrl` to approve it. */
export async function oauth1RequestToken(
  options: OAuth1RequestTokenOptions,
): Promise<{ token: string; tokenSecret: string; authorizeUrl: string }> {
  const server = normalizeServer(options.server);
  const reply = await tokenRequest(
    options.fetch ?? globalThis.fetch,
    new URL(`${server}${SERVLET}/request-token`),
    { consumerKey: options.consumerKey, privateKey: privateKeyOf(options.privateKey) },
    { oauth_callback: options.callback },
  );
  const token = required(reply, 'oauth_token');
  const authorize = new URL(`${server}${SERVLET}/authorize`);
  authorize.searchParams.set('oauth_token', token);
  return { token, tokenSecret: reply.get('oauth_token_secret') ?? '', authorizeUrl: authorize.toString() };
}

/** Exchange the approved request token and its verifier for an access token. */
export async function oauth1AccessToken(options: OAuth1AccessTokenOptions): Promise<OAuth1Auth> {
  const server = normalizeServer(options.server);
  const reply = await tokenRequest(
    options.fetch ?? globalThis.fetch,
    new URL(`${server}${SERVLET}/access-token`),
    {
      consumerKey: options.consumerKey,
      privateKey: privateKeyOf(options.privateKey),
      token: options.token,
      tokenSecret: options.tokenSecret,
    },
    { oauth_verifier: options.verifier },
  );
  return {
    type: 'oauth1',
    consumerKey: options.consumerKey,
    privateKey: options.privateKey,
    token: required(reply, 'oauth_token'),
    tokenSecret: reply.get('oauth_token_secret') ?? '',
  };
}

/** A signed POST to one of the token servlets; the form-encoded reply, or an OAuthError with the problem. */
async function tokenRequest(
  fetchFn: FetchLike,
  url: URL,
  credentials: OAuth1Credentials,
  oauthParams: Record<string, string>,
): Promise<URLSearchParams> {
  const authorization = oauth1Authorization(credentials, { method: 'POST', url, oauthParams });
  let res: Response;
  try {
    res = await fetchFn(url, { method: 'POST', headers: { Authorization: authorization } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NetworkError(`Could not reach Jira at ${redactUrl(url)}: ${redact(reason)}`, {
      method: 'POST',
      url: redactUrl(url),
      cause: error,
    });
  }
  const text = await res.text().catch(() => '');
  const reply = new URLSearchParams(res.ok ? text.trim() : '');
  if (res.ok && reply.has('oauth_token')) return reply;
  const problem = oauthProblem(res.headers, text) ?? (res.ok ? 'invalid_response' : 'permission_denied');
  throw new OAuthError(problem, `Jira refused the OAuth 1.0a token request (${res.status} ${problem})`, {
    status: res.status,
    method: 'POST',
    url: redactUrl(url),
  });
}

function required(reply: URLSearchParams, name: string): string {
  const value = reply.get(name);
  if (!value) throw new OAuthError('invalid_response', `Jira's OAuth 1.0a reply has no ${name}`);
  return value;
}
