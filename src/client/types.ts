import type { Auth, OAuth2Auth } from '../auth/types.js';

/** Which kind of Jira a client talks to. */
export type Deployment = 'cloud' | 'datacenter';

/** A WHATWG `fetch` function: the global one, undici's, or the sandbox's in-process one. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** How failed calls are retried. */
export interface RetryOptions {
  /** Retries after the first try (default 4; 0 turns retrying off). */
  retries?: number;
  /** First backoff ceiling in ms when Jira gives no Retry-After (default 1000); doubles per retry. */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms (default 30_000). */
  maxDelayMs?: number;
  /** A Retry-After longer than this (ms) is not waited for; the call fails at once (default 120_000). */
  maxRetryAfterMs?: number;
}

/** What `beforeRequest` hooks see: the URL is already redacted. */
export interface BeforeRequestState {
  method: string;
  url: string;
  attempt: number;
}

/** What `afterResponse` hooks see: URL and headers are already redacted. */
export interface AfterResponseState {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  attempt: number;
  durationMs: number;
}

/** What `beforeRetry` hooks see: `attempt` is the attempt about to be sent (2 for the first retry). */
export interface BeforeRetryState {
  method: string;
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

/** Callbacks run around every HTTP exchange; a hook that throws fails the call. */
export interface Hooks {
  beforeRequest?: ((s: BeforeRequestState) => void | Promise<void>)[];
  afterResponse?: ((s: AfterResponseState) => void | Promise<void>)[];
  beforeRetry?: ((s: BeforeRetryState) => void | Promise<void>)[];
}

/** Which response headers to log: case-insensitive wildcard patterns such as `x-arequestid` or `x-ratelimit-*`. */
export interface HeaderLogConfig {
  include: string[];
  exclude?: string[];
}

/** Options of `new Jira()`. */
export interface JiraOptions {
  /** Base URL, may include a context path (`https://host/jira`); a trailing slash is ignored. */
  server: string;
  /** OAuth 2.0 servers and the callback that receives rotated tokens. */
  oauth?: OAuthClientOptions;
  /** Default `{ type: 'anonymous' }`. */
  auth?: Auth;
  /** Else detected once from `GET /rest/api/2/serverInfo`; a failed detection throws. */
  deployment?: Deployment;
  /** Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Per attempt, default 100_000; 0 = none. */
  timeoutMs?: number;
  retry?: RetryOptions;
  hooks?: Hooks;
  /** Extra trusted CA certificates (PEM text). */
  ca?: string | string[];
  /** Skip TLS certificate verification (a warning goes to `onWarning`). */
  insecure?: boolean;
  /** HTTP(S) proxy URL. */
  proxy?: string;
  /** NO_PROXY-style comma list of hosts or suffixes that bypass the proxy. */
  noProxy?: string;
  /** Allow Basic/Bearer credentials over `http://` to hosts other than loopback. */
  allowInsecureHttp?: boolean;
  /** Log matching response headers through `logger`. */
  responseHeaderLog?: HeaderLogConfig;
  /** Receives debug lines and response-header lines, already redacted. */
  logger?: (line: string) => void;
  /** Log every request and response (method, redacted URL, status, timing) through `logger`. */
  debug?: boolean;
  onWarning?: (message: string) => void;
  /** Reference-data cache lifetime, default 300_000 ms. */
  cacheTtlMs?: number;
  /** Default `jirats/<version>`. */
  userAgent?: string;
}

/** Options of `new Jira()` with OAuth 2.0: without `server`, calls go to `{apiGateway}/ex/jira/{cloudId}`. */
export type OAuth2JiraOptions = Omit<JiraOptions, 'server' | 'auth'> & { server?: string; auth: OAuth2Auth };

/** OAuth 2.0 (3LO) settings of a client. */
export interface OAuthClientOptions {
  /** Default https://auth.atlassian.com (token refresh). */
  authorizationServer?: string;
  /** Default https://api.atlassian.com (calls and the site lookup). */
  apiGateway?: string;
  /**
   * Receives the new tokens after each refresh, before any call uses them; store them at once, because the
   * refresh token they replace no longer works. Awaited; a failure fails the call that caused the refresh.
   */
  onTokenRefresh?: (auth: OAuth2Auth) => void | Promise<void>;
}

/** The last argument of every library method. */
export interface CallOptions {
  signal?: AbortSignal;
  /** A credential for this call only; wins over the client's auth and session. */
  auth?: Auth;
}

/** A query parameter value; arrays are sent as repeated keys (`a=1&a=2`). */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** A raw call for `jira.request()` and `jira.paginate()`. */
export interface RequestSpec {
  /** Default GET. */
  method?: string;
  /** Relative to the server and starting with `/`, or an absolute URL on the server's origin. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON-encoded unless a string, Uint8Array, ArrayBuffer, FormData, Blob or URLSearchParams. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * How to read a successful reply: parsed JSON (default), text, bytes, or `stream`: the Response itself with
   * its body unread, for downloads written to disk as they arrive (the caller must consume or cancel it).
   */
  responseType?: 'json' | 'text' | 'bytes' | 'stream';
  /**
   * Safe to send twice even when the method is not (a POST that only reads, such as a JQL search), so it is
   * retried after a dropped connection or a 502/504 like a GET. Default: decided by the method.
   */
  idempotent?: boolean;
}

/** How a list endpoint pages. */
export interface PagingSpec {
  /** offset: startAt/maxResults/total/isLast; token: nextPageToken/isLast. */
  style: 'offset' | 'token';
  /** The array in each page: 'issues', 'values', 'comments', ... */
  itemsKey: string;
  /** Stop after this many items. */
  first?: number;
  /** Leave out this many items from the start (emulated by discarding on token paging). */
  skip?: number;
  /** Items asked for per request (`maxResults`). */
  pageSize?: number;
  /** Where paging parameters go: the query string (default) or the JSON body. */
  method?: 'query' | 'body';
}

/** Options of `jira.issues.search()`. */
export interface SearchOptions {
  fields?: string[];
  expand?: string[];
  first?: number;
  skip?: number;
  pageSize?: number;
  /** Page requests in flight at once (default 4); 1 pages one request after another. */
  concurrency?: number;
}
