/**
 * `jirats login --oauth2` end to end: the CLI as a process, the sandbox's authorization server on a real port,
 * and a real Chromium signing in and consenting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../src/sandbox/index.js';
import { browserFor, closeBrowser, signInInBrowser } from './helpers/browser.js';
import { type CliResult, TestHome } from './helpers/cli.js';
import { startLogin } from './helpers/login-process.js';
import {
  assertNoLeaks,
  DEMO_APP,
  oauth2LoginArgs,
  SANDBOX_CLOUD_ID,
  secretsMode,
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

function issueKey(r: CliResult): string {
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { key: string }).key;
}

describe('login --oauth2 (Cloud, OAuth 2.0 3LO)', () => {
  it('signs in through the browser, refreshes silently, stores rotated tokens; a reused refresh token ends the grant', async (t) => {
    const browser = await browserFor(t);
    if (!browser) return;
    const url = sandbox.url;
    const login = await startLogin(home, oauth2LoginArgs(url), `${DEMO_APP.clientSecret}\n`);
    assert.match(login.url, /^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
    const authorize = new URL(login.url).searchParams;
    assert.equal(authorize.get('client_id'), 'demo-app');
    assert.equal(authorize.get('code_challenge_method'), 'S256');
    assert.match(authorize.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const page = await signInInBrowser(browser, login.url, { username: 'alice', password: 'alice' });
    assert.match(page, /JiraTS received the answer/);
    const signedIn = await login.result;
    assert.equal(signedIn.code, 0, signedIn.stderr);
    assert.match(
      signedIn.stderr,
      /^Signed in as Alice Anderson to JiraTS Sandbox \(http:\/\/127\.0\.0\.1:\d+\)$/m,
    );

    const first = storedCredential(home);
    assert.ok(first, 'the tokens are stored');
    assert.equal(first.type, 'oauth2');
    assert.equal(first.cloudId, SANDBOX_CLOUD_ID);
    assert.ok(first.refreshToken, 'offline_access gives a refresh token');
    assert.equal(secretsMode(home), 0o600);
    const profile = storedProfile(home);
    assert.equal(profile?.server, url);
    assert.equal(profile?.auth, 'oauth2');
    assert.deepEqual(profile?.oauth, { authUrl: url, apiUrl: url });

    const read = await home.run(['issue', 'get', 'DEMO-1', '--json', '--debug']);
    assert.equal(issueKey(read), 'DEMO-1');
    assert.match(
      read.stderr,
      /\/ex\/jira\/11111111-2222-4333-8444-555555555555\/rest\/api\/3\/issue\/DEMO-1/,
    );

    // An expired access token is refreshed without a word, and the rotated pair is stored at once.
    sandbox.sb.expireOAuthAccessTokens();
    const refreshed = await home.run(['issue', 'get', 'DEMO-1', '--json', '--debug']);
    assert.equal(issueKey(refreshed), 'DEMO-1');
    const second = storedCredential(home);
    assert.ok(second);
    assert.notEqual(second.refreshToken, first.refreshToken);
    assert.notEqual(second.accessToken, first.accessToken);
    const me = await home.run(['user', 'me', '--json']);
    assert.equal(me.code, 0, me.stderr);
    assert.equal((JSON.parse(me.stdout) as { displayName: string }).displayName, 'Alice Anderson');

    // Presenting the replaced refresh token looks like theft: the server revokes the whole grant.
    const reuse = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: DEMO_APP.clientId,
        client_secret: DEMO_APP.clientSecret,
        refresh_token: first.refreshToken,
      }),
    });
    assert.equal(reuse.status, 403);
    assert.equal(((await reuse.json()) as { error: string }).error, 'invalid_grant');
    const revoked = await home.run(['issue', 'get', 'DEMO-1']);
    assert.equal(revoked.code, 3, revoked.stderr);
    assert.match(revoked.stderr, /run `jirats login` again/);
    assert.equal(revoked.stderr.trim().split('\n').length, 1, revoked.stderr);

    assertNoLeaks(
      [signedIn, read, refreshed, me, revoked],
      [first.accessToken, first.refreshToken, second.accessToken, second.refreshToken, DEMO_APP.clientSecret],
    );
  });

  it('logout revokes the tokens on the server and forgets them; later commands go out anonymous', async (t) => {
    const browser = await browserFor(t);
    if (!browser) return;
    const url = sandbox.url;
    const args = ['--profile', 'out'];
    const login = await startLogin(home, [...oauth2LoginArgs(url), ...args], DEMO_APP.clientSecret);
    await signInInBrowser(browser, login.url, { username: 'bob', password: 'bob' });
    const signedIn = await login.result;
    assert.equal(signedIn.code, 0, signedIn.stderr);
    assert.match(signedIn.stderr, /Signed in as Bob Brown/);
    const stored = storedCredential(home, 'out');
    assert.ok(stored?.refreshToken);
    assert.equal((await home.run(['issue', 'get', 'DEMO-1', ...args])).code, 0);

    const out = await home.run(['logout', ...args]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(
      out.stderr,
      /Signed out; removed the stored tokens of profile 'out' \(revoked on the server\)/,
    );
    assert.equal(storedCredential(home, 'out'), undefined);
    assert.equal(storedProfile(home, 'out')?.auth, undefined);

    const refused = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: DEMO_APP.clientId,
        client_secret: DEMO_APP.clientSecret,
        refresh_token: stored.refreshToken,
      }),
    });
    assert.equal(refused.status, 403, 'the revoked refresh token no longer works');
    const anonymous = await home.run(['issue', 'get', 'DEMO-1', ...args]);
    assert.notEqual(anonymous.code, 0);
    assert.match(anonymous.stderr, /no credentials were sent/);
    const again = await home.run(['logout', ...args]);
    assert.match(again.stderr, /Nothing was stored for profile 'out'/);
    assertNoLeaks([signedIn, out, anonymous], [stored.accessToken, stored.refreshToken]);
  });

  it('with several sites: a script must pick one with --site, which then gets the calls', async (t) => {
    const browser = await browserFor(t);
    if (!browser) return;
    const second = { id: '22222222-2222-4222-8222-222222222222', name: 'Second Site' };
    const multi = await startSandbox({ flavor: 'cloud', oauth: { extraSites: [second] } });
    try {
      const args = [...oauth2LoginArgs(multi.url), '--profile', 'multi'];
      const unsure = await startLogin(home, args, DEMO_APP.clientSecret);
      await signInInBrowser(browser, unsure.url, { username: 'alice', password: 'alice' });
      const refused = await unsure.result;
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(refused.stderr, /reaches 2 sites; choose one with --site/);
      assert.match(refused.stderr, /Second Site \(https:\/\/second-site\.atlassian\.net, id 22222222-/);
      assert.equal(storedCredential(home, 'multi'), undefined);

      const chosen = await startLogin(
        home,
        [...args, '--site', 'https://second-site.atlassian.net'],
        DEMO_APP.clientSecret,
      );
      await signInInBrowser(browser, chosen.url, { username: 'alice', password: 'alice' });
      const ok = await chosen.result;
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(
        ok.stderr,
        /Signed in as Alice Anderson to Second Site \(https:\/\/second-site\.atlassian\.net\)/,
      );
      assert.equal(storedCredential(home, 'multi')?.cloudId, second.id);
      assert.equal(storedProfile(home, 'multi')?.server, 'https://second-site.atlassian.net');
      const read = await home.run(['issue', 'get', 'DEMO-1', '--profile', 'multi', '--debug']);
      assert.equal(read.code, 0, read.stderr);
      assert.match(read.stderr, new RegExp(`/ex/jira/${second.id}/rest/api/3/issue/DEMO-1`));
    } finally {
      await multi.close();
    }
  });
});
