/**
 * Credentials are plain data so they can be stored, loaded and passed per call.
 * Every library method accepts `{ auth }` in its last argument; that one wins over the client's.
 */
export type Auth =
  | BasicAuth
  | ApiTokenAuth
  | PatAuth
  | HeadersAuth
  | SessionAuth
  | OAuth2Auth
  | OAuth1Auth
  | AnonymousAuth;

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

/**
 * OAuth 2.0 (3LO) tokens for Jira Cloud. Calls go through the API gateway (`{apiGateway}/ex/jira/{cloudId}`);
 * the access token is refreshed shortly before `expiresAt` and once after a 401, and rotated tokens reach
 * the caller through the client's `oauth.onTokenRefresh`.
 */
export interface OAuth2Auth {
  type: 'oauth2';
  clientId: string;
  /** Needed by confidential apps to refresh; public (PKCE-only) apps omit it. */
  clientSecret?: string;
  accessToken: string;
  /** Present when the grant included `offline_access`; without it an expired token cannot be renewed. */
  refreshToken?: string;
  /** When the access token expires, as an ISO 8601 timestamp. */
  expiresAt?: string;
  /** The site; looked up through accessible-resources when omitted (the first site when only one). */
  cloudId?: string;
}

/** OAuth 1.0a for Data Center application links: every request is signed with RSA-SHA1. */
export interface OAuth1Auth {
  type: 'oauth1';
  consumerKey: string;
  /** The consumer's RSA private key, PEM text. */
  privateKey: string;
  /** The access token from the OAuth dance. */
  token: string;
  /** Jira sends one with the access token; RSA-SHA1 does not use it, but it is kept for completeness. */
  tokenSecret: string;
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
