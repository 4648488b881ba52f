/**
 * What Jira's authentication needs from the OAuth servers, kept apart from them so the authenticator depends
 * on this small contract only (the servers themselves depend on the app's route types).
 */
import type { UserRecord } from '../model.js';
import type { SignedRequest } from './oauth1-signature.js';

/** The user of an OAuth 1.0a signed request, or the refusal to send. */
export type OAuth1Outcome = { ok: true; user: UserRecord } | { ok: false; response: Response };

/** An OAuth 2.0 caller: the token's user and the scopes of its grant. */
export interface BearerCaller {
  user: UserRecord;
  scopes: readonly string[];
}

/** What the authenticator needs from the OAuth servers. */
export interface OAuthVerifier {
  /** The caller of a gateway request's bearer token, or undefined when the token is not usable. */
  bearer(token: string): BearerCaller | undefined;
  /** The user of an OAuth 1.0a signed request, or the refusal. */
  signed(request: SignedRequest, authorization: string, base: string): OAuth1Outcome;
}
