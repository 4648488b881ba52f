/**
 * OAuth 1.0a request signing (RSA-SHA1), as Jira Data Center application links expect. Every request gets
 * its own nonce, timestamp and signature over the method, the URL and its parameters (RFC 5849 §3.4.1).
 */

import { createPrivateKey, createSign, type KeyObject, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { ConfigurationError } from '../errors.js';
import type { DynamicAuth } from './dynamic.js';
import type { OAuth1Auth } from './types.js';

/** What an OAuth 1.0a request is signed with: the consumer, and the token once there is one. */
export interface OAuth1Credentials {
  consumerKey: string;
  /** PEM text of the consumer's RSA private key. */
  privateKey: string | KeyObject;
  token?: string;
  tokenSecret?: string;
}

/** What is signed: method, URL (its query included), and a form body's parameters. */
export interface OAuth1Request {
  method: string;
  url: URL;
  form?: URLSearchParams;
  /** Extra `oauth_*` parameters for the header (`oauth_callback`, `oauth_verifier`). */
  oauthParams?: Record<string, string>;
}

/** The RSA private key as a KeyObject; a ConfigurationError when it is not a readable PEM key. */
export function privateKeyOf(pem: string | KeyObject): KeyObject {
  if (typeof pem !== 'string') return pem;
  try {
    return createPrivateKey(pem);
  } catch {
    throw new ConfigurationError('The OAuth 1.0a private key is not a readable PEM RSA private key');
  }
}

/** The `Authorization: OAuth ...` header value for one request. */
export function oauth1Authorization(credentials: OAuth1Credentials, request: OAuth1Request): string {
  const key = privateKeyOf(credentials.privateKey);
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: '' },
    signature_method: 'RSA-SHA1',
    hash_function: (baseString) => createSign('RSA-SHA1').update(baseString).sign(key, 'base64'),
  });
  oauth.getNonce = () => randomBytes(16).toString('hex');
  // The library would decode the query itself, but without turning `+` into spaces; give it the parameters
  // decoded as the server will decode them, and the URL without its query.
  const data: Record<string, string | string[]> = { ...(request.oauthParams ?? {}) };
  const add = (name: string, value: string) => {
    const had = data[name];
    data[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  };
  for (const [name, value] of request.url.searchParams) add(name, value);
  for (const [name, value] of request.form ?? []) add(name, value);
  const token =
    credentials.token === undefined
      ? undefined
      : { key: credentials.token, secret: credentials.tokenSecret ?? '' };
  const signed = oauth.authorize(
    { url: `${request.url.origin}${request.url.pathname}`, method: request.method.toUpperCase(), data },
    token,
  );
  // toHeader keeps only oauth_* names, so the extra header parameters travel with the signature.
  return oauth.toHeader({ ...signed, ...(request.oauthParams ?? {}) }).Authorization;
}

/** A DynamicAuth that signs every request with an OAuth 1.0a access token. */
export class OAuth1Signer implements DynamicAuth {
  readonly #credentials: OAuth1Credentials;

  constructor(auth: OAuth1Auth) {
    this.#credentials = {
      consumerKey: auth.consumerKey,
      privateKey: privateKeyOf(auth.privateKey),
      token: auth.token,
      tokenSecret: auth.tokenSecret,
    };
  }

  async headersFor(request: {
    method: string;
    url: URL;
    form?: URLSearchParams;
  }): Promise<Record<string, string>> {
    const signed: OAuth1Request = { method: request.method, url: request.url };
    if (request.form) signed.form = request.form;
    return { Authorization: oauth1Authorization(this.#credentials, signed) };
  }

  // A refused token or signature stays refused: no recover().
}
