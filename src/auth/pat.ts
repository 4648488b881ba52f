/** Data Center personal access tokens, sent as a Bearer token. */

import { ConfigurationError } from '../errors.js';

/** The `Authorization` value for a personal access token. */
export function patAuthorization(token: string): string {
  if (/[\s]/.test(token)) throw new ConfigurationError('A personal access token cannot contain white space');
  return `Bearer ${token}`;
}
