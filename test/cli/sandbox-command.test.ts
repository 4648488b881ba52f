import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanEnv, cliEntry, ROOT, TestHome } from './helpers/cli.js';

const home = new TestHome();
after(() => home.cleanup());

describe('sandbox start', () => {
  it('prints the URL and the demo credentials, serves until SIGTERM, then saves its state', async () => {
    const dataFile = join(home.dir, 'sandbox.json');
    const child = spawn(
      process.execPath,
      [...cliEntry(), 'sandbox', 'start', '--port', '0', '--flavor', 'datacenter', '--data', dataFile],
      { cwd: ROOT, env: { ...cleanEnv(), JIRATS_CONFIG_DIR: home.configDir } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (d: string) => {
          stdout += d;
          const match = stdout.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
          if (match?.[1] && stdout.includes('Stop:')) done(match[1]);
        });
        child.on('close', () => fail(new Error(`sandbox exited early: ${stderr}`)));
      });
      assert.match(stdout, /^USER\s+PASSWORD\s+PAT$/m);
      assert.match(stdout, /^admin\s+admin\s+admin-pat$/m);
      assert.match(stdout, /^alice\s+alice\s+alice-pat$/m);

      const reply = await fetch(`${url}/rest/api/2/issue/DEMO-1`, {
        headers: { authorization: 'Bearer admin-pat' },
      });
      assert.equal(reply.status, 200);
      assert.equal(((await reply.json()) as { key: string }).key, 'DEMO-1');

      const other = await home.run(['issue', 'get', 'DEMO-2', '--server', url, '--json'], {
        env: { JIRA_PAT: 'bob-pat' },
      });
      assert.equal(other.code, 0, other.stderr);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /Sandbox stopped \(SIGTERM\)/);
    assert.ok(existsSync(dataFile), 'the state file was written');
    assert.doesNotThrow(() => JSON.parse(readFileSync(dataFile, 'utf8')));
  });

  it('a cloud sandbox lists emails and API tokens; -o json gives them as data', async () => {
    const child = spawn(process.execPath, [...cliEntry(), 'sandbox', 'start', '--port', '0', '--json'], {
      cwd: ROOT,
      env: { ...cleanEnv(), JIRATS_CONFIG_DIR: home.configDir, JIRATS_DATA_DIR: home.dataDir },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const info = await new Promise<{
      url: string;
      flavor: string;
      dataFile: string;
      users: Record<string, string>[];
    }>((done, fail) => {
      child.stdout.on('data', (d: string) => {
        stdout += d;
        try {
          done(JSON.parse(stdout));
        } catch {
          // not complete yet
        }
      });
      child.on('close', () => fail(new Error('sandbox exited early')));
    });
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.equal(info.flavor, 'cloud');
    assert.equal(info.dataFile, join(home.dataDir, 'sandbox-cloud.json'));
    assert.deepEqual(info.users[0], {
      user: 'admin',
      email: 'admin@example.com',
      apiToken: 'admin-api-token',
    });
  });

  it('a port in use is reported in one line', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await home.run([
        'sandbox',
        'start',
        '--port',
        String(port),
        '--data',
        join(home.dir, 'x.json'),
      ]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`^jirats: port ${port} is already in use$`, 'm'));
    } finally {
      blocker.close();
    }
  });
});

describe('--sandbox', () => {
  it('works on a fresh data folder, keeping its state there', async () => {
    const fresh = new TestHome();
    try {
      const r = await fresh.run(['--sandbox', 'issue', 'get', 'DEMO-1', '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { key: string }).key, 'DEMO-1');
      assert.ok(existsSync(join(fresh.dataDir, 'sandbox-cloud.json')));

      const dc = await fresh.run(['issue', 'search', 'project = DEMO', '--first', '3', '--sandbox'], {
        env: { JIRATS_SANDBOX_FLAVOR: 'datacenter' },
      });
      assert.equal(dc.code, 0, dc.stderr);
      assert.equal(dc.stdout.trimEnd().split('\n').length, 4);
      assert.ok(existsSync(join(fresh.dataDir, 'sandbox-datacenter.json')));
      const me = await fresh.run(['user', 'me', '--sandbox', '--sandbox-flavor', 'datacenter', '--json']);
      assert.equal((JSON.parse(me.stdout) as { name: string }).name, 'admin');
    } finally {
      fresh.cleanup();
    }
  });
});
