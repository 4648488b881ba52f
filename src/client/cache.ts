/**
 * A small TTL cache for reference data (serverInfo, fields, ...). Keys combine the server and the caller's
 * identity, a hash of the credential, so two users never share an answer and no credential is kept in a key.
 */

import type { Auth } from '../auth/types.js';

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

/** Values that expire `ttlMs` after they were loaded; concurrent loads of one key share one request. */
export class TtlCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or the result of `load` (cached when it succeeds). */
  getOrLoad<T>(key: string, load: () => Promise<T>, fresh = false): Promise<T> {
    const hit = this.entries.get(key);
    if (!fresh && hit && hit.expires > this.now()) return hit.value as Promise<T>;
    const value = load();
    if (this.ttlMs > 0) {
      const entry = { expires: this.now() + this.ttlMs, value };
      this.entries.set(key, entry);
      // A failed load must not be served from the cache.
      value.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    return value;
  }

  /** Forget everything. */
  clear(): void {
    this.entries.clear();
  }

  /** Forget the entries whose key matches (one kind of data, across identities). */
  clearWhere(matches: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }

  /** Number of live entries (for tests and diagnostics). */
  get size(): number {
    const now = this.now();
    let n = 0;
    for (const entry of this.entries.values()) if (entry.expires > now) n++;
    return n;
  }
}

/** A stable, non-reversible identity for a credential: `anonymous` or a SHA-256 prefix. */
export async function identityOf(auth: Auth | { type: 'session'; id: string }): Promise<string> {
  if (auth.type === 'anonymous') return 'anonymous';
  // OAuth: who is signed in is the consumer/client and token; private keys and client secrets stay out.
  const subject =
    auth.type === 'oauth1'
      ? { type: auth.type, consumerKey: auth.consumerKey, token: auth.token }
      : auth.type === 'oauth2'
        ? { type: auth.type, clientId: auth.clientId, cloudId: auth.cloudId, accessToken: auth.accessToken }
        : auth;
  const canonical = JSON.stringify(subject, Object.keys(flatten(subject)).sort());
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${auth.type}:${hex.slice(0, 32)}`;
}

// Every key used anywhere in the value, so JSON.stringify's key list keeps nested objects and sorts them.
function flatten(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      keys[k] = true;
      flatten(v, keys);
    }
  }
  return keys;
}
