/**
 * Drives the sandbox's OAuth sign-in pages with plain fetch, as a browser would: the sign-in form, the consent
 * form, then the redirect back to the app. Gives tokens to the OAuth tests without a browser.
 */

import { completeOAuth2Authorization, type OAuth2Auth, startOAuth2Authorization } from '../../src/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';

export const BASE = 'http://jira.test';
export const CLIENT_ID = 'demo-app';
export const CLIENT_SECRET = 'demo-app-secret';
export const REDIRECT_URI = 'http://127.0.0.1:8765/callback';
export const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
export const ALL_SCOPES = ['read:jira-work', 'write:jira-work', 'read:jira-user', 'offline_access'];

type FetchFn = Sandbox['fetch'];

/** The form of an HTML page: where it posts and its hidden fields. */
export function parseForm(html: string, pageUrl: string): { action: URL; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"/i.exec(html);
  if (!form?.[1]) throw new Error(`No form on the page: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) fields[name] = unescapeHtml(value);
  }
  return { action: new URL(unescapeHtml(form[1]), pageUrl), fields };
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

async function postForm(fetch: FetchFn, url: URL, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/**
 * Open an authorization URL, sign in and decide; returns where the server sends the browser (the callback
 * URL with its code or error), or the final page's HTML when there is no redirect (the `oob` verifier page).
 */
export async function approveInSandbox(
  fetch: FetchFn,
  authorizeUrl: string,
  options: { user?: string; password?: string; decision?: 'accept' | 'deny' } = {},
): Promise<{ location?: string; html: string }> {
  const user = options.user ?? 'alice';
  const signInPage = await fetch(authorizeUrl, { redirect: 'manual' });
  const signInHtml = await signInPage.text();
  if (signInPage.status !== 200)
    throw new Error(`Sign-in page: ${signInPage.status} ${signInHtml.slice(0, 300)}`);
  const signIn = parseForm(signInHtml, authorizeUrl);
  const consentPage = await postForm(fetch, signIn.action, {
    ...signIn.fields,
    username: user,
    password: options.password ?? user,
  });
  const consentHtml = await consentPage.text();
  const consent = parseForm(consentHtml, signIn.action.toString());
  const decided = await postForm(fetch, consent.action, {
    ...consent.fields,
    decision: options.decision ?? 'accept',
  });
  const html = await decided.text();
  const location = decided.headers.get('location');
  return location ? { location: new URL(location, consent.action).toString(), html } : { html };
}

/** A full OAuth 2.0 sign-in against the sandbox: the tokens of `user` for `scopes`. */
export async function signInOAuth2(
  sb: Sandbox,
  options: { user?: string; scopes?: string[]; clientSecret?: string | undefined; fetch?: FetchFn } = {},
): Promise<{ auth: OAuth2Auth; scopes: string[] }> {
  const fetch = options.fetch ?? sb.fetch;
  const start = startOAuth2Authorization({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scopes: options.scopes ?? ALL_SCOPES,
    authorizationServer: BASE,
  });
  const { location } = await approveInSandbox(fetch, start.url, { user: options.user ?? 'alice' });
  if (!location) throw new Error('The sandbox did not redirect back');
  const clientSecret = 'clientSecret' in options ? options.clientSecret : CLIENT_SECRET;
  return completeOAuth2Authorization({
    clientId: CLIENT_ID,
    ...(clientSecret === undefined ? {} : { clientSecret }),
    redirectUri: REDIRECT_URI,
    codeVerifier: start.codeVerifier,
    expectedState: start.state,
    callbackUrl: location,
    authorizationServer: BASE,
    fetch,
  });
}
