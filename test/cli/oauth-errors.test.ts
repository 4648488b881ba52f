/**
 * What goes wrong around `jirats login` and OAuth tokens, and what the user sees: forged callbacks, time-outs,
 * a refused consent, expired and revoked grants, and a grant without the scope a command needs.
 */
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Sandbox } from '../../src/sandbox/index.js';
import { browserFor, closeBrowser, signInInBrowser } from './helpers/browser.js';
import { type CliResult, TestHome } from './helpers/cli.js';
import { startLogin } from './helpers/login-process.js';
import {
  assertNoLeaks,
  DEMO_APP,
  oauth2LoginArgs,
  storedCredential,
  storedProfile,
} from './helpers/oauth-home.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let sandbox: Running & { sb: Sandbox };

before(async () => {
  sandbox = await startSandbox({ flavor: 'cloud', oauth: {} });
});
after(async () => {
  await closeBrowser();
  await sandbox.close();
  home.cleanup();
});

/** Signs `profile` in as alice through the browser; undefined when the browser tests are skipped. */
async function signedInProfile(
  t: TestContext,
  profile: string,
  extra: string[] = [],
): Promise<CliResult | undefined> {
  const browser = await browserFor(t);
  if (!browser) return undefined;
  const login = await startLogin(
    home,
    [...oauth2LoginArgs(sandbox.url, extra), '--profile', profile],
    DEMO_APP.clientSecret,
  );
  await signInInBrowser(browser, login.url, { username: 'alice', password: 'alice' });
  const r = await login.result;
  assert.equal(r.code, 0, r.stderr);
  return r;
}

describe('login: the callback', () => {
  it('answers only /callback, and refuses an answer with a forged state; nothing is stored', async () => {
    const login = await startLogin(
      home,
      [...oauth2LoginArgs(sandbox.url), '--profile', 'forged'],
      'x-secret',
    );
    assert.ok(login.callback);
    const stray = await fetch(new URL('/favicon.ico', login.callback));
    assert.equal(stray.status, 404);
    const forged = await fetch(`${login.callback}?code=stolen-code&state=forged-state`);
    assert.equal(forged.status, 200);
    const r = await login.result;
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /does not belong to this sign-in \(state mismatch\); nothing was stored/);
    assert.equal(storedCredential(home, 'forged'), undefined);
    assert.equal(storedProfile(home, 'forged'), undefined);
    await assert.rejects(fetch(login.callback), 'the listener is closed after the first answer');
  });

  it('prints the URL when no browser can be opened', async () => {
    // No opener on PATH (xdg-open, open): the CLI must fall back to printing the URL.
    const login = await startLogin(
      home,
      ['login', '--oauth2', '--client-id', 'demo-app', '--auth-url', sandbox.url, '--api-url', sandbox.url],
      '',
      { PATH: dirname(process.execPath) },
    );
    assert.match(login.url, /^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
    assert.ok(login.callback);
    await fetch(`${login.callback}?error=access_denied&state=not-this-one`);
    const r = await login.result;
    assert.match(r.stderr, /^Open this URL in your browser: http:/m);
    assert.equal(r.code, 3, r.stderr);
  });

  it('gives up after --timeout seconds with a clear message', async () => {
    const login = await startLogin(home, [...oauth2LoginArgs(sandbox.url), '--timeout', '1'], 'x-secret');
    const r = await login.result;
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /no answer from the browser within 1 seconds; nothing was stored/);
  });

  it('refuses a missing client id or a plain-http authorization server elsewhere', async () => {
    const noId = await home.run(['login', '--oauth2', '--no-browser']);
    assert.equal(noId.code, 2);
    assert.match(noId.stderr, /--oauth2 needs --client-id/);
    const http = await home.run([
      'login',
      '--oauth2',
      '--client-id',
      'x',
      '--auth-url',
      'http://auth.example.com',
      '--no-browser',
    ]);
    assert.equal(http.code, 2);
    assert.match(http.stderr, /plain http/);
    const neither = await home.run(['login']);
    assert.equal(neither.code, 2);
  });
});

describe('login: refused and ended grants', () => {
  it('Deny on the consent page: access was denied, exit 3, nothing stored', async (t) => {
    const browser = await browserFor(t);
    if (!browser) return;
    const login = await startLogin(home, [...oauth2LoginArgs(sandbox.url), '--profile', 'deny'], 'x');
    const page = await signInInBrowser(browser, login.url, {
      username: 'alice',
      password: 'alice',
      decision: 'Deny',
    });
    assert.match(page, /did not succeed/);
    const r = await login.result;
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /access was denied in the browser/);
    assert.equal(storedCredential(home, 'deny'), undefined);
  });

  it('an expired refresh token (and access token) asks to run jirats login again', async (t) => {
    if (!(await signedInProfile(t, 'expired'))) return;
    sandbox.sb.expireOAuthRefreshTokens();
    sandbox.sb.expireOAuthAccessTokens();
    const r = await home.run(['issue', 'get', 'DEMO-1', '--profile', 'expired']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /run `jirats login` again/);
    const stored = storedCredential(home, 'expired');
    assertNoLeaks([r], [stored?.accessToken, stored?.refreshToken]);
  });

  it('a revoked grant asks to run jirats login again', async (t) => {
    if (!(await signedInProfile(t, 'revoked'))) return;
    assert.equal((await home.run(['issue', 'get', 'DEMO-1', '--profile', 'revoked'])).code, 0);
    sandbox.sb.revokeOAuthGrants();
    const r = await home.run(['issue', 'get', 'DEMO-1', '--profile', 'revoked']);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(
      r.stderr,
      'jirats: the OAuth sign-in has expired or was revoked (invalid_grant); run `jirats login` again\n',
    );
  });

  it('a grant without write:jira-work reads but may not change an issue', async (t) => {
    const login = await signedInProfile(t, 'readonly', [
      '--scopes',
      'read:jira-work read:jira-user offline_access',
    ]);
    if (!login) return;
    assert.match(login.stdout, /^scopes\s+read:jira-work read:jira-user offline_access$/m);
    assert.equal((await home.run(['issue', 'get', 'DEMO-1', '--profile', 'readonly'])).code, 0);
    const r = await home.run(['issue', 'set', 'DEMO-1', '--summary', 'Changed', '--profile', 'readonly']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /scope/);
    assert.match(r.stderr, /write:jira-work/);
  });
});
