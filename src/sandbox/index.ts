/**
 * `jirats/sandbox`: a Jira-compatible server in two flavors (Cloud, Data Center), usable in-process through
 * its `fetch` or on a real port through `listen()`.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { AttachmentStore } from './attachment-store.js';
import { Authenticator } from './auth.js';
import { FaultInjector, parseFaults } from './faults.js';
import { generateLoadIssues } from './generate.js';
import type { Flavor } from './model.js';
import { createOAuthServers, type SandboxOAuthOptions } from './oauth/index.js';
import { RateLimiter, type RateLimitOptions, withRateLimitHeaders } from './rate-limit.js';
import { jsonResponse } from './render/responses.js';
import { seedState } from './seed.js';
import { SEED_USERS } from './seed-data.js';
import { Store } from './store.js';

export type { Flavor } from './model.js';
export { DEMO_OAUTH1_CONSUMER, type DemoOAuth1Consumer } from './oauth/demo-consumer.js';
export type { SandboxOAuthOptions } from './oauth/index.js';
export type { ExtraSite } from './oauth/sites.js';
export type { RateLimitOptions } from './rate-limit.js';

export interface SandboxOptions {
  /** Default `cloud`. */
  flavor?: Flavor;
  /** Load state from this file when it exists (else seed it), and save it atomically after every change. */
  dataFile?: string;
  /** Largest file an attachment upload may carry, in bytes (default 10 MB); larger ones get 413. */
  maxAttachmentBytes?: number;
  /** Ensure project LOAD holds this many generated issues (deterministic). */
  generate?: number;
  /** Fault spec, e.g. `latency=20,429=0.1,503=0.05,reset=0.02,seed=1`. */
  faults?: string;
  /** Serve everything under this path (e.g. `/jira`); every returned URL includes it. */
  contextPath?: string;
  /** Idle lifetime of cookie sessions; default 30 minutes. */
  sessionTtlMs?: number;
  /** OAuth token lifetimes and extra Cloud sites (docs/sandbox-oauth.md). */
  oauth?: SandboxOAuthOptions;
  /** Cloud-like rate limits: a token bucket per caller, optionally per-issue write limits (429 when over). */
  rateLimit?: RateLimitOptions;
}

export interface Sandbox {
  readonly flavor: Flavor;
  /** Answers a request in-process; the base URL of replies comes from the request URL. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Serves over HTTP; resolves the base URL (context path included). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops the server if listening and flushes the data file. */
  close(): Promise<void>;
  /** Test hook: every cookie session becomes expired. */
  expireSessions(): void;
  /** Test hook: every OAuth 2.0 access token issued so far is expired. */
  expireOAuthAccessTokens(): void;
  /** Test hook: every OAuth 2.0 refresh token issued so far is expired. */
  expireOAuthRefreshTokens(): void;
  /** Test hook: every OAuth 2.0 grant and every OAuth 1.0a access token is revoked. */
  revokeOAuthGrants(): void;
}

/** A demo account of the seed, with the credentials each flavor accepts. */
export interface DemoCredential {
  user: string;
  displayName: string;
  admin: boolean;
  /** Data Center password. */
  password: string;
  /** Data Center personal access token. */
  pat: string;
  /** Cloud sign-in email. */
  email: string;
  /** Cloud API token. */
  apiToken: string;
}

/** The seeded accounts (fixed; the same on both flavors). */
export const DEMO_CREDENTIALS: readonly DemoCredential[] = SEED_USERS.map((u) => ({
  user: u.name,
  displayName: u.displayName,
  admin: u.admin,
  password: u.password,
  pat: u.pats[0] ?? '',
  email: u.email,
  apiToken: u.apiTokens[0] ?? '',
}));

const DEFAULT_SESSION_TTL_MS = 30 * 60_000;

/** Creates a sandbox; throws on invalid options (flavor, faults, context path, unreadable data file). */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const flavor = options.flavor ?? 'cloud';
  if (flavor !== 'cloud' && flavor !== 'datacenter')
    throw new Error(`Unknown sandbox flavor "${String(flavor)}"`);
  const contextPath = normalizeContextPath(options.contextPath);
  const generate = options.generate ?? 0;
  if (!Number.isInteger(generate) || generate < 0) throw new Error('generate must be a whole number >= 0');
  const faults = new FaultInjector(parseFaults(options.faults ?? ''));
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  const store = Store.open(options.dataFile, () => {
    const state = seedState();
    generateLoadIssues(state, generate);
    return state;
  });
  if (generateLoadIssues(store.state, generate) > 0) store.commit();
  const oauth = createOAuthServers(flavor, store, contextPath, options.oauth);
  const auth = new Authenticator(
    flavor,
    store,
    options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    contextPath || '/',
    oauth,
  );
  const attachments = new AttachmentStore(options.dataFile, options.maxAttachmentBytes);
  const app = createApp({ flavor, store, auth, contextPath, attachments, oauth });
  let server: Server | undefined;
  let starting = false;

  /** The reply to a request, or null when a fault resets the connection. */
  async function handle(request: Request): Promise<Response | null> {
    if (faults.active) {
      if (faults.spec.latencyMs > 0) await delay(faults.spec.latencyMs, request.signal);
      const outcome = faults.next();
      if (outcome.kind === 'reset') return null;
      if (outcome.kind === 'status') return jsonResponse(outcome.status, outcome.body, outcome.headers);
    }
    const verdict = limiter?.admit(request);
    if (verdict?.refusal) {
      const body = { errorMessages: ['Rate limit exceeded.'], errors: {} };
      const headers = { ...verdict.headers, 'RateLimit-Reason': verdict.refusal.reason };
      return jsonResponse(429, body, headers);
    }
    const routed = await oauth.route(request);
    const response = routed instanceof Response ? routed : await app.fetch(routed);
    return verdict ? withRateLimitHeaders(response, verdict.headers) : response;
  }

  /** Binds an HTTP server that answers through `handle`, resetting connections on reset faults. */
  async function startServer(port: number, host: string): Promise<Server> {
    // Loaded on demand: in-process use (the CLI's --sandbox) never pays for the HTTP adapter.
    const [{ createServer }, { getRequestListener }] = await Promise.all([
      import('node:http'),
      import('@hono/node-server'),
    ]);
    const listener = getRequestListener(
      async (request, env) => {
        const response = await handle(request);
        if (response !== null) return response;
        // A TCP RST, so clients see ECONNRESET rather than a clean close.
        (env.incoming as IncomingMessage).socket.resetAndDestroy();
        // Tells the adapter the reply is already dealt with: nothing more is written.
        return new Response(null, { headers: { 'x-hono-already-sent': '1' } });
      },
      { overrideGlobalObjects: false },
    );
    const created = createServer(listener);
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(port, host, () => {
        created.off('error', reject);
        resolve();
      });
    });
    return created;
  }

  return {
    flavor,
    async fetch(input, init) {
      const request = new Request(input, init);
      if (request.signal.aborted) throw request.signal.reason;
      const response = await handle(request);
      if (response === null) throw connectionReset();
      Object.defineProperty(response, 'url', { value: request.url });
      return response;
    },
    async listen(port = 0, host = '127.0.0.1') {
      if (server || starting) throw new Error('The sandbox is already listening');
      starting = true;
      try {
        server = await startServer(port, host);
      } finally {
        starting = false;
      }
      const address = server.address() as AddressInfo;
      const hostPart = address.address.includes(':') ? `[${address.address}]` : address.address;
      return `http://${hostPart}:${address.port}${contextPath}`;
    },
    async close() {
      const running = server;
      server = undefined;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
      }
      store.flush();
    },
    expireSessions() {
      auth.sessions.expireAll();
    },
    expireOAuthAccessTokens: () => oauth.expireAccessTokens(),
    expireOAuthRefreshTokens: () => oauth.expireRefreshTokens(),
    revokeOAuthGrants: () => oauth.revokeGrants(),
  };
}

function normalizeContextPath(raw: string | undefined): string {
  if (raw === undefined || raw === '' || raw === '/') return '';
  const trimmed = `/${raw.replace(/^\/+|\/+$/g, '')}`;
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed)) throw new Error(`Invalid context path "${raw}"`);
  return trimmed;
}

/** Waits `ms`, rejecting with the signal's reason if the caller aborts first (as fetch does). */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** What Node's fetch throws when the peer resets the connection. */
function connectionReset(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  });
  return new TypeError('fetch failed', { cause });
}
