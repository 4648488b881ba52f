/**
 * Credentials are plain data so they can be stored, loaded and passed per call.
 * Every library method accepts `{ auth }` in its last argument; that one wins over the client's.
 */
export type Auth = BasicAuth | ApiTokenAuth | PatAuth | HeadersAuth | SessionAuth | AnonymousAuth;

/** HTTP Basic with a user name and password (Data Center). */
export interface BasicAuth {
  type: 'basic';
  username: string;
  password: string;
}

/** HTTP Basic with an account email and an API token (Cloud). */
export interface ApiTokenAuth {
  type: 'apiToken';
  email: string;
  token: string;
}

/** Personal access token sent as `Authorization: Bearer` (Data Center 8.14+). */
export interface PatAuth {
  type: 'pat';
  token: string;
}

/** Headers sent as given, such as your own `Authorization`. */
export interface HeadersAuth {
  type: 'headers';
  headers: Record<string, string>;
}

/** A session made by `jira.sessions.create()`, possibly resumed from JSON in another process. */
export interface SessionAuth {
  type: 'session';
  session: SessionData;
}

/** No credentials at all (what Jira serves to anonymous users). */
export interface AnonymousAuth {
  type: 'anonymous';
}

/** The serializable state of a session: what `session.toJSON()` gives and `Session.fromJSON()` takes. */
export interface SessionData {
  version: 1;
  /** The server the session belongs to (base URL, context path included). */
  server: string;
  /** Cookies held for the server, by name (JSESSIONID, atlassian.xsrf.token, ...). */
  cookies: Record<string, string>;
  /** Extra headers sent with every call of the session (for a session made from custom headers). */
  headers: Record<string, string>;
  /** The credential the session was made from, kept to renew an expired cookie; absent when not held. */
  credential?: Exclude<Auth, SessionAuth | AnonymousAuth>;
  /** Who the session belongs to, as Jira reported at creation. */
  user?: { name?: string; accountId?: string; displayName?: string };
  /** ISO timestamp of creation. */
  createdAt: string;
}
