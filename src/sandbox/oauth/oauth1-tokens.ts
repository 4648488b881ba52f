/**
 * OAuth 1.0a request and access tokens and the nonces already seen, kept in memory. Request tokens are single
 * use and live 10 minutes; access tokens last until revoked (Jira's five years, in practice).
 */
import { randomToken } from './secrets.js';

export interface RequestTokenRecord {
  token: string;
  secret: string;
  consumerKey: string;
  /** `oob` or an absolute URL. */
  callback: string;
  createdAt: number;
  /** Set when the user approved; the verifier goes to the consumer with the callback. */
  userName: string | null;
  verifier: string | null;
  denied: boolean;
}

export interface AccessTokenRecord {
  token: string;
  secret: string;
  consumerKey: string;
  userName: string;
  sessionHandle: string;
  revoked: boolean;
}

const REQUEST_TOKEN_TTL_MS = 10 * 60_000;
/** How far a request's timestamp may be from the provider's clock. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

export class OAuth1Tokens {
  private readonly requestTokens = new Map<string, RequestTokenRecord>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  /** `consumer&token&nonce&timestamp` -> timestamp (seconds), forgotten once outside the window. */
  private readonly nonces = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Seconds since the epoch, the unit of `oauth_timestamp`. */
  nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  issueRequestToken(consumerKey: string, callback: string): RequestTokenRecord {
    const now = this.clock();
    for (const [token, record] of this.requestTokens) {
      if (now - record.createdAt > REQUEST_TOKEN_TTL_MS) this.requestTokens.delete(token);
    }
    const record: RequestTokenRecord = {
      token: randomToken(24),
      secret: randomToken(24),
      consumerKey,
      callback,
      createdAt: now,
      userName: null,
      verifier: null,
      denied: false,
    };
    this.requestTokens.set(record.token, record);
    return record;
  }

  /** A live (unexpired, unexchanged) request token. */
  requestToken(token: string): RequestTokenRecord | undefined {
    const record = this.requestTokens.get(token);
    if (!record) return undefined;
    if (this.clock() - record.createdAt > REQUEST_TOKEN_TTL_MS) {
      this.requestTokens.delete(token);
      return undefined;
    }
    return record;
  }

  /** Exchanges an approved request token (used up) for an access token. */
  exchange(record: RequestTokenRecord, userName: string): AccessTokenRecord {
    this.requestTokens.delete(record.token);
    const access: AccessTokenRecord = {
      token: randomToken(24),
      secret: randomToken(24),
      consumerKey: record.consumerKey,
      userName,
      sessionHandle: randomToken(16),
      revoked: false,
    };
    this.accessTokens.set(access.token, access);
    return access;
  }

  /** A usable access token. */
  accessToken(token: string): AccessTokenRecord | undefined {
    const record = this.accessTokens.get(token);
    return record && !record.revoked ? record : undefined;
  }

  /** Records a nonce; false when the same one was already used with this consumer, token and timestamp. */
  useNonce(consumerKey: string, token: string, nonce: string, timestamp: number): boolean {
    const now = this.nowSeconds();
    for (const [key, seen] of this.nonces) {
      if (Math.abs(now - seen) > TIMESTAMP_WINDOW_SECONDS) this.nonces.delete(key);
    }
    const key = [consumerKey, token, nonce, timestamp].map(encodeURIComponent).join('&');
    if (this.nonces.has(key)) return false;
    this.nonces.set(key, timestamp);
    return true;
  }

  /** Test hook: every access token is revoked. */
  revokeAll(): void {
    for (const record of this.accessTokens.values()) record.revoked = true;
  }
}
