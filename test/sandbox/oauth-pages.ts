/**
 * Drives the sandbox's sign-in and consent pages with plain fetch, as a browser would: reads the forms, posts
 * them back and follows nothing (the final 302 is returned for the test to read).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../../src/sandbox/index.js';
import { ORIGIN } from './helpers.js';

export const CLIENT_ID = 'demo-app';
export const CLIENT_SECRET = 'demo-app-secret';
export const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
export const REDIRECT_URI = 'http://127.0.0.1:43117/callback';
export const ALL_SCOPES = ['read:jira-work', 'write:jira-work', 'read:jira-user', 'offline_access'];

export interface PageReply {
  status: number;
  headers: Headers;
  html: string;
}

/** Fetches through the sandbox (an absolute URL, or a path below ORIGIN). */
export async function fetchPage(sb: Sandbox, target: string, init?: RequestInit): Promise<PageReply> {
  const response = await sb.fetch(target.startsWith('http') ? target : `${ORIGIN}${target}`, init);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** Decodes the entities the pages use. */
function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The form of a page: its action and hidden fields. */
export function readForm(html: string): { action: string; hidden: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  assert.ok(action, `no form in page:\n${html}`);
  const hidden: Record<string, string> = {};
  for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1];
    if (name !== undefined) hidden[decodeEntities(name)] = decodeEntities(value ?? '');
  }
  return { action: decodeEntities(action), hidden };
}

/** Posts a page's form with the hidden fields plus `fields`. */
export async function submit(
  sb: Sandbox,
  page: PageReply,
  fields: Record<string, string>,
): Promise<PageReply> {
  const form = readForm(page.html);
  return fetchPage(sb, form.action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.hidden, ...fields }).toString(),
  });
}

/** Signs in on a sign-in page and answers the consent page; returns the final reply (a 302 normally). */
export async function signInAndDecide(
  sb: Sandbox,
  signInPage: PageReply,
  user: string,
  decision: 'accept' | 'deny' = 'accept',
): Promise<PageReply> {
  assert.equal(signInPage.status, 200, signInPage.html);
  assert.match(signInPage.html, /<button type="submit">Sign in<\/button>/);
  const consent = await submit(sb, signInPage, { username: user, password: user });
  assert.equal(consent.status, 200, consent.html);
  assert.match(consent.html, />Accept<\/button>/);
  return submit(sb, consent, { decision });
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  scopes?: string[];
  state?: string;
  redirectUri?: string;
  challenge?: string;
  clientId?: string;
  /** Path prefix of the sandbox (context path). */
  prefix?: string;
}

/** The `/authorize` URL the contract describes. */
export function authorizeUrl(options: AuthorizeOptions = {}): string {
  const query = new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: options.clientId ?? CLIENT_ID,
    scope: (options.scopes ?? ALL_SCOPES).join(' '),
    redirect_uri: options.redirectUri ?? REDIRECT_URI,
    state: options.state ?? 'state-123',
    response_type: 'code',
    prompt: 'consent',
  });
  if (options.challenge) {
    query.set('code_challenge', options.challenge);
    query.set('code_challenge_method', 'S256');
  }
  return `${options.prefix ?? ''}/authorize?${query}`;
}

/** Runs authorize, sign-in and consent; returns the code from the redirect. */
export async function authorizationCode(
  sb: Sandbox,
  options: AuthorizeOptions = {},
  user = 'alice',
): Promise<string> {
  const done = await signInAndDecide(sb, await fetchPage(sb, authorizeUrl(options)), user);
  assert.equal(done.status, 302, done.html);
  const location = new URL(String(done.headers.get('location')));
  const code = location.searchParams.get('code');
  assert.ok(code, `no code in ${location.href}`);
  return code;
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs to `/oauth/token` (JSON by default, or a form). */
export async function tokenRequest(
  sb: Sandbox,
  params: Record<string, string>,
  options: { form?: boolean; prefix?: string } = {},
): Promise<TokenReply> {
  const response = await sb.fetch(`${ORIGIN}${options.prefix ?? ''}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': options.form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: options.form ? new URLSearchParams(params).toString() : JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A full PKCE sign-in of `user`: the token reply's body. */
export async function signIn(
  sb: Sandbox,
  scopes: string[] = ALL_SCOPES,
  user = 'alice',
  prefix = '',
): Promise<Record<string, unknown>> {
  const { verifier, challenge } = pkce();
  const code = await authorizationCode(sb, { scopes, challenge, prefix }, user);
  const reply = await tokenRequest(
    sb,
    {
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    },
    { prefix },
  );
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

/** A bearer authorization header. */
export function bearer(token: unknown): Record<string, string> {
  return { Authorization: `Bearer ${String(token)}` };
}
