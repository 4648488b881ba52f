/**
 * Where an OAuth 2.0 client sends its calls: `{apiGateway}/ex/jira/{cloudId}`. Without a cloudId the site is
 * looked up once through accessible-resources, so the URL is only known after a request. `jira.server` stays
 * a plain string (the gateway prefix until the lookup, the site's URL after it) and the pipeline asks
 * `resolve()` for its base URL before each call; the gateway prefix shares the site's origin, so the
 * pipeline's origin checks (redirects, insecure http) hold before and after.
 */

import type { FetchLike } from '../client/types.js';
import { normalizeServer } from '../client/url.js';
import { ConfigurationError } from '../errors.js';
import { refuseInsecureOAuth } from './oauth2-endpoint.js';
import { accessibleResources } from './oauth2-flow.js';
import type { OAuth2Tokens } from './oauth2-tokens.js';

/** A client's base URL: fixed, or known after a lookup. */
export interface ServerUrl {
  /** The base URL as known now (context path included, no trailing slash). */
  readonly current: string;
  /** The base URL for the next call, looking it up first when needed. */
  resolve?(signal?: AbortSignal): Promise<string>;
}

/** A base URL given by the caller. */
export function fixedServerUrl(server: string): ServerUrl {
  return { current: normalizeServer(server) };
}

/** The API gateway URL of one site. */
export function gatewaySiteUrl(apiGateway: string, cloudId: string): string {
  return `${normalizeServer(apiGateway)}/ex/jira/${encodeURIComponent(cloudId)}`;
}

/** The gateway URL of the token's only site, looked up once (concurrent first calls share the lookup). */
export class OAuth2SiteUrl implements ServerUrl {
  #current: string;
  #lookup: Promise<string> | undefined;
  #resolved = false;

  constructor(
    private readonly apiGateway: string,
    private readonly tokens: OAuth2Tokens,
    private readonly fetchFor: (url: URL) => Promise<FetchLike>,
    private readonly allowInsecureHttp = false,
  ) {
    const cloudId = tokens.current.cloudId;
    this.#resolved = cloudId !== undefined && cloudId !== '';
    this.#current = this.#resolved
      ? gatewaySiteUrl(apiGateway, cloudId as string)
      : `${normalizeServer(apiGateway)}/ex/jira`;
  }

  get current(): string {
    return this.#current;
  }

  resolve(signal?: AbortSignal): Promise<string> {
    if (this.#resolved) return Promise.resolve(this.#current);
    this.#lookup ??= this.#find(signal).finally(() => {
      this.#lookup = undefined;
    });
    return this.#lookup;
  }

  async #find(signal?: AbortSignal): Promise<string> {
    const auth = await this.tokens.fresh(signal);
    const lookupUrl = new URL(`${normalizeServer(this.apiGateway)}/oauth/token/accessible-resources`);
    refuseInsecureOAuth(lookupUrl, this.allowInsecureHttp);
    const sites = await accessibleResources({
      accessToken: auth.accessToken,
      apiGateway: this.apiGateway,
      fetch: await this.fetchFor(lookupUrl),
      ...(signal ? { signal } : {}),
    });
    const only = sites.length === 1 ? sites[0] : undefined;
    if (!only) {
      const list = sites.map((s) => `${s.id} (${s.name}, ${s.url})`).join(', ');
      throw new ConfigurationError(
        sites.length === 0
          ? 'The OAuth 2.0 token reaches no Jira site: check the app is installed on a site'
          : `The OAuth 2.0 token reaches ${sites.length} sites; set cloudId in the oauth2 auth to one of: ${list}`,
      );
    }
    this.#current = gatewaySiteUrl(this.apiGateway, only.id);
    this.tokens.adoptCloudId(only.id);
    this.#resolved = true;
    return this.#current;
  }
}
