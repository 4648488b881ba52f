/** Reading the reason Jira gives when it refuses an OAuth 1.0a request. */

/** The `oauth_problem` Jira names in `WWW-Authenticate` or in the body. */
export function oauthProblem(headers: Headers, body = ''): string | undefined {
  const fromHeader = /oauth_problem="([^"]*)"/.exec(headers.get('www-authenticate') ?? '')?.[1];
  const raw = fromHeader || /(?:^|&)oauth_problem=([^&\s]*)/.exec(body.trim())?.[1];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
