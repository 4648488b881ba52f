/**
 * The sandbox's OAuth side, per flavor: Cloud gets the OAuth 2.0 (3LO) authorization server and the API gateway,
 * Data Center the OAuth 1.0a provider. The authenticator asks it about bearer tokens and signed requests.
 */
import type { Flavor } from '../model.js';
import type { SandboxApp } from '../routes/context.js';
import type { Store } from '../store.js';
import { routeGateway } from './gateway.js';
import { OAuth1Provider } from './oauth1-provider.js';
import { OAuth2Grants } from './oauth2-grants.js';
import { registerOAuth2Server } from './oauth2-server.js';
import { type ExtraSite, Sites } from './sites.js';
import type { OAuthVerifier } from './verifier.js';

export type { BearerCaller, OAuthVerifier } from './verifier.js';

export interface SandboxOAuthOptions {
  /** Lifetime of OAuth 2.0 access tokens; default one hour. */
  accessTokenTtlMs?: number;
  /** OAuth 2.0 refresh tokens expire after this long without use; default 90 days. */
  refreshTokenTtlMs?: number;
  /** More Cloud sites for `accessible-resources` (the gateway serves the sandbox's data on each). */
  extraSites?: ExtraSite[];
}

export interface OAuthServers extends OAuthVerifier {
  /** Mounts the OAuth routes; call before Jira's authentication middleware. */
  register(app: SandboxApp): void;
  /** Gateway rewriting (Cloud) and removal of spoofed gateway markers (both flavors). */
  route(request: Request): Promise<Request | Response>;
  expireAccessTokens(): void;
  expireRefreshTokens(): void;
  revokeGrants(): void;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function createOAuthServers(
  flavor: Flavor,
  store: Store,
  contextPath: string,
  options: SandboxOAuthOptions = {},
): OAuthServers {
  const grants = new OAuth2Grants({
    accessTokenTtlMs: positive(options.accessTokenTtlMs, HOUR_MS, 'accessTokenTtlMs'),
    refreshTokenTtlMs: positive(options.refreshTokenTtlMs, 90 * DAY_MS, 'refreshTokenTtlMs'),
  });
  const sites = new Sites(options.extraSites ?? []);
  const oauth1 = new OAuth1Provider(store, contextPath);
  const cloud = flavor === 'cloud';
  return {
    register(app) {
      if (cloud) registerOAuth2Server(app, { store, grants, sites, contextPath });
      else oauth1.register(app);
    },
    route(request) {
      return routeGateway(request, contextPath, cloud ? (id) => sites.has(id) : null);
    },
    bearer(token) {
      const grant = cloud ? grants.verifyAccessToken(token) : undefined;
      const user = grant ? store.userByName(grant.userName) : undefined;
      return grant && user?.active ? { user, scopes: grant.scopes } : undefined;
    },
    signed(request, authorization, base) {
      return oauth1.verifyApiCall(request, authorization, base);
    },
    expireAccessTokens: () => grants.expireAccessTokens(),
    expireRefreshTokens: () => grants.expireRefreshTokens(),
    revokeGrants() {
      grants.revokeAll();
      oauth1.tokens.revokeAll();
    },
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`oauth.${name} must be a positive number`);
  return value;
}
