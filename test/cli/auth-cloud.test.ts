import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliResult, errLines, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let sandbox: Running;
let url: string;

before(async () => {
  sandbox = await startSandbox({ flavor: 'cloud' });
  url = sandbox.url;
});
after(async () => {
  await sandbox.close();
  home.cleanup();
});

function json(result: CliResult): Record<string, unknown> {
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const SECRETS = [
  'admin-api-token',
  'alice-api-token',
  'bob-api-token',
  Buffer.from('admin@example.com:admin-api-token').toString('base64'),
  Buffer.from('alice@example.com:alice-api-token').toString('base64'),
];

function assertNoSecrets(result: CliResult): void {
  for (const secret of SECRETS) {
    assert.ok(!result.stdout.includes(secret), `stdout leaks ${secret}`);
    assert.ok(!result.stderr.includes(secret), `stderr leaks ${secret}`);
  }
}

describe('Cloud: email and API token', () => {
  it('session new with --api-token-stdin, then a new process uses the stored session', async () => {
    const r = await home.run(
      ['session', 'new', '--server', url, '--email', 'admin@example.com', '--api-token-stdin', '--debug'],
      { input: 'admin-api-token\n' },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^authType\s+apiToken$/m);
    assertNoSecrets(r);

    const issue = await home.run(['issue', 'get', 'DEMO-1', '--json', '--debug']);
    assert.equal(json(issue).key, 'DEMO-1');
    assertNoSecrets(issue);
    const me = json(await home.run(['Get-JiraUser', '--json']));
    assert.equal(me.emailAddress, 'admin@example.com');
    assert.equal(typeof me.accountId, 'string');
    assert.equal(Object.hasOwn(me, 'name'), false, 'Cloud users carry no name');
  });

  it('session new from JIRA_EMAIL and JIRA_API_TOKEN', async () => {
    const env = { JIRA_EMAIL: 'bob@example.com', JIRA_API_TOKEN: 'bob-api-token' };
    const r = await home.run(['session', 'new', '--profile', 'env', '--server', url], { env });
    assert.equal(r.code, 0, r.stderr);
    assertNoSecrets(r);
    assert.equal(
      json(await home.run(['user', 'me', '--profile', 'env', '--json'])).emailAddress,
      'bob@example.com',
    );
  });

  it("a profile's stored credential signs in when no session is stored", async () => {
    const add = await home.run(
      [
        'config',
        'profile',
        'add',
        'stored',
        '--server',
        url,
        '--email',
        'alice@example.com',
        '--api-token-stdin',
      ],
      { input: 'alice-api-token' },
    );
    assert.equal(add.code, 0, add.stderr);
    const show = await home.run(['session', 'show', '--profile', 'stored']);
    assert.equal(show.code, 3, 'no session is stored yet');
    const me = await home.run(['user', 'me', '--profile', 'stored', '--json', '--debug']);
    assert.equal(json(me).emailAddress, 'alice@example.com');
    assertNoSecrets(me);
  });

  it('session new reuses the stored credential, and session remove keeps it unless told', async () => {
    assert.equal((await home.run(['session', 'new', '--profile', 'stored'])).code, 0);
    assert.equal((await home.run(['session', 'show', '--profile', 'stored'])).code, 0);
    assert.equal((await home.run(['session', 'remove', '--profile', 'stored'])).code, 0);
    assert.equal(
      json(await home.run(['user', 'me', '--profile', 'stored', '--json'])).emailAddress,
      'alice@example.com',
    );
    assert.equal(
      (await home.run(['session', 'remove', '--profile', 'stored', '--forget-credential'])).code,
      0,
    );
    assert.equal((await home.run(['user', 'me', '--profile', 'stored'])).code, 3);
  });

  it('explicit credentials of the call win over the stored session', async () => {
    const r = await home.run(['user', 'me', '--json', '--email', 'bob@example.com', '--api-token-stdin'], {
      input: 'bob-api-token',
    });
    assert.equal(json(r).emailAddress, 'bob@example.com');
  });
});

describe('Cloud: authentication failures', () => {
  it('a wrong API token exits 3', async () => {
    const r = await home.run(
      ['user', 'me', '--server', url, '--email', 'bob@example.com', '--api-token-stdin'],
      {
        input: 'not-the-token',
      },
    );
    assert.equal(r.code, 3);
    assert.match(errLines(r)[0] ?? '', /^jirats: /);
    assert.equal(errLines(r).length, 2);
    assert.doesNotMatch(r.stderr, /not-the-token/);
  });

  it('a password instead of an API token is refused (exit 3)', async () => {
    const r = await home.run(
      ['session', 'new', '--profile', 'pw', '--server', url, '--user', 'bob', '--password-stdin'],
      {
        input: 'bob',
      },
    );
    assert.equal(r.code, 3);
  });
});
