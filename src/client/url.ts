/** Server URL normalisation, request URL building and query encoding. */

import { ConfigurationError } from '../errors.js';
import { redactUrl } from './redact.js';
import type { QueryValue } from './types.js';

/** Validate and normalise a server base URL: http(s), no credentials, query or fragment, no trailing slash. */
export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ConfigurationError(`Invalid server URL: ${redactUrl(server)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`Server URL must start with http:// or https://: ${redactUrl(server)}`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError('Server URL must not contain credentials; pass them with `auth`.');
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(`Server URL must not have a query or fragment: ${redactUrl(server)}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Encode a query string; undefined values are left out, arrays become repeated keys. */
export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  const add = (key: string, value: string | number | boolean) =>
    // encodeURIComponent rather than URLSearchParams: a space must travel as %20, never as '+'.
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) add(key, item);
    else add(key, value as string | number | boolean);
  }
  return parts.join('&');
}

/** Resolve a request path (relative to the server, or absolute on its origin) and append a query. */
export function resolveUrl(server: string, path: string, query?: Record<string, QueryValue>): URL {
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    url = parsedUrl(path);
    if (url.origin !== new URL(server).origin) {
      throw new ConfigurationError(
        `Request URL ${redactUrl(url)} is not on the server ${server}; only the configured server is called.`,
      );
    }
  } else if (path.startsWith('/')) {
    url = parsedUrl(server + path);
  } else {
    throw new ConfigurationError(`Request path must start with '/' (got '${redactUrl(path)}').`);
  }
  const extra = encodeQuery(query);
  if (extra) url.search = url.search ? `${url.search}&${extra}` : `?${extra}`;
  return url;
}

/** A request URL, or a ConfigurationError naming it (redacted) when it cannot be parsed (`http://`, bad host). */
function parsedUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new ConfigurationError(`Invalid request URL: ${redactUrl(text)}`);
  }
}

/** True for 127.0.0.0/8, ::1 and localhost names, where plain HTTP never leaves the machine. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
