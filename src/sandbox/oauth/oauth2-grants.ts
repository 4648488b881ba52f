/**
 * OAuth 2.0 grants, authorization codes and tokens, kept in memory (they end with the process). Refresh tokens
 * rotate: each use gives a new one and retires the old; presenting a retired one is taken as theft and revokes the
 * whole grant, as Atlassian's authorization server does. Expiry is checked on lookup; no timers run.
 */
import { createHash } from 'node:crypto';
import { randomToken, sameSecret } from './secrets.js';

export interface GrantTimes {
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
}

/** One user's consent to one client: the scopes every token of the grant carries. */
export interface Grant {
  id: string;
  clientId: string;
  userName: string;
  scopes: readonly string[];
  /** Created through PKCE: refreshing needs no client secret. */
  pkce: boolean;
  revoked: boolean;
}

export interface CodeRequest {
  clientId: string;
  userName: string;
  scopes: readonly string[];
  redirectUri: string;
  /** S256 PKCE challenge, when the client sent one. */
  codeChallenge: string | null;
}

export interface IssuedTokens {
  grant: Grant;
  accessToken: string;
  /** Only when the grant has `offline_access`. */
  refreshToken?: string;
  expiresInSeconds: number;
}

export type GrantOutcome = { ok: true; tokens: IssuedTokens } | { ok: false; description: string };

interface CodeRecord extends CodeRequest {
  expiresAt: number;
  /** The grant the code was exchanged for; a second exchange revokes it. */
  redeemedBy: Grant | null;
}

interface AccessRecord {
  grant: Grant;
  expiresAt: number;
}

interface RefreshRecord {
  grant: Grant;
  lastUsedAt: number;
  /** Replaced by a newer token: presenting it again revokes the grant. */
  retired: boolean;
  expired: boolean;
}

/** Authorization codes live this long (RFC 6749 recommends at most 10 minutes). */
const CODE_TTL_MS = 10 * 60_000;

/** The grant store of one sandbox. */
export class OAuth2Grants {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly accessTokens = new Map<string, AccessRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly grants: Grant[] = [];

  constructor(
    private readonly times: GrantTimes,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A new single-use authorization code for an approved request. */
  issueCode(request: CodeRequest): string {
    this.dropStaleCodes();
    const code = randomToken();
    this.codes.set(code, { ...request, expiresAt: this.clock() + CODE_TTL_MS, redeemedBy: null });
    return code;
  }

  /** Whether `code` was issued with a PKCE challenge (undefined when unknown). */
  codeHasChallenge(code: string): boolean | undefined {
    const record = this.codes.get(code);
    return record ? record.codeChallenge !== null : undefined;
  }

  /** Exchanges a code; the caller has already authenticated the client (or it sent a PKCE verifier). */
  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string,
    verifier: string | undefined,
  ): GrantOutcome {
    const record = this.codes.get(code);
    if (!record || record.clientId !== clientId) return refused('Invalid authorization code');
    if (record.redeemedBy) {
      // A code presented twice may have leaked: everything issued from it goes (RFC 6749 §4.1.2).
      record.redeemedBy.revoked = true;
      return refused('Invalid authorization code');
    }
    if (this.clock() > record.expiresAt) return refused('Authorization code expired');
    if (record.redirectUri !== redirectUri)
      return refused('redirect_uri does not match the authorization request');
    if (record.codeChallenge !== null) {
      if (verifier === undefined) return refused('code_verifier is required');
      if (!sameSecret(s256(verifier), record.codeChallenge)) return refused('Invalid code_verifier');
    } else if (verifier !== undefined) {
      return refused('code_verifier sent for a request without code_challenge');
    }
    const grant: Grant = {
      id: randomToken(12),
      clientId,
      userName: record.userName,
      scopes: record.scopes,
      pkce: record.codeChallenge !== null,
      revoked: false,
    };
    record.redeemedBy = grant;
    this.grants.push(grant);
    return { ok: true, tokens: this.issueTokens(grant) };
  }

  /** The grant behind a refresh token, when it is still usable (for deciding whether a secret is needed). */
  refreshGrant(token: string): Grant | undefined {
    return this.refreshTokens.get(token)?.grant;
  }

  /** Rotates a refresh token: new access and refresh tokens, the old refresh token retired. */
  refresh(token: string, clientId: string): GrantOutcome {
    const record = this.refreshTokens.get(token);
    if (!record || record.grant.clientId !== clientId) return refused('Unknown or invalid refresh token.');
    if (record.retired) {
      record.grant.revoked = true;
      return refused('Unknown or invalid refresh token.');
    }
    if (record.grant.revoked) return refused('Unknown or invalid refresh token.');
    if (record.expired || this.clock() - record.lastUsedAt > this.times.refreshTokenTtlMs) {
      record.expired = true;
      return refused('Refresh token expired');
    }
    record.retired = true;
    return { ok: true, tokens: this.issueTokens(record.grant) };
  }

  /** Revokes the grant owning `token` (access or refresh) when it belongs to `clientId`. */
  revoke(token: string, clientId: string): void {
    const grant = this.accessTokens.get(token)?.grant ?? this.refreshTokens.get(token)?.grant;
    if (grant && grant.clientId === clientId) grant.revoked = true;
  }

  /** The live grant of an access token, or undefined when unknown, expired or revoked. */
  verifyAccessToken(token: string): Grant | undefined {
    const record = this.accessTokens.get(token);
    if (!record || record.grant.revoked || this.clock() >= record.expiresAt) return undefined;
    return record.grant;
  }

  /** Test hook: every access token issued so far is expired. */
  expireAccessTokens(): void {
    const now = this.clock();
    for (const record of this.accessTokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  /** Test hook: every refresh token issued so far is expired. */
  expireRefreshTokens(): void {
    for (const record of this.refreshTokens.values()) record.expired = true;
  }

  /** Test hook: every grant is revoked. */
  revokeAll(): void {
    for (const grant of this.grants) grant.revoked = true;
  }

  private issueTokens(grant: Grant): IssuedTokens {
    const now = this.clock();
    const accessToken = randomToken();
    this.accessTokens.set(accessToken, { grant, expiresAt: now + this.times.accessTokenTtlMs });
    const tokens: IssuedTokens = {
      grant,
      accessToken,
      expiresInSeconds: Math.round(this.times.accessTokenTtlMs / 1000),
    };
    if (grant.scopes.includes('offline_access')) {
      tokens.refreshToken = randomToken();
      this.refreshTokens.set(tokens.refreshToken, { grant, lastUsedAt: now, retired: false, expired: false });
    }
    return tokens;
  }

  private dropStaleCodes(): void {
    const now = this.clock();
    for (const [code, record] of this.codes) {
      if (now > record.expiresAt + CODE_TTL_MS) this.codes.delete(code);
    }
  }
}

/** The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function refused(description: string): { ok: false; description: string } {
  return { ok: false, description };
}
