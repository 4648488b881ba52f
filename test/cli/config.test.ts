import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type CliResult, errLines } from './helpers/cli.js';
import { sandboxFor } from './helpers/flavor-sandboxes.js';

const { home, sandbox } = sandboxFor('datacenter');

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

function configFile(): { current?: string; profiles: Record<string, Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(home.configDir, 'config.json'), 'utf8'));
}

describe('config server', () => {
  it('get before set is a usage error', async () => {
    const r = await home.run(['config', 'server', 'get']);
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], "jirats: no server configured for profile 'default'");
  });

  it('set stores the URL without a trailing slash; get prints it (JiraPS names too)', async () => {
    ok(await home.run(['Set-JiraConfigServer', `${sandbox.url}/`]));
    assert.equal(ok(await home.run(['config', 'server', 'get'])), `${sandbox.url}\n`);
    assert.equal(ok(await home.run(['Get-JiraConfigServer'])), `${sandbox.url}\n`);
    assert.deepEqual(JSON.parse(ok(await home.run(['config', 'server', 'get', '--json']))), {
      server: sandbox.url,
    });
    assert.equal(configFile().current, 'default');
  });

  it('commands then use the configured server', async () => {
    const info = JSON.parse(ok(await home.run(['server', 'info', '--json']))) as { baseUrl: string };
    assert.equal(info.baseUrl, sandbox.url);
  });

  it('set rejects a malformed URL and keeps the old one', async () => {
    const r = await home.run(['config', 'server', 'set', 'jira.example.com']);
    assert.equal(r.code, 2);
    assert.equal(ok(await home.run(['config', 'server', 'get'])), `${sandbox.url}\n`);
  });
});

describe('config profile', () => {
  it('add, list, use and remove', async () => {
    ok(
      await home.run([
        'config',
        'profile',
        'add',
        'work',
        '--server',
        'https://jira.example.com/jira',
        '--user',
        'jdoe',
      ]),
    );
    ok(await home.run(['config', 'profile', 'add', 'demo', '--sandbox', '--sandbox-flavor', 'datacenter']));
    const listed = JSON.parse(ok(await home.run(['config', 'profile', 'list', '--json']))) as {
      name: string;
      current: boolean;
      server: string;
      user: string;
    }[];
    assert.deepEqual(
      listed.map((p) => [p.name, p.current, p.server, p.user]),
      [
        ['default', true, sandbox.url, ''],
        ['demo', false, '(sandbox, datacenter)', ''],
        ['work', false, 'https://jira.example.com/jira', 'jdoe'],
      ],
    );

    ok(await home.run(['config', 'profile', 'use', 'demo']));
    // The sandbox profile answers from the embedded sandbox, signed in as admin.
    const me = JSON.parse(ok(await home.run(['user', 'me', '--json']))) as { name: string };
    assert.equal(me.name, 'admin');
    // --profile and JIRATS_PROFILE pick another profile for one call.
    assert.equal(
      ok(await home.run(['config', 'server', 'get', '--profile', 'work'])),
      'https://jira.example.com/jira\n',
    );
    const viaEnv = await home.run(['config', 'server', 'get'], { env: { JIRATS_PROFILE: 'default' } });
    assert.equal(ok(viaEnv), `${sandbox.url}\n`);

    ok(await home.run(['config', 'profile', 'remove', 'work']));
    ok(await home.run(['config', 'profile', 'use', 'default']));
    assert.deepEqual(Object.keys(configFile().profiles).sort(), ['default', 'demo']);
  });

  it('a profile stores no secret in config.json', async () => {
    const r = await home.run(['config', 'profile', 'add', 'tok', '--server', sandbox.url, '--pat-stdin'], {
      input: 'alice-pat',
    });
    ok(r);
    assert.doesNotMatch(readFileSync(join(home.configDir, 'config.json'), 'utf8'), /alice-pat/);
    const me = JSON.parse(ok(await home.run(['user', 'me', '--profile', 'tok', '--json']))) as {
      name: string;
    };
    assert.equal(me.name, 'alice');
    ok(await home.run(['config', 'profile', 'remove', 'tok']));
    assert.doesNotMatch(readFileSync(join(home.configDir, 'secrets.json'), 'utf8'), /alice-pat/);
  });

  it('mistakes are usage errors', async () => {
    const cases: [string[], string][] = [
      [['config', 'profile', 'use', 'nope'], "jirats: no profile named 'nope'"],
      [['config', 'profile', 'remove', 'nope'], "jirats: no profile named 'nope'"],
      [['config', 'profile', 'add', 'demo', '--sandbox'], "jirats: profile 'demo' already exists"],
      [['config', 'profile', 'add', 'x'], 'jirats: config profile add needs --server URL or --sandbox'],
      [['config', 'profile', 'add', 'bad name', '--sandbox'], "jirats: invalid profile name 'bad name'"],
    ];
    for (const [args, message] of cases) {
      const r = await home.run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(errLines(r)[0], message);
    }
  });
});

describe('headers-log', () => {
  it('set, get and disable, persisted per profile (JiraPS names too)', async () => {
    ok(
      await home.run([
        'Set-JiraResponseHeaderLogConfiguration',
        '--include',
        'X-A*',
        '--exclude',
        'X-AUSERNAME',
      ]),
    );
    const config = JSON.parse(ok(await home.run(['Get-JiraResponseHeaderLogConfiguration', '--json'])));
    assert.deepEqual(config, { include: ['X-A*'], exclude: ['X-AUSERNAME'] });
    assert.deepEqual(configFile().profiles.default?.headerLog, config);
  });

  it('every command then logs the matching response headers on stderr', async () => {
    const r = await home.run(['issue', 'get', 'DEMO-1', '--json'], { env: { JIRA_PAT: 'admin-pat' } });
    assert.equal((JSON.parse(ok(r)) as { key: string }).key, 'DEMO-1');
    assert.match(r.stderr, /x-arequestid/i);
    assert.doesNotMatch(r.stderr, /x-ausername/i);
    assert.doesNotMatch(r.stdout, /x-arequestid/i);
  });

  it('secret-bearing headers are refused with a warning', async () => {
    const r = await home.run(['headers-log', 'set', '--include', 'Set-Cookie', 'X-AREQUESTID']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^warning: .*set-cookie/m);
  });

  it('disable turns it off', async () => {
    ok(await home.run(['headers-log', 'disable']));
    assert.equal(ok(await home.run(['headers-log', 'get'])), '');
    const r = await home.run(['issue', 'get', 'DEMO-1', '--json'], { env: { JIRA_PAT: 'admin-pat' } });
    assert.doesNotMatch(r.stderr, /x-arequestid/i);
  });
});
