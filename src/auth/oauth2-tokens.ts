/**
 * The live OAuth 2.0 credential of one client: hands out the current access token, refreshes it shortly
 * before it expires and once after a 401, and passes the rotated tokens to `onTokenRefresh` before any call
 * uses them (the old refresh token stops working as soon as the server rotates it).
 */

import { redactUrl } from '../client/redact.js';
import type { FetchLike } from '../client/types.js';
import { OAuthError } from '../errors.js';
import type { DynamicAuth } from './dynamic.js';
import { asTokenReply, authFromReply, endpoint, postOAuth, refuseInsecureOAuth } from './oauth2-endpoint.js';
import type { OAuth2Auth } from './types.js';

/** Refresh this long before `expiresAt`, so a token does not expire on its way to Jira. */
export const REFRESH_SKEW_MS = 60_000;

export interface OAuth2TokensOptions {
  authorizationServer: string;
  /** Carries the token requests (the client's `fetch` option, or its transport). */
  fetch: (url: URL) => Promise<FetchLike>;
  onTokenRefresh?: ((auth: OAuth2Auth) => void | Promise<void>) | undefined;
  /** Allow the token endpoint on plain http:// to a host other than loopback. */
  allowInsecureHttp?: boolean;
  now?: () => number;
}

/** A DynamicAuth for OAuth 2.0 (3LO): Bearer headers with refresh, single flight. */
export class OAuth2Tokens implements DynamicAuth {
  #auth: OAuth2Auth;
  #refreshing: Promise<OAuth2Auth> | undefined;
  readonly #options: OAuth2TokensOptions;
  readonly #now: () => number;

  constructor(auth: OAuth2Auth, options: OAuth2TokensOptions) {
    this.#auth = { ...auth };
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The credential as it stands now (after any refresh). */
  get current(): OAuth2Auth {
    return { ...this.#auth };
  }

  /** Remember the site found by a lookup, so refreshed credentials passed to `onTokenRefresh` carry it. */
  adoptCloudId(cloudId: string): void {
    this.#auth = { ...this.#auth, cloudId };
  }

  /** The credential with an access token that is not about to expire, refreshing first when needed. */
  async fresh(signal?: AbortSignal): Promise<OAuth2Auth> {
    if (!this.#expiring()) return this.#auth;
    if (!this.#auth.refreshToken) {
      throw new OAuthError(
        'expired_token',
        'The OAuth 2.0 access token has expired and there is no refresh token to renew it (sign in again, with the offline_access scope to stay signed in)',
        { status: 401 },
      );
    }
    return this.refresh(signal);
  }

  async headersFor(request: { signal?: AbortSignal }): Promise<Record<string, string>> {
    const auth = await this.fresh(request.signal);
    return { Authorization: `Bearer ${auth.accessToken}` };
  }

  async recover(sent: Record<string, string>, signal?: AbortSignal): Promise<boolean> {
    // Another call refreshed while this one was in flight: its new token is worth one try.
    if (sent.Authorization !== `Bearer ${this.#auth.accessToken}`) return true;
    if (!this.#auth.refreshToken) return false;
    await this.refresh(signal);
    return true;
  }

  /**
   * Exchange the refresh token for new tokens. Concurrent callers share one request: with rotation, a second
   * request with the same refresh token would be taken as a replay and revoke the whole grant.
   */
  refresh(signal?: AbortSignal): Promise<OAuth2Auth> {
    this.#refreshing ??= this.#refreshOnce(signal).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refreshOnce(signal?: AbortSignal): Promise<OAuth2Auth> {
    const current = this.#auth;
    if (!current.refreshToken) {
      throw new OAuthError('expired_token', 'No OAuth 2.0 refresh token to renew the access token with', {
        status: 401,
      });
    }
    const url = endpoint(this.#options.authorizationServer, '/oauth/token');
    refuseInsecureOAuth(url, this.#options.allowInsecureHttp === true);
    const fetchFn = await this.#options.fetch(url);
    let reply: unknown;
    try {
      reply = await postOAuth(
        fetchFn,
        url,
        {
          grant_type: 'refresh_token',
          client_id: current.clientId,
          client_secret: current.clientSecret,
          refresh_token: current.refreshToken,
        },
        signal,
      );
    } catch (error) {
      if (error instanceof OAuthError && error.code === 'invalid_grant') {
        throw new OAuthError(
          'invalid_grant',
          'The OAuth 2.0 grant has expired or was revoked: the refresh token was refused; sign in again',
          { status: error.status, method: 'POST', url: redactUrl(url), cause: error },
        );
      }
      throw error;
    }
    const next = authFromReply(asTokenReply(reply, url), current, this.#now());
    // Calls start using the new tokens only once the caller has them (or its callback failed: the old
    // refresh token is dead either way).
    try {
      await this.#options.onTokenRefresh?.({ ...next });
    } finally {
      this.#auth = next;
    }
    return next;
  }

  #expiring(): boolean {
    const expiresAt = this.#auth.expiresAt;
    if (expiresAt === undefined) return false;
    const at = Date.parse(expiresAt);
    return Number.isFinite(at) && at - REFRESH_SKEW_MS <= this.#now();
  }
}
