import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../src/sandbox/index.js';
import { type CliResult, errLines, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let sandbox: Running & { sb: Sandbox };
let url: string;

before(async () => {
  sandbox = await startSandbox({ flavor: 'datacenter' });
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

/** Every secret a Data Center test hands over, and the Basic header values built from them. */
const SECRETS = ['alice-pat', 'bob-pat', Buffer.from('alice:alice').toString('base64'), 'Bearer bob-pat'];

function assertNoSecrets(result: CliResult, extra: string[] = []): void {
  for (const secret of [...SECRETS, ...extra]) {
    assert.ok(!result.stdout.includes(secret), `stdout leaks ${secret}`);
    assert.ok(!result.stderr.includes(secret), `stderr leaks ${secret}`);
  }
}

describe('Data Center: every sign-in method, stored and reused by a new process', () => {
  it('user name and password from stdin', async () => {
    const r = await home.run(
      ['session', 'new', '--server', url, '--user', 'alice', '--password-stdin', '--debug'],
      {
        input: 'alice\n',
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^user\s+alice$/m);
    assert.match(r.stdout, /^authType\s+basic$/m);
    assertNoSecrets(r);

    const issue = json(await home.run(['issue', 'get', 'DEMO-1', '-o', 'json']));
    assert.equal(issue.key, 'DEMO-1');
    const me = json(await home.run(['user', 'me', '--json']));
    assert.equal(me.name, 'alice');

    const config = readFileSync(join(home.configDir, 'config.json'), 'utf8');
    assert.doesNotMatch(config, /JSESSIONID|"password"/);
    assert.equal(statSync(join(home.configDir, 'secrets.json')).mode & 0o777, 0o600);
  });

  it('a personal access token from stdin, through the JiraPS name New-JiraSession', async () => {
    const r = await home.run(['New-JiraSession', '--profile', 'pat', '--server', url, '--pat-stdin'], {
      input: 'bob-pat',
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(await home.run(['user', 'me', '--profile', 'pat', '--json'])).name, 'bob');
    assert.equal(
      json(await home.run(['issue', 'get', 'DEMO-3', '--profile', 'pat', '--json'])).key,
      'DEMO-3',
    );
  });

  it('user and password from JIRA_USER and JIRA_PASSWORD', async () => {
    const env = { JIRA_USER: 'bob', JIRA_PASSWORD: 'bob' };
    const r = await home.run(['session', 'new', '--profile', 'env', '--server', url], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(await home.run(['user', 'me', '--profile', 'env', '--json'])).name, 'bob');
    assert.equal(
      json(await home.run(['issue', 'get', 'DEMO-4', '--profile', 'env', '--json'])).key,
      'DEMO-4',
    );
  });

  it('custom headers (your own Authorization)', async () => {
    const r = await home.run([
      'session',
      'new',
      '--profile',
      'hdr',
      '--server',
      url,
      '--header',
      'Authorization: Bearer bob-pat',
      '--debug',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assertNoSecrets(r);
    const me = await home.run(['user', 'me', '--profile', 'hdr', '--json', '--debug']);
    assert.equal(json(me).name, 'bob');
    assertNoSecrets(me);
    const issue = await home.run(['issue', 'get', 'DEMO-5', '--profile', 'hdr', '--json', '--debug']);
    assert.equal(json(issue).key, 'DEMO-5');
    assertNoSecrets(issue);
  });

  it('a session without its credential still works from its cookie, and nothing leaks with --debug', async () => {
    const r = await home.run(
      [
        'session',
        'new',
        '--profile',
        'cookie',
        '--server',
        url,
        '--user',
        'alice',
        '--password-stdin',
        '--no-keep-credential',
      ],
      { input: 'alice' },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^renewable\s+no/m);
    const secrets = JSON.parse(readFileSync(join(home.configDir, 'secrets.json'), 'utf8')) as {
      secrets: Record<string, string>;
    };
    const session = JSON.parse(secrets.secrets['cookie:session'] ?? '{}') as {
      cookies: Record<string, string>;
    };
    assert.equal(Object.hasOwn(session, 'credential'), false);
    const cookie = session.cookies.JSESSIONID;
    assert.ok(cookie, 'the session holds a JSESSIONID cookie');

    const issue = await home.run(['issue', 'get', 'DEMO-2', '--profile', 'cookie', '--json', '--debug']);
    assert.equal(json(issue).key, 'DEMO-2');
    assertNoSecrets(issue, [cookie]);
  });
});

describe('Data Center: session show and remove', () => {
  it('Get-JiraSession and session show describe the session without secrets', async () => {
    await home.run(['session', 'new', '--profile', 'show', '--server', url, '--pat-stdin'], {
      input: 'alice-pat',
    });
    for (const words of [['session', 'show'], ['Get-JiraSession'], ['get-jirasession']]) {
      const r = await home.run([...words, '--profile', 'show', '--json']);
      const view = json(r);
      assert.equal(view.server, url);
      assert.equal(view.user, 'alice');
      assert.equal(view.authType, 'pat');
      assert.match(String(view.createdAt), /^\d{4}-\d\d-\d\dT/);
      assertNoSecrets(r);
    }
  });

  it('session remove signs out and forgets the session (Remove-JiraSession too)', async () => {
    await home.run(
      ['session', 'new', '--profile', 'bye', '--server', url, '--user', 'bob', '--password-stdin'],
      {
        input: 'bob',
      },
    );
    const removed = await home.run(['Remove-JiraSession', '--profile', 'bye']);
    assert.equal(removed.code, 0, removed.stderr);
    const show = await home.run(['session', 'show', '--profile', 'bye']);
    assert.equal(show.code, 3);
    assert.equal(errLines(show)[0], "jirats: no session stored for profile 'bye'");
    // With the session gone the profile is anonymous, and /myself needs a sign-in.
    const me = await home.run(['user', 'me', '--profile', 'bye']);
    assert.equal(me.code, 3);
  });

  it('session new without any credential is a usage error', async () => {
    const r = await home.run(['session', 'new', '--profile', 'nocred', '--server', url]);
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], 'jirats: session new needs a credential');
  });
});

describe('Data Center: authentication failures', () => {
  it('a wrong password exits 3 with what Jira said', async () => {
    const r = await home.run(['user', 'me', '--server', url, '--user', 'bob', '--password-stdin'], {
      input: 'nope',
    });
    assert.equal(r.code, 3);
    assert.match(errLines(r)[0] ?? '', /^jirats: Authentication failed.*AUTHENTICATED_FAILED/);
    assert.match(errLines(r)[1] ?? '', /^hint: /);
    assert.equal(r.stdout, '');
  });

  it('an unknown personal access token exits 3', async () => {
    const r = await home.run(['issue', 'get', 'DEMO-1', '--server', url, '--pat-stdin'], {
      input: 'no-such-pat',
    });
    assert.equal(r.code, 3);
    assert.equal(errLines(r).length, 2);
  });

  it('an expired session whose credential was not kept exits 3 and says to sign in again', async () => {
    const created = await home.run(
      [
        'session',
        'new',
        '--profile',
        'exp',
        '--server',
        url,
        '--user',
        'alice',
        '--password-stdin',
        '--no-keep-credential',
      ],
      { input: 'alice' },
    );
    assert.equal(created.code, 0, created.stderr);
    sandbox.sb.expireSessions();
    const r = await home.run(['issue', 'get', 'DEMO-1', '--profile', 'exp']);
    assert.equal(r.code, 3);
    assert.match(errLines(r)[0] ?? '', /^jirats: Session expired/);
    assert.equal(errLines(r)[1], 'hint: sign in again with `jirats session new`');
  });

  it('an expired session that kept its credential renews itself', async () => {
    await home.run(
      ['session', 'new', '--profile', 'renew', '--server', url, '--user', 'bob', '--password-stdin'],
      {
        input: 'bob',
      },
    );
    sandbox.sb.expireSessions();
    assert.equal(json(await home.run(['user', 'me', '--profile', 'renew', '--json'])).name, 'bob');
  });

  it('an issue the user may not browse is not found (exit 4)', async () => {
    const r = await home.run(['issue', 'get', 'SECRET-1', '--profile', 'pat']);
    assert.equal(r.code, 4);
    assert.match(errLines(r)[0] ?? '', /^jirats: /);
  });

  it('a stored session is not sent to another server', async () => {
    // Profile `pat` holds bob's session for the sandbox; aimed elsewhere, the call goes out anonymous.
    const other = await startSandbox({ flavor: 'datacenter' });
    try {
      const r = await home.run(['user', 'me', '--profile', 'pat', '--server', other.url]);
      assert.equal(r.code, 3);
    } finally {
      await other.close();
    }
  });
});
