import { readFile } from 'node:fs/promises';
import type { Auth, Jira, OAuth2Auth } from '../index.js';
import type { Deployment, Profile } from './config/profiles.js';
import { rememberCredential } from './config/secret-store.js';
import type { Context } from './context.js';
import { explicitCredential } from './credentials.js';
import { openEmbeddedSandbox } from './embedded-sandbox.js';
import { usageError } from './exit-codes.js';
import { loadLibrary } from './library.js';
import { normalizeServerUrl, sameServer } from './server-url.js';

type JiraOptions = ConstructorParameters<typeof Jira>[0];

/** A ready client and where it points. */
export interface Connection {
  jira: Jira;
  server: string;
  /** Set when the embedded sandbox answers instead of a server. */
  sandbox?: Deployment;
}

/** Where a call goes: the embedded sandbox of a flavor, or a server. */
export interface Target {
  sandbox?: Deployment;
  server?: string;
}

/** Where this call goes: the embedded sandbox, or a server URL (a usage error when none is configured). */
export async function resolveTarget(ctx: Context): Promise<Target> {
  const g = ctx.globals;
  const profile = await ctx.profile();
  if (g.sandbox || (profile?.sandbox && !g.server)) {
    return { sandbox: g.sandboxFlavor ?? profile?.sandbox?.flavor ?? 'cloud' };
  }
  const server = g.server || profile?.server;
  if (!server) {
    throw usageError(
      'no Jira server configured',
      'pass --server URL, set JIRA_SERVER, run `jirats config server set URL`, or try --sandbox',
    );
  }
  return { server: normalizeServerUrl(server) };
}

/** True when the call goes where the profile points (its server, or the sandbox for a sandbox profile). */
export function isProfileTarget(profile: Profile | undefined, target: Target): boolean {
  return target.sandbox ? profile?.sandbox !== undefined : sameServer(profile?.server, target.server);
}

/**
 * Builds the client for this call. Auth: `auth` when the command supplies it; else the credential named by
 * options or environment; else the profile's stored session, then its stored credential (only when the call
 * targets the profile's own server, so a stored secret never goes to another host); else anonymous.
 * `target` overrides where the call goes (`login` checks the profile it just stored).
 */
export async function connect(
  ctx: Context,
  opts: { auth?: Auth; target?: Target } = {},
): Promise<Connection> {
  const g = ctx.globals;
  const target = opts.target ?? (await resolveTarget(ctx));
  const profile = await ctx.profile();
  const { Jira } = await loadLibrary();

  let auth = opts.auth ?? (await explicitCredential(g));
  const ownServer = isProfileTarget(profile, target);
  if (!auth && ownServer && profile?.secretStore) {
    auth = await storedProfileAuth(ctx);
  }

  let detected = false;
  const options: JiraOptions = {
    server: target.server ?? '',
    timeoutMs: g.timeout === undefined ? undefined : Math.round(g.timeout * 1000),
    retry: g.retries === undefined ? undefined : { retries: g.retries },
    allowInsecureHttp: g.allowInsecureHttp,
    responseHeaderLog: profile?.headerLog,
    debug: g.debug,
    logger: (line) => ctx.terminal.err(line),
    onWarning: (message) => ctx.terminal.warn(message),
    hooks: {
      beforeRetry: [(s) => ctx.terminal.notice(retryNotice(s, g.retries ?? 4))],
      afterResponse: [
        (s) => {
          if (s.status === 200 && /\/rest\/api\/\d\/serverInfo/.test(s.url)) detected = true;
        },
      ],
    },
  };

  if (target.sandbox) {
    const sandbox = await openEmbeddedSandbox(target.sandbox);
    ctx.onClose(() => sandbox.close());
    options.server = sandbox.server;
    options.fetch = sandbox.fetch;
    options.deployment = target.sandbox;
    options.allowInsecureHttp = true; // nothing leaves the process
    auth ??= sandbox.admin;
  } else {
    Object.assign(options, await transportOptions(ctx, options.server));
    if (ownServer && profile?.deployment) options.deployment = profile.deployment;
  }
  options.auth = auth ?? { type: 'anonymous' };
  ctx.anonymous = options.auth.type === 'anonymous';
  if (options.auth.type === 'oauth2' && profile?.oauth) {
    Object.assign(options, oauth2Options(ctx, options.auth, profile.oauth));
  }
  const jira = new Jira(options);

  if (!target.sandbox && ownServer && profile && !profile.deployment) {
    // Remember the deployment once detected, so later calls skip the serverInfo request.
    ctx.onClose(async () => {
      if (!detected) return;
      try {
        profile.deployment = await jira.deployment();
        await (await ctx.config()).save();
      } catch {
        // Only an optimisation: the next call detects again.
      }
    });
  }
  return { jira, server: jira.server, sandbox: target.sandbox };
}

/**
 * OAuth 2.0 calls go through the API gateway to the profile's site; tokens the library rotates are written to
 * the profile's store at once, because the refresh token they replace no longer works.
 */
function oauth2Options(
  ctx: Context,
  auth: OAuth2Auth,
  urls: { authUrl: string; apiUrl: string },
): Partial<JiraOptions> {
  const out: Partial<JiraOptions> = {
    deployment: 'cloud',
    oauth: {
      authorizationServer: urls.authUrl,
      apiGateway: urls.apiUrl,
      onTokenRefresh: async (next: OAuth2Auth) => {
        // Keep what the refresh does not return (the site, the client secret).
        const credential: OAuth2Auth = { ...auth, ...next };
        rememberCredential(credential);
        await (await ctx.secrets()).write({ credential });
      },
    },
  };
  if (auth.cloudId) out.server = `${urls.apiUrl.replace(/\/+$/, '')}/ex/jira/${auth.cloudId}`;
  return out;
}

async function storedProfileAuth(ctx: Context): Promise<Auth | undefined> {
  const secrets = await ctx.secrets();
  const session = await secrets.readSession();
  const credential = await secrets.readCredential();
  if (session) {
    // A stored credential lets the library renew a session that expired.
    return {
      type: 'session',
      session: session.credential || !credential ? session : { ...session, credential },
    };
  }
  return credential;
}

async function transportOptions(ctx: Context, server: string): Promise<Partial<JiraOptions>> {
  const g = ctx.globals;
  const env = process.env;
  const https = server.startsWith('https:');
  const proxy = g.proxy || (https ? env.HTTPS_PROXY || env.https_proxy : env.HTTP_PROXY || env.http_proxy);
  const out: Partial<JiraOptions> = { insecure: g.insecure };
  if (proxy) {
    out.proxy = proxy;
    out.noProxy = env.NO_PROXY || env.no_proxy;
  }
  if (g.caFile) {
    try {
      out.ca = await readFile(g.caFile, 'utf8');
    } catch (err) {
      throw usageError(
        `cannot read --ca-file ${g.caFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
  }
  return out;
}

/** "Rate limited by Jira; retrying in 3s (attempt 2 of 5)": `attempt` is the one about to be sent. */
function retryNotice(s: { attempt: number; delayMs: number; reason: string }, retries: number): string {
  const why = /429|rate/i.test(s.reason)
    ? 'Rate limited by Jira'
    : /503|unavailable/i.test(s.reason)
      ? 'Jira is temporarily unavailable'
      : `Request failed (${s.reason})`;
  const secs = Math.max(1, Math.round(s.delayMs / 1000));
  return `${why}; retrying in ${secs}s (attempt ${s.attempt} of ${retries + 1})`;
}
