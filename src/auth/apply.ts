/** Turn an Auth value into the request headers that carry it. */

import { ConfigurationError } from '../errors.js';

import { apiTokenAuthorization } from './api-token.js';
import { basicAuthorization } from './basic.js';
import { customAuthHeaders } from './headers.js';
import { patAuthorization } from './pat.js';
import type { Auth } from './types.js';

/** Headers for a static credential; sessions are applied by the request pipeline (cookie jar). */
export function authHeaders(auth: Exclude<Auth, { type: 'session' }>): Record<string, string> {
  switch (auth.type) {
    case 'basic':
      return { Authorization: basicAuthorization(auth.username, auth.password) };
    case 'apiToken':
      return { Authorization: apiTokenAuthorization(auth.email, auth.token) };
    case 'pat':
      return { Authorization: patAuthorization(auth.token) };
    case 'headers':
      return customAuthHeaders(auth.headers);
    case 'oauth2':
      // Used as is (inside a session, say); the client refreshes tokens only through its dynamic source.
      return { Authorization: `Bearer ${auth.accessToken}` };
    case 'oauth1':
      throw new ConfigurationError('OAuth 1.0a signs each request: use it as the client or call auth');
    case 'anonymous':
      return {};
    default:
      throw new ConfigurationError(`Unknown auth type: ${(auth as { type?: unknown }).type}`);
  }
}
