/**
 * Who is calling. Data Center: Basic name:password (with Seraph's CAPTCHA after three wrong passwords),
 * Bearer personal access tokens, and JSESSIONID cookie sessions. Cloud: Basic email:API-token and its
 * `tenant.session.token` cookie. No credentials means anonymous; a bad or expired one is refused, never
 * silently downgraded.
 */
import type { Flavor, ProjectRecord, UserRecord } from './model.js';
import { gatewaySite } from './oauth/gateway.js';
import type { SignedRequest } from './oauth/oauth1-signature.js';
import { gatewayUnauthorized } from './oauth/scopes.js';
import type { OAuthVerifier } from './oauth/verifier.js';
import { HTML_TYPE, notAuthenticated, seraphPage } from './render/responses.js';
import { jiraTimestamp } from './render/time.js';
import { parseCookies, type SessionRecord, SessionTable } from './sessions.js';
import type { Store } from './store.js';

/** Wrong passwords in a row after which Data Center demands a CAPTCHA (refusing even the right one). */
export const CAPTCHA_THRESHOLD = 3;

export interface Caller {
  user: UserRecord | null;
  via: 'anonymous' | 'basic' | 'pat' | 'session' | 'oauth2' | 'oauth1';
  /** The scopes of an OAuth 2.0 caller's grant. */
  scopes?: readonly string[];
  /** The session the call used or opened. */
  session: SessionRecord | null;
  /** The session was opened by this call: its cookies go out with the reply. */
  newSession: boolean;
}

export type AuthOutcome = { ok: true; caller: Caller } | { ok: false; response: Response };

export type LoginOutcome =
  | { ok: true; user: UserRecord; session: SessionRecord }
  | { ok: false; status: 401 | 403 };

interface LoginStats {
  loginCount: number;
  failedLoginCount: number;
  lastFailedLoginTime: number | null;
  previousLoginTime: number | null;
}

/** Checks credentials per flavor and keeps the CAPTCHA counters, login statistics and cookie sessions. */
export class Authenticator {
  readonly sessions: SessionTable;
  private readonly failures = new Map<string, number>();
  private readonly stats = new Map<string, LoginStats>();

  constructor(
    private readonly flavor: Flavor,
    private readonly store: Store,
    sessionTtlMs: number,
    private readonly cookiePath: string,
    /** OAuth 2.0 bearer tokens (gateway only) and OAuth 1.0a signatures (Data Center). */
    private readonly oauth?: OAuthVerifier,
  ) {
    this.sessions = new SessionTable(sessionTtlMs);
  }

  /** The name of the session cookie on this flavor. */
  get sessionCookie(): string {
    return this.flavor === 'datacenter' ? 'JSESSIONID' : 'tenant.session.token';
  }

  /**
   * Identifies the caller of a request, or gives the refusal to send instead. `request` is what an OAuth 1.0a
   * signature covers; without it such signatures are refused.
   */
  authenticate(headers: Headers, base: string, request?: SignedRequest): AuthOutcome {
    if (gatewaySite(headers) !== undefined) return this.throughGateway(headers);
    const sessionId = parseCookies(headers.get('cookie')).get(this.sessionCookie);
    const session = sessionId === undefined ? undefined : this.sessions.use(sessionId);
    const authorization = headers.get('authorization');
    if (authorization !== null && authorization.trim() !== '') {
      return this.fromAuthorization(authorization.trim(), base, session, request);
    }
    if (sessionId !== undefined) {
      const user = session ? this.store.userByName(session.userName) : undefined;
      if (!session || !user?.active) return { ok: false, response: notAuthenticated() };
      return { ok: true, caller: { user, via: 'session', session, newSession: false } };
    }
    return { ok: true, caller: { user: null, via: 'anonymous', session: null, newSession: false } };
  }

  /** `POST /rest/auth/1/session`: checks name and password, opening a session on success. */
  login(username: string, password: string): LoginOutcome {
    const key = username.toLowerCase();
    if ((this.failures.get(key) ?? 0) >= CAPTCHA_THRESHOLD) return { ok: false, status: 403 };
    const user = this.store.userByName(username);
    if (!user?.active || user.password !== password) {
      this.recordFailure(key, user);
      return { ok: false, status: 401 };
    }
    this.failures.delete(key);
    return { ok: true, user, session: this.openSession(user) };
  }

  /** `loginInfo` of the session resource for `user`. */
  loginInfo(user: UserRecord): Record<string, unknown> {
    const s = this.statsFor(user);
    const info: Record<string, unknown> = { failedLoginCount: s.failedLoginCount, loginCount: s.loginCount };
    if (s.lastFailedLoginTime !== null)
      info.lastFailedLoginTime = jiraTimestamp(new Date(s.lastFailedLoginTime));
    if (s.previousLoginTime !== null) info.previousLoginTime = jiraTimestamp(new Date(s.previousLoginTime));
    return info;
  }

  /** `Set-Cookie` values for a session opened by this call. */
  sessionCookies(session: SessionRecord): string[] {
    const path = this.cookiePath;
    if (this.flavor === 'cloud') return [`tenant.session.token=${session.id}; Path=${path}; HttpOnly`];
    return [
      `JSESSIONID=${session.id}; Path=${path}; HttpOnly`,
      `atlassian.xsrf.token=${session.xsrfToken}; Path=${path}`,
    ];
  }

  /** A `Set-Cookie` value that makes the client drop the session cookie (logout). */
  clearedSessionCookie(): string {
    return `${this.sessionCookie}=; Path=${this.cookiePath}; Max-Age=0; HttpOnly`;
  }

  private fromAuthorization(
    authorization: string,
    base: string,
    session: SessionRecord | undefined,
    request: SignedRequest | undefined,
  ): AuthOutcome {
    const space = authorization.indexOf(' ');
    const scheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
    const credential = space < 0 ? '' : authorization.slice(space + 1).trim();
    if (scheme === 'basic') return this.basic(credential, base, session);
    if (scheme === 'bearer' && this.flavor === 'datacenter') {
      const user = this.store.state.users.find((u) => u.active && u.pats.includes(credential));
      if (!user) return { ok: false, response: notAuthenticated() };
      return { ok: true, caller: { user, via: 'pat', session: null, newSession: false } };
    }
    if (scheme === 'oauth' && this.flavor === 'datacenter' && this.oauth && request) {
      const outcome = this.oauth.signed(request, authorization, base);
      if (!outcome.ok) return outcome;
      return { ok: true, caller: { user: outcome.user, via: 'oauth1', session: null, newSession: false } };
    }
    return { ok: false, response: notAuthenticated() };
  }

  /** The API gateway takes OAuth 2.0 bearer tokens only, and answers in its own shape. */
  private throughGateway(headers: Headers): AuthOutcome {
    const match = /^bearer\s+(\S+)$/i.exec(headers.get('authorization')?.trim() ?? '');
    const bearer = match?.[1] && this.oauth ? this.oauth.bearer(match[1]) : undefined;
    if (!bearer) return { ok: false, response: gatewayUnauthorized() };
    const caller: Caller = {
      user: bearer.user,
      via: 'oauth2',
      scopes: bearer.scopes,
      session: null,
      newSession: false,
    };
    return { ok: true, caller };
  }

  private basic(credential: string, base: string, current: SessionRecord | undefined): AuthOutcome {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const login = colon < 0 ? decoded : decoded.slice(0, colon);
    const secret = colon < 0 ? '' : decoded.slice(colon + 1);
    if (this.flavor === 'cloud') {
      const user = this.store.userByEmail(login);
      if (!user?.active || !user.apiTokens.includes(secret)) {
        const { 'X-AUSERNAME': _dataCenterOnly, ...headers } = failureHeaders(base, 'AUTHENTICATED_FAILED');
        return { ok: false, response: notAuthenticated(headers) };
      }
      return { ok: true, caller: this.basicCaller(user, current) };
    }
    const key = login.toLowerCase();
    if ((this.failures.get(key) ?? 0) >= CAPTCHA_THRESHOLD) {
      return { ok: false, response: captchaChallenge(base) };
    }
    const user = this.store.userByName(login);
    if (!user?.active || user.password !== secret) {
      this.recordFailure(key, user);
      const headers = { ...failureHeaders(base, 'AUTHENTICATED_FAILED'), 'Content-Type': HTML_TYPE };
      return {
        ok: false,
        response: new Response(seraphPage(401, 'AUTHENTICATED_FAILED'), { status: 401, headers }),
      };
    }
    this.failures.delete(key);
    return { ok: true, caller: this.basicCaller(user, current) };
  }

  /** A Basic caller keeps a valid session of its own, else the call opens one (Jira sets the cookies). */
  private basicCaller(user: UserRecord, current: SessionRecord | undefined): Caller {
    if (current && current.userName === user.name) {
      return { user, via: 'basic', session: current, newSession: false };
    }
    return { user, via: 'basic', session: this.openSession(user), newSession: true };
  }

  private openSession(user: UserRecord): SessionRecord {
    const stats = this.statsFor(user);
    stats.loginCount += 1;
    stats.previousLoginTime = Date.now();
    return this.sessions.create(user.name);
  }

  private recordFailure(key: string, user: UserRecord | undefined): void {
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
    if (user) {
      const stats = this.statsFor(user);
      stats.failedLoginCount += 1;
      stats.lastFailedLoginTime = Date.now();
    }
  }

  private statsFor(user: UserRecord): LoginStats {
    let stats = this.stats.get(user.name);
    if (!stats) {
      stats = { loginCount: 0, failedLoginCount: 0, lastFailedLoginTime: null, previousLoginTime: null };
      this.stats.set(user.name, stats);
    }
    return stats;
  }
}

/** Admins browse everything; others need the project open to all signed-in users or to list them. */
export function canBrowse(user: UserRecord | null, project: ProjectRecord | undefined): boolean {
  if (!user || !project) return false;
  if (user.admin) return true;
  return project.browsers.length === 0 || project.browsers.includes(user.name);
}

function failureHeaders(base: string, reason: string): Record<string, string> {
  return {
    'X-Seraph-LoginReason': reason,
    'X-AUSERNAME': 'anonymous',
    'WWW-Authenticate': `OAuth realm="${encodeURIComponent(base)}"`,
  };
}

/** Data Center's 403 once a user name needs a CAPTCHA: the right password is refused too. */
export function captchaChallenge(base: string): Response {
  return new Response(seraphPage(403, 'AUTHENTICATION_DENIED'), {
    status: 403,
    headers: {
      'Content-Type': HTML_TYPE,
      'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
      'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${base}/login.jsp`,
      'X-AUSERNAME': 'anonymous',
    },
  });
}
