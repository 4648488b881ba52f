/**
 * Redirects are followed here rather than by fetch, so credentials never travel to another origin:
 * fetch runs with `redirect: 'manual'`, same-origin hops keep the headers, a hop elsewhere drops them.
 */

import { JiraError } from '../errors.js';
import type { EncodedBody } from './body.js';
import { redactUrl } from './redact.js';
import type { FetchLike } from './types.js';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface RedirectRequest {
  url: URL;
  method: string;
  body: EncodedBody['body'];
  headers: Headers;
  signal: AbortSignal | undefined;
  /** The configured server's origin: the only one credentials are sent to. */
  serverOrigin: string;
  fetchFor: (url: URL) => Promise<FetchLike>;
  /** The headers minus every credential, for a hop to another origin. */
  stripCredentials: (headers: Headers) => Headers;
  /** Called for every response received, redirects included (to take in cookies). */
  onHop: (res: Response, url: URL) => void;
}

/** Fetch, following up to five redirects; returns the first non-redirect response (unread). */
export async function followRedirects(req: RedirectRequest): Promise<Response> {
  let { url, method, body, headers } = req;
  let withCredentials = url.origin === req.serverOrigin;
  if (!withCredentials) headers = req.stripCredentials(headers);
  for (let hop = 0; ; hop++) {
    const fetchImpl = await req.fetchFor(url);
    const res = await fetchImpl(url.href, {
      method,
      headers,
      body: body as RequestInit['body'],
      redirect: 'manual',
      ...(req.signal ? { signal: req.signal } : {}),
    });
    req.onHop(res, url);
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || !location) return res;
    await res.body?.cancel().catch(() => {});
    if (hop >= MAX_REDIRECTS) {
      throw new JiraError(`Too many redirects (more than ${MAX_REDIRECTS}) from ${redactUrl(req.url)}`, {
        status: res.status,
        method: req.method,
        url: redactUrl(req.url),
      });
    }
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new JiraError(`Jira redirected to an unsupported URL: ${redactUrl(next)}`, {
        status: res.status,
        method: req.method,
        url: redactUrl(req.url),
      });
    }
    // 303 always, and 301/302 after a POST, turn into a GET without a body (as browsers do).
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      headers = new Headers(headers);
      headers.delete('content-type');
    }
    // Once credentials are dropped they stay dropped, even if a later hop comes back.
    if (withCredentials && next.origin !== req.serverOrigin) {
      withCredentials = false;
      headers = req.stripCredentials(headers);
    }
    url = next;
  }
}
