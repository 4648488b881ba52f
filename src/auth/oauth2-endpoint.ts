/**
 * Calls to the OAuth 2.0 authorization server (token, revoke) and the accessible-resources lookup, shared by
 * the sign-in helpers and the token refresher. Replies become OAuthError with the server's error code; no
 * message carries a token, code, verifier or client secret.
 */

import { redact, redactUrl } from '../client/redact.js';
import type { FetchLike } from '../client/types.js';
import { isLoopback } from '../client/url.js';
import { ConfigurationError, NetworkError, OAuthError } from '../errors.js';
import type { OAuth2Auth } from './types.js';

export const DEFAULT_AUTHORIZATION_SERVER = 'https://auth.atlassian.com';
export const DEFAULT_API_GATEWAY = 'https://api.atlassian.com';

/** What the token endpoint answers on success (RFC 6749 §5.1). */
export interface TokenReply {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
  refresh_token?: string;
}

/** `base` + `path`, keeping a context path in `base`. */
export function endpoint(base: string, path: string): URL {
  return new URL(`${base.replace(/\/+$/, '')}${path}`);
}

/** Refresh tokens, client secrets and access tokens go over https, or http to this machine, unless allowed. */
export function refuseInsecureOAuth(url: URL, allowInsecureHttp: boolean): void {
  if (url.protocol !== 'http:' || isLoopback(url) || allowInsecureHttp) return;
  throw new ConfigurationError(
    `Refusing to send OAuth tokens over plain http:// to ${url.host}: use https://, or set allowInsecureHttp if you accept the risk.`,
  );
}

/** POST a JSON body to an OAuth endpoint; the parsed reply, or an OAuthError from the error reply. */
export async function postOAuth(
  fetchFn: FetchLike,
  url: URL,
  body: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<unknown> {
  const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const res = await send(fetchFn, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(fields),
    ...(signal ? { signal } : {}),
  });
  const text = await res.text().catch(() => '');
  if (!res.ok) throw oauthFailure(res.status, text, 'POST', url);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OAuthError(
      'invalid_response',
      `The OAuth server answered ${redactUrl(url)} with something not JSON`,
      {
        status: res.status,
        method: 'POST',
        url: redactUrl(url),
      },
    );
  }
}

/** Checks the shape of a token reply. */
export function asTokenReply(value: unknown, url: URL): TokenReply {
  const reply = value as Partial<TokenReply> | undefined;
  if (typeof reply?.access_token !== 'string' || reply.access_token === '') {
    throw new OAuthError('invalid_response', 'The OAuth token endpoint gave no access_token', {
      method: 'POST',
      url: redactUrl(url),
    });
  }
  return reply as TokenReply;
}

/** The credential a token reply stands for; a refresh token the server did not rotate is kept. */
export function authFromReply(
  reply: TokenReply,
  base: Pick<OAuth2Auth, 'clientId' | 'clientSecret' | 'refreshToken' | 'cloudId'>,
  now: number = Date.now(),
): OAuth2Auth {
  const auth: OAuth2Auth = { type: 'oauth2', clientId: base.clientId, accessToken: reply.access_token };
  if (base.clientSecret !== undefined) auth.clientSecret = base.clientSecret;
  const refreshToken = reply.refresh_token ?? base.refreshToken;
  if (refreshToken !== undefined) auth.refreshToken = refreshToken;
  if (typeof reply.expires_in === 'number' && Number.isFinite(reply.expires_in)) {
    auth.expiresAt = new Date(now + reply.expires_in * 1000).toISOString();
  }
  if (base.cloudId !== undefined) auth.cloudId = base.cloudId;
  return auth;
}

/** GET with a Bearer token (accessible-resources); the parsed JSON or an OAuthError. */
export async function getWithBearer(
  fetchFn: FetchLike,
  url: URL,
  accessToken: string,
  signal?: AbortSignal,
): Promise<unknown> {
  const res = await send(fetchFn, url, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  const text = await res.text().catch(() => '');
  if (!res.ok) throw oauthFailure(res.status, text, 'GET', url);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OAuthError('invalid_response', `${redactUrl(url)} did not answer JSON`, {
      status: res.status,
      method: 'GET',
      url: redactUrl(url),
    });
  }
}

async function send(fetchFn: FetchLike, url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    throw new NetworkError(`Could not reach the OAuth server at ${redactUrl(url)}: ${redact(reason)}`, {
      method: init.method ?? 'GET',
      url: redactUrl(url),
      cause: error,
    });
  }
}

/** An error reply as OAuthError: `{error, error_description}` when given, else by status. */
function oauthFailure(status: number, text: string, method: string, url: URL): OAuthError {
  let code = status === 401 ? 'invalid_token' : status >= 500 ? 'server_error' : 'invalid_request';
  let description = '';
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown; message?: unknown };
    if (typeof body.error === 'string' && body.error !== '') code = body.error;
    if (typeof body.error_description === 'string') description = body.error_description;
    else if (typeof body.message === 'string') description = body.message;
  } catch {
    // Not JSON: the status says enough.
  }
  const detail = description ? `: ${redact(description)}` : '';
  return new OAuthError(code, `OAuth request refused by ${redactUrl(url)} (${status} ${code})${detail}`, {
    status,
    method,
    url: redactUrl(url),
  });
}
