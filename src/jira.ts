/**
 * The Jira client: options, auth resolution, and the resource namespaces. All state lives on the instance
 * (no globals), so several clients for different servers or users coexist in one process.
 */

import type { ComponentsApi } from './api/components.js';
import type { FiltersApi } from './api/filters.js';
import type { GroupsApi } from './api/groups.js';
import { type IssuesApi, issuesApi } from './api/issues.js';
import {
  deferredReference,
  lazyComponents,
  lazyFilters,
  lazyGroups,
  lazyProjects,
  lazyUsers,
  lazyVersions,
} from './api/lazy-namespaces.js';
import { fetchMyself } from './api/myself.js';
import type { ProjectsApi } from './api/projects.js';
import type {
  CachedLoader,
  CacheType,
  FieldsApi,
  IssueLinkTypesApi,
  IssueTypesApi,
  PrioritiesApi,
  ResolutionsApi,
  StatusesApi,
} from './api/reference.js';
import { fetchServerInfo } from './api/server-info.js';
import { type CreateSessionOptions, createSession, removeSession, renewSession } from './api/sessions.js';
import type { UsersApi } from './api/users.js';
import type { VersionsApi } from './api/versions.js';
import { checkAuth } from './auth/check.js';
import { ClientCredentials } from './auth/client-credentials.js';
import { Session } from './auth/session.js';
import type { Auth, SessionAuth } from './auth/types.js';
import { identityOf, TtlCache } from './client/cache.js';
import type { InternalCallOptions, JiraCore } from './client/core.js';
import { DeploymentDetector } from './client/deployment.js';
import { HeaderLog } from './client/header-log.js';
import { paginate } from './client/paginate.js';
import { type AuthSource, RequestPipeline } from './client/request.js';
import { retryPolicy } from './client/retry.js';
import { Transport } from './client/transport.js';
import type {
  CallOptions,
  Deployment,
  HeaderLogConfig,
  JiraOptions,
  OAuth2JiraOptions,
  PagingSpec,
  RequestSpec,
} from './client/types.js';
import { normalizeServer } from './client/url.js';
import { ConfigurationError } from './errors.js';
import type { ServerInfo } from './models/server-info.js';
import type { User } from './models/user.js';
import { VERSION } from './version.js';

/** `jira.sessions`: sign in once, then every call uses the session. */
export interface SessionsApi {
  /** Authenticate once (default: the client's credential); the client then uses the session. */
  create(auth?: Auth, opts?: CreateSessionOptions): Promise<Session>;
  /** The session the client uses, if any. */
  get(): Session | undefined;
  /** Log out where the server has a session resource, then forget the session. */
  remove(opts?: CallOptions): Promise<void>;
}

/** `jira.headerLog`: response-header logging, changeable at run time. */
export interface HeaderLogApi {
  set(cfg: HeaderLogConfig): void;
  get(): HeaderLogConfig | undefined;
  disable(): void;
}

/** A client for one Jira server. */
export class Jira {
  readonly issues: IssuesApi;
  readonly fields: FieldsApi;
  readonly priorities: PrioritiesApi;
  readonly statuses: StatusesApi;
  readonly issueTypes: IssueTypesApi;
  readonly resolutions: ResolutionsApi;
  readonly issueLinkTypes: IssueLinkTypesApi;
  readonly users: UsersApi;
  readonly groups: GroupsApi;
  readonly projects: ProjectsApi;
  readonly components: ComponentsApi;
  readonly versions: VersionsApi;
  readonly filters: FiltersApi;
  readonly sessions: SessionsApi;
  readonly headerLog: HeaderLogApi;

  readonly #options: JiraOptions | OAuth2JiraOptions;
  readonly #baseAuth: Auth;
  readonly #pipeline: RequestPipeline;
  readonly #transport: Transport;
  readonly #credentials: ClientCredentials;
  readonly #cache: TtlCache;
  readonly #detector: DeploymentDetector;
  readonly #core: JiraCore;
  #session: Session | undefined;
  #headerLog: HeaderLog | undefined;

  constructor(options: JiraOptions | OAuth2JiraOptions) {
    if (typeof options !== 'object' || options === null)
      throw new ConfigurationError('Jira options are required');
    this.#options = options;
    this.#baseAuth = checkAuth(options.auth ?? { type: 'anonymous' });
    this.#transport = new Transport({
      ...options,
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
    this.#credentials = new ClientCredentials(options, this.#baseAuth, (url) =>
      this.#transport.fetchFor(url),
    );
    const timeoutMs = options.timeoutMs ?? 100_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
      throw new ConfigurationError('timeoutMs must be a number >= 0');
    if (this.#baseAuth.type === 'session') this.#session = this.#adopt(this.#baseAuth.session);
    this.#cache = new TtlCache(options.cacheTtlMs ?? 300_000);
    const oauth2 = this.#baseAuth.type === 'oauth2';
    this.#detector = new DeploymentDetector(
      this.server,
      options.deployment ?? (oauth2 ? 'cloud' : undefined),
    );
    if (options.responseHeaderLog) this.#setHeaderLog(options.responseHeaderLog);
    this.#pipeline = new RequestPipeline(
      {
        server: this.server,
        transport: this.#transport,
        timeoutMs,
        retry: retryPolicy(options.retry),
        hooks: options.hooks ?? {},
        userAgent: options.userAgent ?? `jirats/${VERSION}`,
        allowInsecureHttp: options.allowInsecureHttp === true,
        debug: options.debug === true,
        logger: options.logger,
        headerLog: () => this.#headerLog,
      },
      this.#credentials.serverUrl.resolve?.bind(this.#credentials.serverUrl),
    );
    this.#core = {
      server: this.server,
      send: (spec, opts) => this.#send(spec, opts),
      paginate: (spec, paging, opts) => paginate((page) => this.#send(page, opts), spec, paging),
      deployment: (opts) => this.deployment(opts),
    };
    this.issues = issuesApi(this.#core);
    const reference = deferredReference(this.#core, this.#cachedLoader());
    this.fields = reference.fields;
    this.priorities = reference.priorities;
    this.statuses = reference.statuses;
    this.issueTypes = reference.issueTypes;
    this.resolutions = reference.resolutions;
    this.issueLinkTypes = reference.issueLinkTypes;
    this.users = lazyUsers(this.#core);
    this.groups = lazyGroups(this.#core);
    this.projects = lazyProjects(this.#core);
    this.components = lazyComponents(this.#core);
    this.versions = lazyVersions(this.#core);
    this.filters = lazyFilters(this.#core);
    this.sessions = {
      create: (auth, opts) => this.#createSession(auth, opts),
      get: () => this.#session,
      remove: (opts) => this.#removeSession(opts),
    };
    this.headerLog = {
      set: (cfg) => this.#setHeaderLog(cfg),
      get: () => (this.#headerLog ? structuredClone(this.#headerLog.config) : undefined),
      disable: () => {
        this.#headerLog = undefined;
      },
    };
  }

  /** Normalized base URL (context path included, no trailing slash); with OAuth 2.0, see ServerUrl. */
  get server(): string {
    return this.#credentials.serverUrl.current;
  }

  /** Cloud or Data Center: the `deployment` option, else detected once from serverInfo. */
  deployment(opts?: CallOptions): Promise<Deployment> {
    return this.#detector.get(async () => (await this.serverInfo(opts)).deploymentType);
  }

  /** Server version and deployment type, cached per identity for `cacheTtlMs` unless `fresh`. */
  async serverInfo(opts: CallOptions & { fresh?: boolean } = {}): Promise<ServerInfo> {
    const { fresh, ...call } = opts;
    const key = `${this.server}|serverinfo|${await this.#identity(call)}`;
    return this.#cache.getOrLoad(key, () => fetchServerInfo(this.#core, call), fresh === true);
  }

  /** The user the client (or the call's `auth`) is signed in as. */
  myself(opts?: CallOptions): Promise<User> {
    return fetchMyself(this.#core, opts);
  }

  /** Call any REST resource (the escape hatch, as Invoke-JiraMethod). */
  request<T = unknown>(req: RequestSpec, opts?: CallOptions): Promise<T> {
    return this.#send<T>(req, opts);
  }

  /** Iterate a paged REST resource of your choice (lazy). */
  paginate<T = unknown>(req: RequestSpec, paging: PagingSpec, opts?: CallOptions): AsyncIterable<T> {
    return this.#core.paginate<T>(req, paging, opts);
  }

  /** Forget cached reference data: one kind (for every identity), or everything when `type` is omitted. */
  clearCache(type?: CacheType): void {
    if (type === undefined) {
      this.#cache.clear();
      return;
    }
    if (!CACHE_TYPES.includes(type)) {
      throw new ConfigurationError(
        `Unknown cache type '${String(type)}' (expected ${CACHE_TYPES.join(', ')})`,
      );
    }
    this.#cache.clearWhere((key) => key.startsWith(`${this.server}|${type}|`));
  }

  /** Reference lists share the serverInfo cache: one entry per server, kind and caller identity. */
  #cachedLoader(): CachedLoader {
    return async (type, load, opts) => {
      const { fresh, ...call } = opts;
      const key = `${this.server}|${type}|${await this.#identity(call)}`;
      return this.#cache.getOrLoad(key, load, fresh === true);
    };
  }

  /** Close pooled connections held for `ca`/`insecure`/`proxy` (plain fetch needs no closing). */
  close(): Promise<void> {
    return this.#transport.close();
  }

  #send<T>(spec: RequestSpec, opts: InternalCallOptions = {}): Promise<T> {
    const source = this.#authSource(opts);
    return this.#pipeline.send<T>(spec, {
      auth: source,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.capture ? { capture: opts.capture } : {}),
      ...(opts.noRenew ? {} : { renew: (session, signal) => renewSession(this.#core, session, signal) }),
    });
  }

  /** Per-call auth wins over the client's session, which wins over the client's credential. */
  #authSource(opts: InternalCallOptions): AuthSource {
    if (opts.session) return { kind: 'session', session: opts.session };
    const auth = opts.auth;
    if (auth) {
      return auth.type === 'session'
        ? { kind: 'session', session: this.#adopt(auth.session) }
        : this.#credentials.sourceOf(checkAuth(auth) as Exclude<Auth, SessionAuth>);
    }
    if (this.#session) return { kind: 'session', session: this.#session };
    const base = this.#baseAuth;
    return base.type === 'session'
      ? { kind: 'static', auth: { type: 'anonymous' } }
      : this.#credentials.sourceOf(base);
  }

  async #identity(opts: InternalCallOptions): Promise<string> {
    const source = this.#authSource(opts);
    if (source.kind === 'static') return identityOf(source.auth);
    if (source.kind === 'dynamic') return this.#credentials.identity(source.auth);
    const { createdAt, user } = source.session.data;
    return identityOf({ type: 'session', id: `${createdAt}|${user?.accountId ?? user?.name ?? ''}` });
  }

  #adopt(data: Parameters<typeof Session.fromJSON>[0]): Session {
    const session = Session.fromJSON(data);
    if (normalizeServer(session.data.server) !== this.server) {
      throw new ConfigurationError(`This session belongs to ${session.data.server}, not ${this.server}.`);
    }
    return session;
  }

  async #createSession(auth: Auth | undefined, opts: CreateSessionOptions = {}): Promise<Session> {
    const credential = auth ?? this.#session?.data.credential ?? this.#baseAuth;
    const session = await createSession(this.#core, credential, opts);
    this.#session = session;
    return session;
  }

  async #removeSession(opts: CallOptions = {}): Promise<void> {
    const session = this.#session;
    if (!session) return;
    try {
      await removeSession(this.#core, session, opts);
    } finally {
      this.#session = undefined;
    }
  }

  #setHeaderLog(cfg: HeaderLogConfig): void {
    const log = new HeaderLog(structuredClone(cfg));
    for (const warning of log.warnings()) this.#options.onWarning?.(warning);
    this.#headerLog = log;
  }
}

const CACHE_TYPES: readonly CacheType[] = ['fields', 'issuetypes', 'priorities', 'statuses', 'serverinfo'];
