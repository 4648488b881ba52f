/**
 * One DynamicAuth per credential object for the life of a client: the client's own OAuth credential and any
 * per-call one keep their refresh state, so concurrent calls share one token refresh (single flight).
 */

import { randomUUID } from 'node:crypto';
import { identityOf } from '../client/cache.js';
import type { DynamicAuth } from './dynamic.js';
import { OAuth1Signer } from './oauth1.js';
import { OAuth2Tokens, type OAuth2TokensOptions } from './oauth2-tokens.js';
import type { OAuth1Auth, OAuth2Auth } from './types.js';

interface Entry {
  auth: DynamicAuth;
  identity: Promise<string>;
}

/** The dynamic credentials of one client, by the Auth object they were made from. */
export class DynamicSources {
  readonly #entries = new WeakMap<OAuth2Auth | OAuth1Auth, Entry>();
  readonly #identities = new WeakMap<DynamicAuth, Promise<string>>();

  constructor(private readonly oauth2Options: OAuth2TokensOptions) {}

  /** The DynamicAuth for a credential, made on first use. */
  for(auth: OAuth2Auth): OAuth2Tokens;
  for(auth: OAuth2Auth | OAuth1Auth): DynamicAuth;
  for(auth: OAuth2Auth | OAuth1Auth): DynamicAuth {
    const known = this.#entries.get(auth);
    if (known) return known.auth;
    const entry: Entry =
      auth.type === 'oauth2'
        ? // Tokens rotate, so the cache identity is that of the grant as held by this client, not a token.
          {
            auth: new OAuth2Tokens(auth, this.oauth2Options),
            identity: Promise.resolve(`oauth2:${randomUUID()}`),
          }
        : { auth: new OAuth1Signer(auth), identity: identityOf(auth) };
    this.#entries.set(auth, entry);
    this.#identities.set(entry.auth, entry.identity);
    return entry.auth;
  }

  /** A stable identity for reference-data cache keys (no secret in it). */
  identity(auth: DynamicAuth): Promise<string> {
    return this.#identities.get(auth) ?? Promise.resolve(`dynamic:${randomUUID()}`);
  }
}
