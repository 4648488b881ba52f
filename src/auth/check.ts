/** Validates the auth value a caller passes, so a typo fails at construction rather than on the first call. */
import { ConfigurationError } from '../errors.js';
import type { Auth } from './types.js';

const AUTH_TYPES = new Set(['basic', 'apiToken', 'pat', 'headers', 'session', 'anonymous']);

/** The auth value itself, or a ConfigurationError naming the accepted types. */
export function checkAuth(auth: Auth): Auth {
  const type = (auth as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !AUTH_TYPES.has(type)) {
    throw new ConfigurationError(
      `Unknown auth type '${String(type)}' (expected ${[...AUTH_TYPES].join(', ')})`,
    );
  }
  return auth;
}
