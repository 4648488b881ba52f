/**
 * The credential side of one client that is more than a header: OAuth sources (refreshing, signing) and,
 * with OAuth 2.0, the base URL that may come from a site lookup. Kept apart so the client stays small.
 */

import type { AuthSource } from '../client/request.js';
import type { FetchLike, JiraOptions, OAuth2JiraOptions } from '../client/types.js';
import { ConfigurationError } from '../errors.js';
import type { DynamicAuth } from './dynamic.js';
import { DynamicSources } from './dynamic-sources.js';
import { DEFAULT_API_GATEWAY, DEFAULT_AUTHORIZATION_SERVER } from './oauth2-endpoint.js';
import { fixedServerUrl, OAuth2SiteUrl, type ServerUrl } from './oauth2-server-url.js';
import type { Auth, SessionAuth } from './types.js';

export class ClientCredentials {
  /** Where the client's calls go; with OAuth 2.0 and no `server`, the gateway URL of the token's site. */
  readonly serverUrl: ServerUrl;
  readonly #dynamic: DynamicSources;

  constructor(
    options: JiraOptions | OAuth2JiraOptions,
    base: Auth,
    fetchFor: (url: URL) => Promise<FetchLike>,
  ) {
    this.#dynamic = new DynamicSources({
      authorizationServer: options.oauth?.authorizationServer ?? DEFAULT_AUTHORIZATION_SERVER,
      fetch: fetchFor,
      onTokenRefresh: options.oauth?.onTokenRefresh,
      allowInsecureHttp: options.allowInsecureHttp === true,
    });
    if (options.server !== undefined) {
      this.serverUrl = fixedServerUrl(options.server);
    } else if (base.type === 'oauth2') {
      const gateway = options.oauth?.apiGateway ?? DEFAULT_API_GATEWAY;
      const tokens = this.#dynamic.for(base);
      this.serverUrl = new OAuth2SiteUrl(gateway, tokens, fetchFor, options.allowInsecureHttp === true);
    } else {
      throw new ConfigurationError('server is required (the base URL of Jira) unless auth is oauth2');
    }
  }

  /** How a call is authenticated with a credential: OAuth is dynamic, the rest are plain headers. */
  sourceOf(auth: Exclude<Auth, SessionAuth>): AuthSource {
    return auth.type === 'oauth2' || auth.type === 'oauth1'
      ? { kind: 'dynamic', auth: this.#dynamic.for(auth) }
      : { kind: 'static', auth };
  }

  /** The cache identity of a dynamic credential. */
  identity(auth: DynamicAuth): Promise<string> {
    return this.#dynamic.identity(auth);
  }
}
