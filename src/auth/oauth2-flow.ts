/**
 * Signing in with OAuth 2.0 (3LO): the authorization URL (PKCE S256 + state), the code exchange from the
 * callback, the sites a token may reach, and token revocation. These run before a client exists, so each
 * takes its own `fetch` (the in-process sandbox, a proxy-aware fetch, ...).
 */

import { createHash, randomBytes } from 'node:crypto';
import { redactUrl } from '../client/redact.js';
import type { FetchLike } from '../client/types.js';
import { ConfigurationError, OAuthError } from '../errors.js';
import {
  asTokenReply,
  authFromReply,
  DEFAULT_API_GATEWAY,
  DEFAULT_AUTHORIZATION_SERVER,
  endpoint,
  getWithBearer,
  postOAuth,
} from './oauth2-endpoint.js';
import type { OAuth2Auth } from './types.js';

export interface StartOAuth2Options {
  clientId: string;
  /** Where the authorization server sends the browser back (must be registered for the app). */
  redirectUri: string;
  scopes: string[];
  /** Default https://auth.atlassian.com. */
  authorizationServer?: string;
}

/** Keep `state` and `codeVerifier` private until the callback arrives; send the user to `url`. */
export interface OAuth2Authorization {
  url: string;
  state: string;
  codeVerifier: string;
}

export interface CompleteOAuth2Options {
  clientId: string;
  /** Confidential apps; a public app relies on the PKCE verifier alone. */
  clientSecret?: string;
  redirectUri: string;
  codeVerifier: string;
  expectedState: string;
  /** The URL the browser was sent back to (with `code` and `state`, or `error`). */
  callbackUrl: string | URL;
  authorizationServer?: string;
  fetch?: FetchLike;
}

/** A site (Jira instance) an access token may reach. */
export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
  avatarUrl?: string;
}

/** RFC 7636 S256 challenge of a verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The URL to open in the browser, with a fresh state and PKCE verifier. */
export function startOAuth2Authorization(options: StartOAuth2Options): OAuth2Authorization {
  requireString(options.clientId, 'clientId');
  requireString(options.redirectUri, 'redirectUri');
  const state = randomBytes(24).toString('base64url');
  const codeVerifier = randomBytes(48).toString('base64url');
  const url = endpoint(options.authorizationServer ?? DEFAULT_AUTHORIZATION_SERVER, '/authorize');
  const params = url.searchParams;
  params.set('audience', 'api.atlassian.com');
  params.set('client_id', options.clientId);
  params.set('scope', options.scopes.join(' '));
  params.set('redirect_uri', options.redirectUri);
  params.set('state', state);
  params.set('response_type', 'code');
  params.set('prompt', 'consent');
  params.set('code_challenge', pkceChallenge(codeVerifier));
  params.set('code_challenge_method', 'S256');
  return { url: url.toString(), state, codeVerifier };
}

/** Check the callback and exchange its code for tokens. The result has no cloudId yet. */
export async function completeOAuth2Authorization(
  options: CompleteOAuth2Options,
): Promise<{ auth: OAuth2Auth; scopes: string[] }> {
  const callback = new URL(String(options.callbackUrl));
  const params = callback.searchParams;
  // The state is checked first: a callback for another sign-in must not even reveal its error.
  if (params.get('state') !== options.expectedState) {
    throw new OAuthError(
      'state_mismatch',
      'The OAuth callback does not belong to this sign-in (state mismatch); start the sign-in again',
    );
  }
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    throw new OAuthError(
      error,
      `The authorization was not granted (${error})${description ? `: ${description.slice(0, 200)}` : ''}`,
    );
  }
  const code = params.get('code');
  if (!code) throw new OAuthError('invalid_request', 'The OAuth callback carries no authorization code');
  const url = endpoint(options.authorizationServer ?? DEFAULT_AUTHORIZATION_SERVER, '/oauth/token');
  const reply = asTokenReply(
    await postOAuth(options.fetch ?? globalThis.fetch, url, {
      grant_type: 'authorization_code',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code,
      redirect_uri: options.redirectUri,
      code_verifier: options.codeVerifier,
    }),
    url,
  );
  const base =
    options.clientSecret === undefined
      ? { clientId: options.clientId }
      : { clientId: options.clientId, clientSecret: options.clientSecret };
  const scopes = (reply.scope ?? '').split(/\s+/).filter((s) => s !== '');
  return { auth: authFromReply(reply, base), scopes };
}

/** The sites the access token may reach (`GET {apiGateway}/oauth/token/accessible-resources`). */
export async function accessibleResources(options: {
  accessToken: string;
  apiGateway?: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
}): Promise<AccessibleResource[]> {
  const url = endpoint(options.apiGateway ?? DEFAULT_API_GATEWAY, '/oauth/token/accessible-resources');
  const body = await getWithBearer(
    options.fetch ?? globalThis.fetch,
    url,
    options.accessToken,
    options.signal,
  );
  if (!Array.isArray(body)) {
    throw new OAuthError('invalid_response', `${redactUrl(url)} did not answer a list of sites`);
  }
  return body.flatMap((raw: unknown): AccessibleResource[] => {
    const site = raw as Partial<Record<keyof AccessibleResource, unknown>>;
    if (typeof site.id !== 'string' || typeof site.url !== 'string') return [];
    const out: AccessibleResource = {
      id: site.id,
      name: typeof site.name === 'string' ? site.name : site.id,
      url: site.url,
      scopes: Array.isArray(site.scopes) ? site.scopes.filter((s) => typeof s === 'string') : [],
    };
    if (typeof site.avatarUrl === 'string') out.avatarUrl = site.avatarUrl;
    return [out];
  });
}

/** Revoke the grant an access or refresh token belongs to (signing out). */
export async function revokeOAuth2Token(options: {
  token: string;
  clientId: string;
  clientSecret?: string;
  authorizationServer?: string;
  fetch?: FetchLike;
}): Promise<void> {
  const url = endpoint(options.authorizationServer ?? DEFAULT_AUTHORIZATION_SERVER, '/oauth/revoke');
  await postOAuth(options.fetch ?? globalThis.fetch, url, {
    token: options.token,
    client_id: options.clientId,
    client_secret: options.clientSecret,
  });
}

function requireString(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(`OAuth 2.0 needs ${name} (a non-empty string)`);
  }
}
