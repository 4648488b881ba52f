import { usageError } from './exit-codes.js';

/** Checks a Jira base URL and returns it without a trailing slash; a malformed one is a usage error. */
export function normalizeServerUrl(input: string): string {
  const shown = input.replace(/\/\/[^/@]*@/, '//***@');
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw usageError(
      `malformed server URL '${shown}'`,
      'expected an absolute URL such as https://jira.example.com',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(`malformed server URL '${shown}': only http and https are supported`);
  }
  if (url.username || url.password) {
    throw usageError(
      'the server URL must not contain credentials',
      'use --user, --email, --pat-stdin or --header',
    );
  }
  if (url.search || url.hash)
    throw usageError(`malformed server URL '${shown}': remove the query or fragment`);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** True when two base URLs name the same Jira (scheme, host, port and context path). */
export function sameServer(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return normalizeServerUrl(a) === normalizeServerUrl(b);
  } catch {
    return false;
  }
}
