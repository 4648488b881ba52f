import { errorResponse, HTML_TYPE, jsonResponse, notAuthenticated } from '../render/responses.js';
import type { RouteDeps, SandboxApp } from './context.js';

/**
 * Data Center's cookie sessions at `/rest/auth/1/session`: POST logs in with `{username, password}`, GET says
 * who the session belongs to, DELETE logs out. Cloud serves none of it (404), as Cloud removed cookie auth.
 */
export function registerSession(app: SandboxApp, deps: RouteDeps): void {
  if (deps.flavor !== 'datacenter') return;
  const route = deps.path('/rest/auth/1/session');

  app.post(route, async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const { username, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (typeof username !== 'string' || typeof password !== 'string') {
      return errorResponse(400, ['Username and password are required.']);
    }
    const outcome = deps.auth.login(username, password);
    if (!outcome.ok && outcome.status === 403) {
      return errorResponse(
        403,
        ['Login denied'],
        {},
        {
          'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
          'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${c.get('base')}/login.jsp`,
        },
      );
    }
    if (!outcome.ok)
      return errorResponse(401, ['Login failed'], {}, { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' });
    const response = jsonResponse(200, {
      session: { name: 'JSESSIONID', value: outcome.session.id },
      loginInfo: deps.auth.loginInfo(outcome.user),
    });
    for (const cookie of deps.auth.sessionCookies(outcome.session))
      response.headers.append('Set-Cookie', cookie);
    return response;
  });

  app.get(route, (c) => {
    const user = c.get('caller').user;
    if (!user) return notAuthenticated();
    return jsonResponse(200, {
      self: `${c.get('base')}/rest/api/latest/user?username=${encodeURIComponent(user.name)}`,
      name: user.name,
      loginInfo: deps.auth.loginInfo(user),
    });
  });

  app.delete(route, (c) => {
    const caller = c.get('caller');
    if (!caller.user) return notAuthenticated();
    if (caller.session) deps.auth.sessions.remove(caller.session.id);
    // The session is gone: do not hand out its cookie on the way out.
    caller.newSession = false;
    const response = new Response(null, { status: 204, headers: { 'Content-Type': HTML_TYPE } });
    response.headers.append('Set-Cookie', deps.auth.clearedSessionCookie());
    return response;
  });
}
