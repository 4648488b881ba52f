/** HTTP Basic credentials (Data Center user name and password). */

import { ConfigurationError } from '../errors.js';

/** Base64 of UTF-8 text, without Node's Buffer so the library runs wherever fetch runs. */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` value for a user name and password. */
export function basicAuthorization(username: string, password: string): string {
  if (username.includes(':')) throw new ConfigurationError('A Basic auth user name cannot contain ":"');
  return `Basic ${base64Utf8(`${username}:${password}`)}`;
}
