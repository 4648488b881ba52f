/** The internal face of a client that resource modules (src/api) and session flows build on. */

import type { Session } from '../auth/session.js';
import type { CallOptions, Deployment, PagingSpec, RequestSpec } from './types.js';

/** Call options the library uses internally, beyond the public CallOptions. */
export interface InternalCallOptions extends CallOptions {
  /** Send as exactly this session (ignores the client's auth and session). */
  session?: Session;
  /** Record cookies set by responses into this session (while logging in). */
  capture?: Session;
  /** Do not renew a session on 401 (renewal itself, logout). */
  noRenew?: boolean;
}

/** What src/api functions receive instead of the Jira class, so they stay free of its internals. */
export interface JiraCore {
  /** The normalized base URL. */
  readonly server: string;
  send<T>(spec: RequestSpec, opts?: InternalCallOptions): Promise<T>;
  paginate<T>(spec: RequestSpec, paging: PagingSpec, opts?: CallOptions): AsyncGenerator<T>;
  deployment(opts?: CallOptions): Promise<Deployment>;
}
