/**
 * A sandbox on a real port whose accounts carry fresh, recognisable secrets (the seed's `alice`/`alice` would
 * match ordinary text), and a plain-fetch driver of its OAuth sign-in pages, standing in for the browser.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';
import { newSecret } from './secret-forms.js';

/** The secrets of the account `alice` in a secret sandbox. */
export interface AccountSecrets {
  user: string;
  email: string;
  /** Has a space, `@`, `/`, `+` and `%`, so its URL-encoded and base64 forms differ from it. */
  password: string;
  apiToken: string;
  pat: string;
}

export interface SecretSandbox {
  sb: Sandbox;
  url: string;
  alice: AccountSecrets;
  close(): Promise<void>;
}

/** Starts a sandbox of `flavor` whose user alice has fresh secrets. */
export async function startSecretSandbox(options: SandboxOptions): Promise<SecretSandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'jirats-secret-sb-'));
  const dataFile = join(dir, 'state.json');
  await createSandbox({ ...options, dataFile }).close();
  const state = JSON.parse(readFileSync(dataFile, 'utf8')) as {
    users: { name: string; email: string; password: string; apiTokens: string[]; pats: string[] }[];
  };
  const record = state.users.find((u) => u.name === 'alice');
  assert.ok(record, 'the seed has alice');
  const alice: AccountSecrets = {
    user: record.name,
    email: record.email,
    password: newSecret('pw', ' p@ss/w+rd%'),
    apiToken: newSecret('apitok'),
    pat: newSecret('pat'),
  };
  record.password = alice.password;
  record.apiTokens = [alice.apiToken];
  record.pats = [alice.pat];
  writeFileSync(dataFile, JSON.stringify(state), { mode: 0o600 });
  const sb = createSandbox({ ...options, dataFile });
  const url = await sb.listen(0);
  return {
    sb,
    url,
    alice,
    close: async () => {
      await sb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Page {
  status: number;
  location: string | null;
  html: string;
}

async function get(url: string): Promise<Page> {
  const r = await fetch(url, { redirect: 'manual' });
  return { status: r.status, location: r.headers.get('location'), html: await r.text() };
}

async function submit(base: string, page: Page, fields: Record<string, string>): Promise<Page> {
  const action = /<form[^>]*action="([^"]*)"/.exec(page.html)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(action, `no form in page:\n${page.html}`);
  const hidden: Record<string, string> = {};
  for (const input of page.html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1];
    if (name) hidden[name] = value ?? '';
  }
  const r = await fetch(new URL(action, base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
  });
  return { status: r.status, location: r.headers.get('location'), html: await r.text() };
}

/**
 * Signs in at the sign-in URL the CLI printed and decides on the consent page, then delivers the browser's
 * redirect to the CLI's callback listener. Resolves the callback URL (it carries the code or verifier).
 */
export async function signInByFetch(
  signInUrl: string,
  who: { user: string; password: string },
  decision: 'accept' | 'deny' = 'accept',
): Promise<URL> {
  let page = await get(signInUrl);
  // An authorize endpoint may first redirect to its sign-in page.
  while (page.status >= 300 && page.status < 400 && page.location) {
    page = await get(new URL(page.location, signInUrl).href);
  }
  assert.equal(page.status, 200, page.html);
  const consent = await submit(signInUrl, page, { username: who.user, password: who.password });
  assert.match(consent.html, />Accept<\/button>/, 'the sign-in was accepted');
  const answer = await submit(signInUrl, consent, { decision });
  assert.ok(answer.location, `no redirect after the decision (${answer.status})`);
  const callback = new URL(answer.location, signInUrl);
  const delivered = await fetch(callback);
  await delivered.text();
  return callback;
}
