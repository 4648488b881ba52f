/**
 * Secret scrubbing for everything that leaves the library as text: error messages, debug lines, hook
 * arguments. It errs on the side of hiding: a redacted harmless value costs less than a leaked token.
 */

export const REDACTED = '[REDACTED]';

// Query parameter names whose values are secrets. `nextPageToken` and friends are paging cursors, not
// credentials, so names are matched whole (plus anything that spells out password or secret).
const SECRET_PARAM =
  '(?:token|access_token|refresh_token|id_token|auth_token|api_token|apitoken|apikey|api_key|jwt|code|' +
  'oauth_token|oauth_verifier|oauth_signature|signature|sig|session|jsessionid|os_password|password|passwd|pwd|' +
  'client_secret|state|code_verifier|[\\w.-]*(?:password|secret)[\\w.-]*)';

const QUERY_SECRET = new RegExp(`([?&;]${SECRET_PARAM}=)[^&#\\s"'<>]*`, 'gi');
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
// An OAuth 1.0a header: `OAuth realm="...", oauth_consumer_key="...", oauth_signature="..."` (quoted pairs).
const OAUTH1_HEADER = /\bOAuth(\s+)[\w-]+="[^"]*"(?:\s*,\s*[\w-]+="[^"]*")*/g;
const AUTH_SCHEME = /\b(Basic|Bearer|Digest|OAuth|NTLM|Negotiate)(\s+)([A-Za-z0-9._~+/=:-]+)/g;
const HEADER_LINE = /\b(authorization|proxy-authorization|cookie|set-cookie)(\s*:\s*)[^\r\n]*/gi;
const COOKIE_PAIR =
  /\b(JSESSIONID|atlassian\.xsrf\.token|tenant\.session\.token|cloud\.session\.token|seraph\.rememberme\.cookie|[\w.-]*session[\w.-]*)=([^;\s,"'&]+)/gi;
const JSON_SECRET =
  /("(?:password|passwd|token|apiToken|api_token|access_token|refresh_token|id_token|secret|client_secret|code_verifier|pat)"\s*:\s*")(?:[^"\\]|\\.)*"/gi;

/** Scrub credentials from free text: Basic/Bearer values, secret query parameters, URL user info, cookies. */
export function redact(text: string): string {
  return text
    .replace(HEADER_LINE, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(OAUTH1_HEADER, (match, space: string) =>
      // A challenge naming only realm and oauth_problem carries no secret and helps debugging.
      /^(?:realm|oauth_problem)="[^"]*"(?:\s*,\s*(?:realm|oauth_problem)="[^"]*")*$/.test(
        match.slice(5).trim(),
      )
        ? match
        : `OAuth${space}${REDACTED}`,
    )
    .replace(AUTH_SCHEME, (match, scheme: string, space: string, value: string) =>
      // "Basic Authentication Failure" is prose, not a credential: keep plain words.
      /^[A-Za-z][a-z]*$/.test(value) || value === REDACTED || /^(?:realm|oauth_problem)=$/.test(value)
        ? match
        : `${scheme}${space}${REDACTED}`,
    )
    .replace(COOKIE_PAIR, (_m, name: string) => `${name}=${REDACTED}`)
    .replace(JSON_SECRET, `$1${REDACTED}"`);
}

/** Redact a URL for display (user info and secret query parameters). */
export function redactUrl(url: string | URL): string {
  return redact(String(url));
}

// Header names whose whole value is a secret, even when the pattern below would not say so.
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
// Headers that mention auth but only carry status words, useful when debugging a login.
const SAFE_HEADERS = new Set([
  'x-seraph-loginreason',
  'x-authentication-denied-reason',
  'www-authenticate',
  'x-atlassian-token',
  'x-ausername',
  'x-aaccountid',
]);
const SECRET_HEADER_NAME = /auth|token|secret|password|api-?key|session|cookie|credential/i;

/** True when a header's value must never be shown. */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (SECRET_HEADERS.has(lower)) return true;
  if (SAFE_HEADERS.has(lower)) return false;
  return SECRET_HEADER_NAME.test(lower);
}

/** Headers as a plain object (names lower-cased) with secret values replaced by `[REDACTED]`. */
export function redactHeaders(
  headers: Headers | Record<string, string> | Iterable<readonly [string, string]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<readonly [string, string]> =
    headers instanceof Headers || Symbol.iterator in headers
      ? (headers as Iterable<readonly [string, string]>)
      : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = isSecretHeader(lower) ? REDACTED : redact(value);
  }
  return out;
}
