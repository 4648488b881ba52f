/**
 * The shapes a secret can leak in: as is, base64 (standard and URL-safe, as Basic headers and JWT-like tokens
 * carry it), URL-encoded (query strings and form bodies), and for Basic the base64 of `user:secret`.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A secret the suite looks for, and a label for the failure message (never the secret itself). */
export interface WatchedSecret {
  label: string;
  value: string;
}

/** A random, recognisable secret; `extra` adds characters that URL encoding and base64 change. */
export function newSecret(prefix: string, extra = ''): string {
  return `${prefix}-${randomBytes(12).toString('hex')}${extra}`;
}

/** A short fingerprint for messages, so a failing assertion does not print the secret it found. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Every form of `secret` worth searching for (distinct, at least 6 characters). */
export function formsOf(secret: string): string[] {
  const forms = new Set<string>([
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  return [...forms].filter((f) => f.length >= 6);
}

/** The Basic header value of `user:secret`, and its forms. */
export function basicForms(user: string, secret: string): string[] {
  const pair = `${user}:${secret}`;
  return [Buffer.from(pair).toString('base64'), ...formsOf(pair)];
}

/** Watched secrets for a value and all its forms. */
export function watch(label: string, secret: string | undefined): WatchedSecret[] {
  if (secret === undefined || secret.length < 6) return [];
  return formsOf(secret).map((value, i) => ({ label: `${label} (form ${i})`, value }));
}

/** Watched secrets for Basic `user:secret`. */
export function watchBasic(label: string, user: string, secret: string): WatchedSecret[] {
  return basicForms(user, secret).map((value, i) => ({ label: `${label} basic (form ${i})`, value }));
}
