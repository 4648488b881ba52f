/**
 * OAuth 1.0a signatures as a provider checks them (RFC 5849): the `Authorization: OAuth` header, the signature
 * base string (§3.4.1) and RSA-SHA1 verification (§3.4.3) with node:crypto.
 */
import { createPublicKey, verify } from 'node:crypto';

/** What a signature covers: method, the URL as the client sent it, and a form-urlencoded body if any. */
export interface SignedRequest {
  method: string;
  url: string;
  /** The body when it is `application/x-www-form-urlencoded`, else null. */
  form: string | null;
}

/** The parameters of an `OAuth ...` authorization header (decoded), or null when it is not one. */
export function parseOAuthHeader(header: string | null): Map<string, string> | null {
  const match = /^oauth\s+(.*)$/is.exec(header?.trim() ?? '');
  if (!match) return null;
  const params = new Map<string, string>();
  const pair = /\s*([^=,\s]+)\s*=\s*"([^"]*)"\s*(?:,|$)/gy;
  const text = match[1] ?? '';
  let found = pair.exec(text);
  let end = 0;
  while (found) {
    try {
      params.set(decodeURIComponent(found[1] ?? ''), decodeURIComponent(found[2] ?? ''));
    } catch {
      return null;
    }
    end = pair.lastIndex;
    found = pair.exec(text);
  }
  return text.slice(end).trim() === '' ? params : null;
}

/** RFC 3986 percent-encoding: everything but unreserved characters (§3.6). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The base string URI (§3.4.1.2): lower-case scheme and host, default port dropped, no query or fragment. */
export function baseStringUri(raw: string): string {
  const url = new URL(raw);
  const defaultPort =
    (url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443');
  const port = url.port === '' || defaultPort ? '' : `:${url.port}`;
  return `${url.protocol}//${url.hostname.toLowerCase()}${port}${url.pathname || '/'}`;
}

/** The signature base string (§3.4.1.1) of a request whose OAuth header parameters are `oauth`. */
export function signatureBaseString(request: SignedRequest, oauth: ReadonlyMap<string, string>): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of oauth) {
    if (name !== 'realm' && name !== 'oauth_signature') pairs.push([name, value]);
  }
  for (const entry of new URL(request.url).searchParams) pairs.push(entry);
  if (request.form !== null) for (const entry of new URLSearchParams(request.form)) pairs.push(entry);
  const normalized = pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return [
    request.method.toUpperCase(),
    percentEncode(baseStringUri(request.url)),
    percentEncode(normalized),
  ].join('&');
}

/** Whether `signature` (base64) is the RSA-SHA1 signature of `baseString` under `publicKeyPem`. */
export function verifyRsaSha1(baseString: string, signature: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    return verify('RSA-SHA1', Buffer.from(baseString, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Byte-order comparison, as the RFC's sort asks (not locale order). */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
