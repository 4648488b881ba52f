/**
 * `jirats login --oauth1` end to end on the Data Center sandbox: request token signed with the demo consumer's
 * RSA key, sign-in and consent in a real Chromium, then every later command signed with the access token.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_OAUTH1_CONSUMER, type Sandbox } from '../../src/sandbox/index.js';
import { browserFor, closeBrowser, signInInBrowser } from './helpers/browser.js';
import { TestHome } from './helpers/cli.js';
import { startLogin } from './helpers/login-process.js';
import { assertNoLeaks, secretsMode, storedCredential, storedProfile } from './helpers/oauth-home.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
const keyFile = join(home.dir, 'demo-consumer.pem');
let sandbox: Running & { sb: Sandbox };

before(async () => {
  sandbox = await startSandbox({ flavor: 'datacenter', oauth: {} });
  writeFileSync(keyFile, DEMO_OAUTH1_CONSUMER.privateKey, { mode: 0o600 });
});
after(async () => {
  await closeBrowser();
  await sandbox.close();
  home.cleanup();
});

function loginArgs(profile: string): string[] {
  return [
    'login',
    '--oauth1',
    '--server',
    sandbox.url,
    '--consumer-key',
    DEMO_OAUTH1_CONSUMER.consumerKey,
    '--private-key',
    keyFile,
    '--no-browser',
    '--profile',
    profile,
  ];
}

/** The base64 lines of the demo private key: none may ever be printed. */
const KEY_LINES = DEMO_OAUTH1_CONSUMER.privateKey
  .split('\n')
  .filter((l) => l.length > 8 && !l.startsWith('-----'));

describe('login --oauth1 (Data Center, OAuth 1.0a)', () => {
  it('signs in through the browser; commands are signed with the token until it is revoked', async (t) => {
    const browser = await browserFor(t);
    if (!browser) return;
    const login = await startLogin(home, loginArgs('dc'));
    assert.match(login.url, /\/plugins\/servlet\/oauth\/authorize\?oauth_token=/);
    const page = await signInInBrowser(browser, login.url, { username: 'bob', password: 'bob' });
    assert.match(page, /JiraTS received the answer/);
    const signedIn = await login.result;
    assert.equal(signedIn.code, 0, signedIn.stderr);
    assert.match(signedIn.stderr, new RegExp(`^Signed in as Bob Brown to ${sandbox.url}$`, 'm'));

    const stored = storedCredential(home, 'dc');
    assert.equal(stored?.type, 'oauth1');
    assert.equal(stored?.consumerKey, 'demo-consumer');
    assert.ok(stored?.token);
    assert.equal(secretsMode(home), 0o600);
    assert.equal(storedProfile(home, 'dc')?.auth, 'oauth1');
    assert.equal(storedProfile(home, 'dc')?.server, sandbox.url);

    const me = await home.run(['user', 'me', '--json', '--debug', '--profile', 'dc']);
    assert.equal(me.code, 0, me.stderr);
    assert.equal((JSON.parse(me.stdout) as { name: string }).name, 'bob');
    const issue = await home.run(['issue', 'get', 'DEMO-1', '--json', '--profile', 'dc']);
    assert.equal(issue.code, 0, issue.stderr);

    sandbox.sb.revokeOAuthGrants();
    const revoked = await home.run(['issue', 'get', 'DEMO-1', '--profile', 'dc']);
    assert.equal(revoked.code, 3, revoked.stderr);
    assert.match(revoked.stderr, /^jirats: .*\(token_rejected\); run `jirats login` again$/m);

    assertNoLeaks([signedIn, me, issue, revoked], [stored?.token, stored?.tokenSecret, ...KEY_LINES]);

    const out = await home.run(['logout', '--profile', 'dc']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stderr, /Signed out; removed the stored tokens of profile 'dc'/);
    assert.equal(storedCredential(home, 'dc'), undefined);
  });

  it('Deny on the consent page: access was denied, exit 3, nothing stored', async (t) => {
    const browser = await browserFor(t);
    if (!browser) return;
    const login = await startLogin(home, loginArgs('denied'));
    await signInInBrowser(browser, login.url, { username: 'alice', password: 'alice', decision: 'Deny' });
    const r = await login.result;
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /access was denied in the browser \(permission_denied\); nothing was stored/);
    assert.equal(storedCredential(home, 'denied'), undefined);
  });

  it('a missing or unreadable private key is a usage error', async () => {
    const r = await home.run([
      'login',
      '--oauth1',
      '--server',
      sandbox.url,
      '--consumer-key',
      'demo-consumer',
      '--private-key',
      join(home.dir, 'missing.pem'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read --private-key/);
  });
});
