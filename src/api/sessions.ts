/**
 * Creating, renewing and removing sessions. Data Center with a user name and password logs in through
 * POST /rest/auth/1/session (the resource that issues JSESSIONID); every other credential authenticates once
 * with GET /rest/api/2/myself and keeps whatever cookies Jira sets (Cloud's tenant.session.token, ...).
 */

import { Session } from '../auth/session.js';
import type { Auth, SessionData } from '../auth/types.js';
import type { InternalCallOptions, JiraCore } from '../client/core.js';
import type { CallOptions } from '../client/types.js';
import { ConfigurationError, isJiraError } from '../errors.js';

type Credential = Exclude<Auth, { type: 'session' } | { type: 'anonymous' }>;

export interface CreateSessionOptions extends CallOptions {
  /** Keep the credential in the session so an expired cookie is renewed (default true). */
  keepCredential?: boolean;
}

/** Authenticate once with `auth` and return the resulting session. */
export async function createSession(
  core: JiraCore,
  auth: Auth,
  opts: CreateSessionOptions = {},
): Promise<Session> {
  const { keepCredential = true, ...call } = opts;
  if (auth.type === 'anonymous') {
    throw new ConfigurationError('A session needs a credential: pass basic, apiToken, pat or headers auth.');
  }
  if (auth.type === 'session') {
    const resumed = Session.fromJSON(auth.session);
    await login(core, resumed, call, true);
    return resumed;
  }
  const data: SessionData = {
    version: 1,
    server: core.server,
    cookies: {},
    headers: auth.type === 'headers' ? { ...auth.headers } : {},
    createdAt: new Date().toISOString(),
  };
  const session = Session.fromJSON(data);
  await login(core, session, call, false, auth);
  if (keepCredential) session.data.credential = structuredClone(auth);
  else if (!session.hasCookies() && Object.keys(session.data.headers).length === 0) {
    throw new ConfigurationError(
      'Jira set no session cookie for this credential, so the session must keep it: use keepCredential: true.',
    );
  }
  return session;
}

/** Log in (or, for a resumed session, check it) and record who the session belongs to. */
async function login(
  core: JiraCore,
  session: Session,
  call: CallOptions,
  resumed: boolean,
  credential: Credential | undefined = session.data.credential,
): Promise<void> {
  const signal = call.signal ? { signal: call.signal } : {};
  let me: unknown;
  if (resumed) {
    me = await core.send({ path: '/rest/api/2/myself' }, { ...signal, session });
  } else if (
    credential?.type === 'basic' &&
    (await core.deployment({ ...call, auth: credential })) === 'datacenter'
  ) {
    const reply = await core.send<unknown>(
      {
        method: 'POST',
        path: '/rest/auth/1/session',
        body: { username: credential.username, password: credential.password },
      },
      { ...signal, auth: { type: 'anonymous' }, capture: session },
    );
    adoptSessionCookie(session, reply);
    me = await core.send({ path: '/rest/api/2/myself' }, { ...signal, session, noRenew: true });
  } else if (credential) {
    me = await core.send({ path: '/rest/api/2/myself' }, { ...signal, auth: credential, capture: session });
  } else {
    throw new ConfigurationError('This session holds no credential to sign in with.');
  }
  const user = typeof me === 'object' && me !== null ? (me as Record<string, unknown>) : {};
  session.data.user = {};
  for (const key of ['name', 'accountId', 'displayName'] as const) {
    if (typeof user[key] === 'string') session.data.user[key] = user[key] as string;
  }
}

// The login reply names the cookie too; use it when no Set-Cookie was visible (some fetch wrappers hide it).
function adoptSessionCookie(session: Session, reply: unknown): void {
  const cookie = (reply as { session?: { name?: unknown; value?: unknown } } | undefined)?.session;
  if (
    typeof cookie?.name === 'string' &&
    typeof cookie.value === 'string' &&
    !(cookie.name in session.data.cookies)
  ) {
    session.data.cookies[cookie.name] = cookie.value;
  }
}

/** Sign in again with the credential the session holds, replacing its cookies. */
export async function renewSession(core: JiraCore, session: Session, signal?: AbortSignal): Promise<void> {
  const credential = session.data.credential;
  if (!credential) throw new ConfigurationError('This session holds no credential to renew it with.');
  session.replaceCookies({});
  await login(core, session, signal ? { signal } : {}, false, credential);
}

/** Log out where Jira has a session resource (Data Center, when the session holds cookies). */
export async function removeSession(core: JiraCore, session: Session, opts: CallOptions = {}): Promise<void> {
  if (!session.hasCookies()) return;
  const call: InternalCallOptions = {
    session,
    noRenew: true,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  let deployment: string;
  try {
    deployment = await core.deployment({ ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch {
    return; // Without knowing the flavor, forgetting the session locally is all that can be done.
  }
  if (deployment !== 'datacenter') return;
  try {
    await core.send({ method: 'DELETE', path: '/rest/auth/1/session' }, call);
  } catch (error) {
    // Already expired (401) or no session resource (404): the session is gone either way.
    if (isJiraError(error) && (error.status === 401 || error.status === 404)) return;
    throw error;
  }
}
