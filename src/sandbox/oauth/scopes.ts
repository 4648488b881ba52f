/**
 * Which classic OAuth 2.0 scope a Jira REST call needs, as the API gateway checks it, and the gateway's own
 * refusals (it answers in its `{code, message}` shape, not Jira's).
 */

/** The scope a request needs; `path` is the request path below the context path (`/rest/api/3/...`). */
export function requiredScope(method: string, path: string): string {
  const verb = method.toUpperCase();
  const resource = /^\/rest\/api\/[^/]+(\/.*)?$/.exec(path)?.[1] ?? '';
  if (verb === 'GET' || verb === 'HEAD' || verb === 'OPTIONS') {
    return /^\/(myself|user|group)/.test(resource) ? 'read:jira-user' : 'read:jira-work';
  }
  if (verb === 'POST' && /^\/(search(\/jql|\/approximate-count)?|issue\/bulkfetch)\/?$/.test(resource)) {
    return 'read:jira-work';
  }
  return 'write:jira-work';
}

function gatewayReply(status: number, message: string): Response {
  return new Response(JSON.stringify({ code: status, message }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A missing, unknown, expired or revoked access token. */
export function gatewayUnauthorized(): Response {
  return gatewayReply(401, 'Unauthorized');
}

/** A valid token whose grant lacks the scope the call needs. */
export function scopeMismatch(): Response {
  return gatewayReply(401, 'Unauthorized; scope does not match');
}

/** A cloudId that names no site. */
export function siteNotFound(): Response {
  return gatewayReply(404, 'Not Found');
}
