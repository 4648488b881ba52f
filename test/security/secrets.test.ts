/**
 * No secret ever leaves the secrets file: every sign-in method, succeeding and failing, with --debug and
 * logging of every response header on. After each method, stdout and stderr of every run and every file under
 * the test home are searched for each secret in every form it could take (as is, base64, URL-encoded, Basic
 * `user:secret`); the only file allowed to hold one is the 0600 secrets file (and the key file the test wrote).
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_OAUTH1_CONSUMER } from '../../src/sandbox/index.js';
import { type CliResult, type RunOptions, TestHome } from '../cli/helpers/cli.js';
import { startLogin } from '../cli/helpers/login-process.js';
import { DEMO_APP, oauth2LoginArgs } from '../cli/helpers/oauth-home.js';
import { serverInfoJson, startHttp } from '../cli/helpers/servers.js';
import { assertNoLeaksInFiles, assertNoLeaksInOutput, filesUnder, hitsIn } from './helpers/leak-scan.js';
import { newSecret, type WatchedSecret, watch, watchBasic } from './helpers/secret-forms.js';
import { type SecretSandbox, signInByFetch, startSecretSandbox } from './helpers/secret-sandbox.js';

const home = new TestHome();
const KEY_FILE = 'consumer-key.pem';
const STORES = ['config/secrets.json', KEY_FILE];
let dc: SecretSandbox;
let cloud: SecretSandbox;

const runs: { name: string; result: CliResult }[] = [];
const watched: WatchedSecret[] = [];

/** Runs the CLI with --debug, keeping the result for the leak search. */
async function cli(name: string, args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const result = await home.run([...args, '--debug'], opts);
  runs.push({ name, result });
  return result;
}

function expectCode(result: CliResult, code: number): void {
  assert.equal(result.code, code, `exit ${result.code}, expected ${code}\n${result.stderr}`);
}

/**
 * Runs a `jirats login` and signs in (or denies) through the printed URL; keeps the result for the leak search
 * and watches what the browser's return carries (code, verifier).
 */
async function oauthLogin(
  name: string,
  args: string[],
  input: string,
  decision: 'accept' | 'deny' = 'accept',
): Promise<CliResult> {
  const login = await startLogin(home, args, input);
  const account = args.includes('--oauth1') ? dc.alice : cloud.alice;
  const callback = await signInByFetch(login.url, account, decision);
  for (const param of ['code', 'oauth_verifier']) {
    watched.push(...watch(`${name} ${param}`, callback.searchParams.get(param) ?? undefined));
  }
  const result = await login.result;
  runs.push({ name, result });
  return result;
}

/** Turns header logging on for a profile: every response header the CLI may log. */
async function logAllHeaders(profile: string): Promise<void> {
  expectCode(
    await cli(`headers-log ${profile}`, ['headers-log', 'set', '--include', '*', '--profile', profile]),
    0,
  );
}

/** The stored secrets of a profile, as the secrets file holds them. */
function stored(profile: string, what: 'credential' | 'session'): Record<string, unknown> | undefined {
  const file = JSON.parse(readFileSync(join(home.configDir, 'secrets.json'), 'utf8')) as {
    secrets: Record<string, string>;
  };
  const text = file.secrets[`${profile}:${what}`];
  return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
}

/** Everything searched so far: no form of any secret in any output or file. */
function assertNothingLeaked(): string[] {
  assert.ok(watched.length > 0);
  assertNoLeaksInOutput(runs, watched);
  return assertNoLeaksInFiles(home.dir, watched, STORES);
}

before(async () => {
  dc = await startSecretSandbox({ flavor: 'datacenter', oauth: {} });
  cloud = await startSecretSandbox({ flavor: 'cloud', oauth: {} });
  writeFileSync(join(home.dir, KEY_FILE), DEMO_OAUTH1_CONSUMER.privateKey, { mode: 0o600 });
  for (const profile of ['dc', 'cloud', 'sess', 'o1', 'o2']) await logAllHeaders(profile);
});
after(async () => {
  await dc?.close();
  await cloud?.close();
  home.cleanup();
});

describe('the leak search', () => {
  it('finds a secret in each form it can take', () => {
    const secret = newSecret('pw', ' a/b+c%');
    const forms = [...watch('s', secret), ...watchBasic('s', 'alice', secret)];
    const basic = Buffer.from(`alice:${secret}`).toString('base64');
    assert.equal(hitsIn(`Authorization: Basic ${basic}`, forms).length > 0, true);
    assert.equal(hitsIn(`?password=${encodeURIComponent(secret)}`, forms).length > 0, true);
    assert.equal(
      hitsIn(`password=${new URLSearchParams({ p: secret }).toString().slice(2)}`, forms).length > 0,
      true,
    );
    assert.equal(hitsIn(Buffer.from(secret).toString('base64url'), forms).length > 0, true);
    assert.deepEqual(hitsIn('nothing to see', forms), []);
  });
});

describe('secrets never leak (Data Center)', () => {
  it('basic: user and password, from stdin and the environment, right and wrong', async () => {
    const { user, password } = dc.alice;
    const wrong = newSecret('wrongpw', ' x/y+z');
    watched.push(...watch('password', password), ...watchBasic('password', user, password));
    watched.push(...watch('wrong password', wrong), ...watchBasic('wrong password', user, wrong));
    const base = ['--server', dc.url, '--profile', 'dc'];
    expectCode(
      await cli('basic stdin', ['user', 'me', ...base, '--user', user, '--password-stdin'], {
        input: password,
      }),
      0,
    );
    const env = { JIRA_USER: user, JIRA_PASSWORD: password };
    expectCode(await cli('basic env', ['issue', 'get', 'DEMO-1', ...base], { env }), 0);
    expectCode(
      await cli('basic wrong', ['user', 'me', ...base, '--user', user, '--password-stdin'], { input: wrong }),
      3,
    );
    const badEnv = { JIRA_USER: user, JIRA_PASSWORD: wrong };
    expectCode(
      await cli('basic wrong env', ['issue', 'get', 'DEMO-1', ...base, '-o', 'json'], { env: badEnv }),
      3,
    );
    assertNothingLeaked();
  });

  it('personal access token, right and wrong', async () => {
    const wrong = newSecret('wrongpat');
    watched.push(...watch('pat', dc.alice.pat), ...watch('wrong pat', wrong));
    const base = ['--server', dc.url, '--profile', 'dc'];
    expectCode(await cli('pat stdin', ['user', 'me', ...base, '--pat-stdin'], { input: dc.alice.pat }), 0);
    expectCode(
      await cli('pat env', ['issue', 'get', 'DEMO-2', ...base], { env: { JIRA_PAT: dc.alice.pat } }),
      0,
    );
    expectCode(
      await cli('pat wrong', ['issue', 'get', 'DEMO-2', ...base, '--pat-stdin'], { input: wrong }),
      3,
    );
    assertNothingLeaked();
  });

  it('custom headers, right and wrong', async () => {
    const wrong = newSecret('wrongbearer');
    const custom = newSecret('customhdr');
    watched.push(...watch('wrong bearer', wrong), ...watch('custom header', custom));
    const base = ['--server', dc.url, '--profile', 'dc'];
    const basic = Buffer.from(`${dc.alice.user}:${dc.alice.password}`).toString('base64');
    const ok = await cli('headers bearer', [
      'user',
      'me',
      ...base,
      '--header',
      `Authorization: Bearer ${dc.alice.pat}`,
    ]);
    expectCode(ok, 0);
    expectCode(
      await cli('headers basic', [
        'issue',
        'get',
        'DEMO-1',
        ...base,
        '--header',
        `Authorization: Basic ${basic}`,
      ]),
      0,
    );
    const bad = ['--header', `Authorization: Bearer ${wrong}`, '--header', `X-Api-Key: ${custom}`];
    expectCode(await cli('headers wrong', ['user', 'me', ...base, ...bad]), 3);
    assertNothingLeaked();
  });

  it('cookie session: sign in, reuse, renew after expiry, sign out; a wrong password', async () => {
    const { user, password } = dc.alice;
    const base = ['--server', dc.url, '--profile', 'sess'];
    const signIn = await cli('session new', ['session', 'new', ...base, '--user', user, '--password-stdin'], {
      input: password,
    });
    expectCode(signIn, 0);
    const first = stored('sess', 'session') as { cookies: Record<string, string> } | undefined;
    assert.ok(first?.cookies.JSESSIONID, 'a session cookie is stored');
    for (const [name, value] of Object.entries(first.cookies))
      watched.push(...watch(`cookie ${name}`, value));
    expectCode(await cli('session use', ['issue', 'get', 'DEMO-1', '--profile', 'sess']), 0);
    expectCode(await cli('session show', ['session', 'show', '--profile', 'sess', '--json']), 0);

    dc.sb.expireSessions();
    expectCode(await cli('session renewed', ['user', 'me', '--profile', 'sess']), 0);
    const second = stored('sess', 'session') as { cookies: Record<string, string> } | undefined;
    for (const [name, value] of Object.entries(second?.cookies ?? {}))
      watched.push(...watch(`renewed ${name}`, value));
    expectCode(await cli('profile list', ['config', 'profile', 'list', '--json']), 0);
    // The cookies and the kept credential are found where they belong: the search does look into files.
    assert.deepEqual(assertNothingLeaked(), ['config/secrets.json']);
    expectCode(await cli('session remove', ['session', 'remove', '--profile', 'sess']), 0);

    const wrong = newSecret('wrongsess', ' %/');
    watched.push(
      ...watch('wrong session password', wrong),
      ...watchBasic('wrong session password', user, wrong),
    );
    const refused = await cli(
      'session wrong',
      ['session', 'new', '--server', dc.url, '--profile', 'sess', '--user', user, '--password-stdin'],
      {
        input: wrong,
      },
    );
    expectCode(refused, 3);
    assertNothingLeaked();
  });

  it('OAuth 1.0a: sign in, signed calls, revoked token; a denied sign-in', async () => {
    const args = [
      'login',
      '--oauth1',
      '--server',
      dc.url,
      '--consumer-key',
      DEMO_OAUTH1_CONSUMER.consumerKey,
      '--private-key',
      join(home.dir, KEY_FILE),
      '--no-browser',
      '--profile',
      'o1',
      '--debug',
    ];
    for (const line of DEMO_OAUTH1_CONSUMER.privateKey
      .split('\n')
      .filter((l) => l.length > 16 && !l.startsWith('-----'))) {
      watched.push({ label: 'private key line', value: line });
    }
    const signedIn = await oauthLogin('oauth1 login', args, '');
    expectCode(signedIn, 0);
    const credential = stored('o1', 'credential') as { token: string; tokenSecret: string } | undefined;
    assert.ok(credential?.token);
    watched.push(
      ...watch('oauth1 token', credential.token),
      ...watch('oauth1 token secret', credential.tokenSecret),
    );
    expectCode(await cli('oauth1 call', ['issue', 'get', 'DEMO-1', '--profile', 'o1']), 0);
    dc.sb.revokeOAuthGrants();
    expectCode(await cli('oauth1 revoked', ['user', 'me', '--profile', 'o1']), 3);

    const deniedResult = await oauthLogin('oauth1 denied', args, '', 'deny');
    expectCode(deniedResult, 3);
    assert.deepEqual(assertNothingLeaked().sort(), [...STORES].sort());
  });
});

describe('secrets never leak, even when the server echoes them', () => {
  it('every credential sent to a server that repeats it in error messages and headers stays masked', async () => {
    // Every request header comes back in the error message and in response headers, as a careless proxy might.
    const echo = await startHttp((req, res) => {
      if (/\/serverInfo$/.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(serverInfoJson('http://127.0.0.1'));
        return;
      }
      const received = Object.entries(req.headers).map(([name, value]) => `${name}=${String(value)}`);
      res.writeHead(401, {
        'content-type': 'application/json',
        'x-echo-authorization': String(req.headers.authorization ?? ''),
        'x-echo-request': encodeURIComponent(received.join('; ')).slice(0, 4000),
        'www-authenticate': `Basic realm="echo", received="${String(req.headers.authorization ?? '')}"`,
      });
      res.end(
        JSON.stringify({
          errorMessages: [`Rejected ${received.join('; ')}`],
          errors: { url: String(req.url) },
        }),
      );
    });
    try {
      const { user, email, password, apiToken, pat } = dc.alice;
      const custom = newSecret('echoed');
      watched.push(...watch('echoed custom header', custom));
      const base = ['--server', echo.url, '--profile', 'dc'];
      const cases: [string, string[], RunOptions][] = [
        ['echo basic', ['user', 'me', ...base, '--user', user, '--password-stdin'], { input: password }],
        [
          'echo basic env',
          ['issue', 'get', 'DEMO-1', ...base],
          { env: { JIRA_USER: user, JIRA_PASSWORD: password } },
        ],
        [
          'echo api token',
          ['user', 'me', ...base, '--email', email, '--api-token-stdin'],
          { input: apiToken },
        ],
        ['echo pat', ['issue', 'get', 'DEMO-1', ...base], { env: { JIRA_PAT: pat } }],
        [
          'echo headers',
          [
            'user',
            'me',
            ...base,
            '--header',
            `Authorization: Bearer ${pat}`,
            '--header',
            `X-Api-Key: ${custom}`,
          ],
          {},
        ],
      ];
      watched.push(...watchBasic('api token', email, apiToken));
      for (const [name, args, opts] of cases) {
        const r = await cli(name, args, opts);
        assert.equal(r.code, 3, `${name}: exit ${r.code}\n${r.stderr}`);
      }
      assertNothingLeaked();
    } finally {
      await echo.close();
    }
  });
});

describe('secrets never leak from bulk runs', () => {
  it('journals, given and default, hold no secret and are 0600', async () => {
    const env = { JIRA_PAT: dc.alice.pat };
    const base = ['--server', dc.url, '--profile', 'dc'];
    const journal = join(home.dir, 'run-journal.ndjson');
    const given = await cli(
      'bulk comment',
      ['issue', 'comment', '--jql', 'key = DEMO-1', '--body', 'checked', '--journal', journal, ...base],
      { env },
    );
    expectCode(given, 0);
    const byDefault = await cli(
      'bulk label',
      ['issue', 'set', '--jql', 'key = DEMO-2', '--add-label', 'checked', ...base],
      { env: { JIRA_USER: dc.alice.user, JIRA_PASSWORD: dc.alice.password } },
    );
    expectCode(byDefault, 0);
    const journals = filesUnder(home.dir).filter((f) => f.endsWith('.ndjson'));
    assert.ok(journals.includes(journal), 'the given journal was written');
    assert.ok(journals.length >= 2, 'a default journal was written in the data folder');
    for (const file of journals) assert.equal(statSync(file).mode & 0o777, 0o600, `${file} is 0600`);
    assertNothingLeaked();
  });
});

describe('secrets never leak (Cloud)', () => {
  it('API token, from stdin and the environment, right and wrong', async () => {
    const { email, apiToken } = cloud.alice;
    const wrong = newSecret('wrongtok');
    watched.push(...watch('api token', apiToken), ...watchBasic('api token', email, apiToken));
    watched.push(...watch('wrong api token', wrong), ...watchBasic('wrong api token', email, wrong));
    const base = ['--server', cloud.url, '--profile', 'cloud'];
    expectCode(
      await cli('token stdin', ['user', 'me', ...base, '--email', email, '--api-token-stdin'], {
        input: apiToken,
      }),
      0,
    );
    const env = { JIRA_EMAIL: email, JIRA_API_TOKEN: apiToken };
    expectCode(await cli('token env', ['issue', 'get', 'DEMO-1', ...base, '--json'], { env }), 0);
    expectCode(
      await cli('token wrong', ['user', 'me', ...base, '--email', email, '--api-token-stdin'], {
        input: wrong,
      }),
      3,
    );
    assertNothingLeaked();
  });

  it('OAuth 2.0: sign in, calls, silent refresh, revoked grant, sign out; a denied sign-in', async () => {
    watched.push(...watch('client secret', DEMO_APP.clientSecret));
    const args = [...oauth2LoginArgs(cloud.url), '--profile', 'o2', '--debug'];
    const signedIn = await oauthLogin('oauth2 login', args, `${DEMO_APP.clientSecret}\n`);
    expectCode(signedIn, 0);
    const first = stored('o2', 'credential') as { accessToken: string; refreshToken: string } | undefined;
    assert.ok(first?.refreshToken);
    watched.push(...watch('access token', first.accessToken), ...watch('refresh token', first.refreshToken));
    expectCode(await cli('oauth2 call', ['issue', 'get', 'DEMO-1', '--profile', 'o2']), 0);

    cloud.sb.expireOAuthAccessTokens();
    expectCode(await cli('oauth2 refreshed', ['user', 'me', '--profile', 'o2']), 0);
    const second = stored('o2', 'credential') as { accessToken: string; refreshToken: string } | undefined;
    assert.ok(second && second.accessToken !== first.accessToken, 'the token was refreshed');
    watched.push(
      ...watch('refreshed access token', second.accessToken),
      ...watch('refreshed refresh token', second.refreshToken),
    );
    expectCode(await cli('oauth2 logout', ['logout', '--profile', 'o2']), 0);

    expectCode(await oauthLogin('oauth2 login again', args, DEMO_APP.clientSecret), 0);
    const third = stored('o2', 'credential') as { accessToken: string; refreshToken: string } | undefined;
    watched.push(
      ...watch('third access token', third?.accessToken),
      ...watch('third refresh token', third?.refreshToken),
    );
    cloud.sb.revokeOAuthGrants();
    expectCode(await cli('oauth2 revoked', ['issue', 'get', 'DEMO-1', '--profile', 'o2']), 3);

    const deniedResult = await oauthLogin('oauth2 denied', args, DEMO_APP.clientSecret, 'deny');
    expectCode(deniedResult, 3);
    assertNothingLeaked();
  });
});
