/**
 * The one request pipeline: URL and headers, auth and cookie jar, timeout and abort, redirects, hooks,
 * logging, retries and response parsing. Everything the library sends goes through `RequestPipeline.send`.
 */

import { authHeaders } from '../auth/apply.js';
import type { DynamicAuth } from '../auth/dynamic.js';
import { oauthProblem } from '../auth/oauth-problem.js';
import type { Session } from '../auth/session.js';
import type { Auth, SessionAuth } from '../auth/types.js';
import { ConfigurationError, isJiraError, OAuthError, SessionExpiredError, TimeoutError } from '../errors.js';
import { attemptSignal } from './abort.js';
import { type EncodedBody, encodeBody } from './body.js';
import { observeResponse } from './observe.js';
import type { PipelineConfig } from './pipeline-config.js';
import { redactUrl } from './redact.js';
import { followRedirects } from './redirect.js';
import {
  errorFromResponse,
  networkError,
  type RequestLabel,
  seraphFailure,
  unreadableBodyError,
} from './response-error.js';
import { tellWatcher } from './response-watch.js';
import { decideForNetworkError, decideForStatus, isIdempotent, type RetryDecision, sleep } from './retry.js';
import { setHeader } from './set-header.js';
import type { RequestSpec } from './types.js';
import { isLoopback, resolveUrl } from './url.js';

/** Who a call is made as: a plain credential, or a session (cookie jar + headers + maybe a credential). */
export type AuthSource =
  | { kind: 'static'; auth: Exclude<Auth, SessionAuth> }
  | { kind: 'session'; session: Session }
  /** Headers made per attempt (OAuth signs each request, refreshes tokens); one `recover()` after a 401. */
  | { kind: 'dynamic'; auth: DynamicAuth };

export interface SendOptions {
  signal?: AbortSignal;
  auth: AuthSource;
  /** Record cookies set by responses into this session (while logging in). */
  capture?: Session;
  /** Renew a session that got 401; given only when the session may be renewed. */
  renew?: (session: Session, signal?: AbortSignal) => Promise<void>;
}

/** The outcome of one call's attempts: the final response, not yet read, and its timer. */
interface Attempt {
  res: Response;
  timedOut: () => boolean;
  dispose: () => void;
  discard: () => Promise<void>;
}

/** Per-call state shared by the attempts of one call. */
interface Call {
  spec: RequestSpec;
  method: string;
  url: URL;
  label: RequestLabel;
  body: EncodedBody;
  opts: SendOptions;
}

/** Sends requests for one client; holds no per-call state. */
export class RequestPipeline {
  private readonly serverOrigin: string;

  /**
   * `resolveServer` gives the base URL per call when it is known only after a lookup (OAuth 2.0 without a
   * cloudId); it must keep the origin of `config.server`.
   */
  constructor(
    private readonly config: PipelineConfig,
    private readonly resolveServer?: (signal?: AbortSignal) => Promise<string>,
  ) {
    this.serverOrigin = new URL(config.server).origin;
  }

  /** Send a request and return the parsed reply (JSON, text or bytes per `spec.responseType`). */
  async send<T>(spec: RequestSpec, opts: SendOptions): Promise<T> {
    const method = (spec.method ?? 'GET').toUpperCase();
    const server = this.resolveServer ? await this.resolveServer(opts.signal) : this.config.server;
    const url = resolveUrl(server, spec.path, spec.query);
    const call: Call = {
      spec,
      method,
      url,
      label: { method, url: redactUrl(url) },
      body: encodeBody(spec.body),
      opts,
    };

    let sent = await this.authHeadersFor(call);
    let done = await this.exchange(call, sent);
    if (done.res.status === 401 && opts.auth.kind === 'session') {
      const session = opts.auth.session;
      if (session.data.credential && opts.renew) {
        await done.discard();
        this.debug(`jirats: session refused (401), renewing it for ${call.label.method} ${call.label.url}`);
        session.renewal ??= opts.renew(session, opts.signal).finally(() => {
          session.renewal = undefined;
        });
        await session.renewal;
        // A 401 proves Jira did not process the request, so even a POST may be repeated.
        sent = this.authHeaders(call);
        done = await this.exchange(call, sent);
      } else if ('Cookie' in sent) {
        await done.discard();
        throw new SessionExpiredError(
          'Session expired: Jira no longer accepts the session cookie. Create a new session.',
          { status: 401, method, url: call.label.url },
        );
      }
    }
    if (done.res.status === 401 && opts.auth.kind === 'dynamic' && opts.auth.auth.recover) {
      let again: boolean;
      try {
        again = await opts.auth.auth.recover(sent, opts.signal);
      } catch (error) {
        await done.discard();
        throw error;
      }
      if (again) {
        await done.discard();
        this.debug(`jirats: credential refused (401), retrying ${call.label.method} ${call.label.url} once`);
        // A 401 proves Jira did not process the request, so even a POST may be repeated.
        sent = await this.authHeadersFor(call);
        done = await this.exchange(call, sent);
      }
    }
    const credentialsSent =
      Object.keys(sent).length > 0 ||
      Object.keys(spec.headers ?? {}).some((name) => /^(authorization|cookie)$/i.test(name));
    return this.read<T>(call, done, credentialsSent);
  }

  /** The auth headers for one attempt, asking a dynamic credential (it may sign or refresh first). */
  private async authHeadersFor(call: Call): Promise<Record<string, string>> {
    const source = call.opts.auth;
    if (source.kind !== 'dynamic') return this.authHeaders(call);
    const body = call.body.body;
    return source.auth.headersFor({
      method: call.method,
      url: call.url,
      ...(body instanceof URLSearchParams ? { form: body } : {}),
      ...(call.opts.signal ? { signal: call.opts.signal } : {}),
    });
  }

  /** The auth headers for a call: the credential, or the session's cookies and headers. */
  private authHeaders(call: Call): Record<string, string> {
    const source = call.opts.auth;
    if (source.kind === 'dynamic') throw new ConfigurationError('A dynamic credential needs authHeadersFor');
    if (source.kind === 'static') return authHeaders(source.auth);
    const session = source.session;
    const headers = session.requestHeaders();
    // A session Jira gave no cookie for (a PAT on Data Center) authenticates with its credential instead.
    if (Object.keys(headers).length === 0 && session.data.credential)
      return authHeaders(session.data.credential);
    return headers;
  }

  private buildHeaders(call: Call, auth: Record<string, string>): Headers {
    // Attachment content and other non-JSON downloads must not be refused with 406.
    const accept = (call.spec.responseType ?? 'json') === 'json' ? 'application/json' : '*/*';
    const headers = new Headers({ Accept: accept, 'User-Agent': this.config.userAgent });
    if (call.body.contentType) headers.set('Content-Type', call.body.contentType);
    if (call.body.formLike) headers.set('X-Atlassian-Token', 'no-check');
    for (const [name, value] of Object.entries(auth)) setHeader(headers, name, value);
    for (const [name, value] of Object.entries(call.spec.headers ?? {})) setHeader(headers, name, value);
    return headers;
  }

  /** One call: attempts with retries, each following redirects. Returns the final, unread response. */
  private async exchange(call: Call, first: Record<string, string>): Promise<Attempt> {
    const { method, label } = call;
    let auth = first;
    let headers = this.buildHeaders(call, auth);
    this.refuseInsecureHttp(call, headers);
    const idempotent = call.spec.idempotent ?? isIdempotent(method);
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1 && call.opts.auth.kind === 'dynamic') {
        // A signature holds one nonce and a token may expire during backoff: every attempt gets fresh ones.
        auth = await this.authHeadersFor(call);
        headers = this.buildHeaders(call, auth);
      }
      for (const hook of this.config.hooks.beforeRequest ?? [])
        await hook({ method, url: label.url, attempt });
      this.debug(`jirats: -> ${method} ${label.url}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      const started = Date.now();
      const { signal, timedOut, dispose } = attemptSignal(call.opts.signal, this.config.timeoutMs);
      let res: Response;
      try {
        res = await followRedirects({
          url: call.url,
          method,
          body: call.body.body,
          headers,
          signal,
          serverOrigin: this.serverOrigin,
          fetchFor: (url) => this.config.transport.fetchFor(url),
          stripCredentials: (h) => this.stripCredentials(h, auth),
          onHop: (response, url) => this.absorbCookies(call, response, url),
        });
      } catch (error) {
        dispose();
        if (call.opts.signal?.aborted) throw call.opts.signal.reason;
        if (timedOut()) throw this.timeoutError(call);
        if (isJiraError(error)) throw error;
        const failure = networkError(error, label);
        const decision = decideForNetworkError(failure.code, idempotent, attempt, this.config.retry);
        this.debug(`jirats: <- ${method} ${label.url} failed: ${failure.message}`);
        if (!decision.retry) throw failure;
        await this.beforeRetry(call, attempt + 1, decision);
        continue;
      }
      const durationMs = Date.now() - started;
      // The body is read later under the same timeout, so the timer stops only once it is consumed.
      const done: Attempt = {
        res,
        timedOut,
        dispose,
        discard: async () => {
          await res.body?.cancel().catch(() => {});
          dispose();
        },
      };
      try {
        if (call.opts.signal) tellWatcher(call.opts.signal, res.status, res.headers);
        await observeResponse(this.config, call.label, res, attempt, durationMs);
      } catch (error) {
        await done.discard();
        throw error;
      }
      if (res.status < 400) return done;
      const decision = decideForStatus(res.status, res.headers, idempotent, attempt, this.config.retry);
      if (!decision.retry) return done;
      await done.discard();
      await this.beforeRetry(call, attempt + 1, decision);
    }
  }

  private timeoutError(call: Call): TimeoutError {
    return new TimeoutError(
      `Jira did not answer within ${this.config.timeoutMs} ms (${call.label.method} ${call.label.url})`,
      { method: call.label.method, url: call.label.url, code: 'ETIMEDOUT' },
    );
  }

  private refuseInsecureHttp(call: Call, headers: Headers): void {
    const url = call.url;
    if (url.protocol !== 'http:' || isLoopback(url) || this.config.allowInsecureHttp) return;
    if (!headers.has('authorization')) return;
    throw new ConfigurationError(
      `Refusing to send credentials over plain http:// to ${url.host}: use https://, or set allowInsecureHttp if you accept the risk.`,
      { method: call.method, url: call.label.url },
    );
  }

  /** Headers for a hop to another origin: no Authorization, Cookie or custom auth headers. */
  private stripCredentials(headers: Headers, auth: Record<string, string>): Headers {
    const out = new Headers(headers);
    for (const name of ['authorization', 'proxy-authorization', 'cookie', ...Object.keys(auth)])
      out.delete(name);
    return out;
  }

  private absorbCookies(call: Call, res: Response, url: URL): void {
    if (url.origin !== this.serverOrigin) return;
    const source = call.opts.auth;
    if (source.kind === 'session') source.session.absorb(res.headers);
    call.opts.capture?.absorb(res.headers);
  }

  private async beforeRetry(call: Call, attempt: number, decision: RetryDecision & { retry: true }) {
    const { method, label } = call;
    const state = { method, url: label.url, attempt, delayMs: decision.delayMs, reason: decision.reason };
    for (const hook of this.config.hooks.beforeRetry ?? []) await hook(state);
    this.debug(`jirats: retrying ${method} ${label.url} in ${decision.delayMs} ms (${decision.reason})`);
    await sleep(decision.delayMs, call.opts.signal);
  }

  /** Read and parse the final response, or throw the error it stands for. */
  private async read<T>(call: Call, done: Attempt, credentialsSent: boolean): Promise<T> {
    const res = done.res;
    if (call.spec.responseType === 'stream' && res.ok && !(credentialsSent && seraphFailure(res.headers))) {
      // The body may take longer than one attempt's timeout; the caller's signal still aborts it.
      done.dispose();
      return res as T;
    }
    let text: string;
    let bytes: Uint8Array | undefined;
    try {
      if (res.ok && call.spec.responseType === 'bytes') bytes = new Uint8Array(await res.arrayBuffer());
      text = bytes ? '' : await res.text();
    } catch (error) {
      if (call.opts.signal?.aborted) throw call.opts.signal.reason;
      if (done.timedOut()) throw this.timeoutError(call);
      throw networkError(error, call.label);
    } finally {
      done.dispose();
    }
    const read = { status: res.status, headers: res.headers, text };
    const problem = res.status === 401 ? oauthProblem(res.headers, text) : undefined;
    if (problem) {
      throw new OAuthError(problem, `Jira refused the OAuth request (${problem})`, {
        status: 401,
        method: call.label.method,
        url: call.label.url,
      });
    }
    if (res.status >= 400) throw errorFromResponse(read, call.label, { credentialsSent });
    // Cloud answers a bad token on anonymous-readable resources with 200 as anonymous: fail loudly instead.
    if (credentialsSent && seraphFailure(res.headers))
      throw errorFromResponse(read, call.label, { credentialsSent });
    if (bytes) return bytes as T;
    if (call.spec.responseType === 'text') return text as T;
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw unreadableBodyError(read, call.label);
    }
  }

  private debug(line: string): void {
    if (this.config.debug) this.config.logger?.(line);
  }
}
