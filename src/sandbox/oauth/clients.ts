/** The OAuth 2.0 clients the sandbox's authorization server knows, and which redirect URIs they may use. */
import { sameSecret } from './secrets.js';

export interface OAuth2Client {
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in and consent pages. */
  name: string;
}

/** The demo app: every loopback http redirect URI is allowed, as a CLI's one-shot listener needs. */
export const DEMO_OAUTH2_CLIENT: OAuth2Client = Object.freeze({
  clientId: 'demo-app',
  clientSecret: 'demo-app-secret',
  name: 'JiraTS Demo App',
});

const CLIENTS: readonly OAuth2Client[] = [DEMO_OAUTH2_CLIENT];

export function findClient(clientId: string): OAuth2Client | undefined {
  return CLIENTS.find((c) => c.clientId === clientId);
}

export function secretMatches(client: OAuth2Client, secret: string): boolean {
  return sameSecret(secret, client.clientSecret);
}

/** Loopback http URIs only (127.0.0.1, [::1], localhost), with no fragment. */
export function redirectUriAllowed(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || url.hash !== '' || raw.includes('#')) return false;
  return url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
}
