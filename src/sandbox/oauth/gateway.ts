/**
 * The API gateway: `B/ex/jira/{cloudId}/...` is served as `B/...`, marked as gateway traffic so that the
 * authenticator accepts OAuth 2.0 bearer tokens there (and only there). Incoming copies of the marker are always
 * removed first, so no client can claim to have come through the gateway.
 */
import { siteNotFound } from './scopes.js';

/** Internal header naming the site a request came through the gateway for. */
export const GATEWAY_SITE_HEADER = 'x-jirats-sandbox-gateway-site';

const GATEWAY_PATH = /^\/ex\/jira\/([^/]+)(\/.*)?$/;

/**
 * The request the app should see: unchanged (marker stripped) outside the gateway, rewritten and marked inside
 * it, or a 404 reply for an unknown cloudId.
 */
export async function routeGateway(
  request: Request,
  contextPath: string,
  isSite: ((cloudId: string) => boolean) | null,
): Promise<Request | Response> {
  const url = new URL(request.url);
  const inside = url.pathname.startsWith(`${contextPath}/ex/jira/`)
    ? GATEWAY_PATH.exec(url.pathname.slice(contextPath.length))
    : null;
  if (!inside || !isSite) return withoutMarker(request);
  const cloudId = decodeSegment(inside[1] ?? '');
  if (cloudId === undefined || !isSite(cloudId)) return siteNotFound();
  url.pathname = `${contextPath}${inside[2] ?? '/'}`;
  const headers = new Headers(request.headers);
  headers.set(GATEWAY_SITE_HEADER, cloudId);
  return rebuild(request, url, headers);
}

/** The site a (routed) request came through the gateway for, if any. */
export function gatewaySite(headers: Headers): string | undefined {
  return headers.get(GATEWAY_SITE_HEADER) ?? undefined;
}

async function withoutMarker(request: Request): Promise<Request> {
  if (!request.headers.has(GATEWAY_SITE_HEADER)) return request;
  const headers = new Headers(request.headers);
  headers.delete(GATEWAY_SITE_HEADER);
  return rebuild(request, new URL(request.url), headers);
}

/** A copy of `request` with another URL and headers; the body is read first (a stream cannot be handed over). */
async function rebuild(request: Request, url: URL, headers: Headers): Promise<Request> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    signal: request.signal,
    redirect: 'manual',
  });
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
