/** Validates the auth value a caller passes, so a typo fails at construction rather than on the first call. */
import { ConfigurationError } from '../errors.js';
import type { Auth } from './types.js';

const AUTH_TYPES = new Set([
  'basic',
  'apiToken',
  'pat',
  'headers',
  'session',
  'oauth2',
  'oauth1',
  'anonymous',
]);

/** The auth value itself, or a ConfigurationError naming the accepted types or the missing field. */
export function checkAuth(auth: Auth): Auth {
  const type = (auth as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !AUTH_TYPES.has(type)) {
    throw new ConfigurationError(
      `Unknown auth type '${String(type)}' (expected ${[...AUTH_TYPES].join(', ')})`,
    );
  }
  if (auth.type === 'oauth2') checkOAuth2(auth as unknown as Record<string, unknown>);
  if (auth.type === 'oauth1') checkOAuth1(auth as unknown as Record<string, unknown>);
  return auth;
}

function checkOAuth2(auth: Record<string, unknown>): void {
  requireText(auth, 'oauth2', 'clientId');
  requireText(auth, 'oauth2', 'accessToken');
  for (const name of ['clientSecret', 'refreshToken', 'cloudId', 'expiresAt'])
    optionalText(auth, 'oauth2', name);
  if (typeof auth.expiresAt === 'string' && !Number.isFinite(Date.parse(auth.expiresAt))) {
    throw new ConfigurationError('oauth2 auth: expiresAt must be an ISO 8601 timestamp');
  }
}

function checkOAuth1(auth: Record<string, unknown>): void {
  requireText(auth, 'oauth1', 'consumerKey');
  requireText(auth, 'oauth1', 'token');
  requireText(auth, 'oauth1', 'privateKey');
  if (typeof auth.tokenSecret !== 'string') {
    throw new ConfigurationError('oauth1 auth: tokenSecret must be a string (it may be empty)');
  }
  if (!/-----BEGIN (?:RSA )?PRIVATE KEY-----/.test(String(auth.privateKey))) {
    throw new ConfigurationError('oauth1 auth: privateKey must be the PEM text of an RSA private key');
  }
}

function requireText(auth: Record<string, unknown>, type: string, name: string): void {
  const value = auth[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(`${type} auth needs ${name} (a non-empty string)`);
  }
}

function optionalText(auth: Record<string, unknown>, type: string, name: string): void {
  if (auth[name] !== undefined && typeof auth[name] !== 'string') {
    throw new ConfigurationError(`${type} auth: ${name} must be a string`);
  }
}
