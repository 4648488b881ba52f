/** Reply bodies and error shapes exactly as Jira sends them. */
import type { Flavor } from '../model.js';

/** Jira's content type for JSON replies. */
export const JSON_TYPE = 'application/json;charset=UTF-8';
/** Jira's content type for HTML pages and for empty 204 replies on Data Center. */
export const HTML_TYPE = 'text/html;charset=UTF-8';

/** The body Jira sends when a resource needs a signed-in caller (the one error not in ErrorCollection shape). */
export const NOT_AUTHENTICATED_BODY = {
  message: 'Client must be authenticated to access this resource.',
  'status-code': 401,
};

/** The 410 body of Cloud's removed `/rest/api/{2,3}/search` (CHANGE-2046). */
export const SEARCH_REMOVED_MESSAGE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

/** A JSON reply with Jira's content type. */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
  });
}

/** An ErrorCollection reply: `{"errorMessages":[...],"errors":{...}}`. */
export function errorResponse(
  status: number,
  errorMessages: readonly string[],
  errors: Record<string, string> = {},
  headers?: Record<string, string>,
): Response {
  return jsonResponse(status, { errorMessages, errors }, headers);
}

/** 401 with the `{"message","status-code"}` body. */
export function notAuthenticated(headers?: Record<string, string>): Response {
  return jsonResponse(401, NOT_AUTHENTICATED_BODY, headers);
}

/** 404 for a missing issue, or one the caller may not browse (Jira does not tell them apart). */
export function issueNotFound(flavor: Flavor): Response {
  return errorResponse(404, [
    flavor === 'datacenter'
      ? 'Issue Does Not Exist'
      : 'Issue does not exist or you do not have permission to see it.',
  ]);
}

/** 404 for a path no resource serves: Jira's REST layer answers with `null for uri: <url>`. */
export function routeNotFound(url: string): Response {
  return jsonResponse(404, { message: `null for uri: ${url}`, 'status-code': 404 });
}

/** 404 outside `/rest`: the servlet container's HTML page. */
export function pageNotFound(): Response {
  return new Response(htmlPage('Not Found (404)', 'The page you requested was not found.'), {
    status: 404,
    headers: { 'Content-Type': HTML_TYPE },
  });
}

/** The HTML page Data Center sends when Basic authentication fails or is denied. */
export function seraphPage(
  status: 401 | 403,
  reason: 'AUTHENTICATED_FAILED' | 'AUTHENTICATION_DENIED',
): string {
  const title = status === 401 ? 'Unauthorized (401)' : 'Forbidden (403)';
  return htmlPage(title, `Basic Authentication Failure - Reason : ${reason}`);
}

function htmlPage(title: string, message: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>${message}</p></body></html>
`;
}
