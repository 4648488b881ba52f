import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errLines, TestHome } from './helpers/cli.js';
import {
  closedPort,
  type Running,
  serverInfoJson,
  startHttp,
  startHttps,
  startSandbox,
  TLS_DIR,
} from './helpers/servers.js';

const home = new TestHome();
const running: Running[] = [];
after(async () => {
  await Promise.all(running.map((r) => r.close()));
  home.cleanup();
});

async function keep<T extends Running>(server: Promise<T>): Promise<T> {
  const started = await server;
  running.push(started);
  return started;
}

describe('network and TLS failures exit 6', () => {
  it('an unreachable host (a closed port)', async () => {
    const port = await closedPort();
    const r = await home.run(['server', 'info', '--server', `http://127.0.0.1:${port}`, '--retries', '0']);
    assert.equal(r.code, 6);
    assert.equal(r.stdout, '');
    const [message, hint] = errLines(r);
    assert.match(message ?? '', /^jirats: .*127\.0\.0\.1/);
    assert.match(hint ?? '', /^hint: nothing answers at that address/);
    assert.equal(errLines(r).length, 2);
  });

  it('a timeout', async () => {
    const hanging = await keep(startHttp(() => undefined));
    const r = await home.run([
      'server',
      'info',
      '--server',
      hanging.url,
      '--timeout',
      '0.3',
      '--retries',
      '0',
    ]);
    assert.equal(r.code, 6);
    assert.match(errLines(r)[1] ?? '', /^hint: .*--timeout/);
  });

  describe('a TLS certificate that is not trusted', () => {
    let tls: Running;
    before(async () => {
      tls = await keep(
        startHttps((req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(serverInfoJson(`https://${req.headers.host}`));
        }),
      );
    });

    it('fails with a hint about --ca-file', async () => {
      const r = await home.run(['server', 'info', '--server', tls.url, '--retries', '0']);
      assert.equal(r.code, 6);
      assert.match(errLines(r)[1] ?? '', /^hint: .*--ca-file/);
    });

    it('works with --ca-file naming the CA', async () => {
      const r = await home.run([
        'server',
        'info',
        '--server',
        tls.url,
        '--ca-file',
        join(TLS_DIR, 'ca.pem'),
        '--json',
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { serverTitle: string }).serverTitle, 'Stand-in');
    });

    it('works with --insecure, with a warning on stderr (none with --quiet)', async () => {
      const r = await home.run(['server', 'info', '--server', tls.url, '--insecure', '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^warning: /m);
      const quiet = await home.run([
        'server',
        'info',
        '--server',
        tls.url,
        '--insecure',
        '--json',
        '--quiet',
      ]);
      assert.equal(quiet.code, 0);
      assert.equal(quiet.stderr, '');
    });

    it('an unreadable --ca-file is a usage error', async () => {
      const r = await home.run([
        'server',
        'info',
        '--server',
        tls.url,
        '--ca-file',
        join(TLS_DIR, 'missing.pem'),
      ]);
      assert.equal(r.code, 2);
      assert.match(errLines(r)[0] ?? '', /^jirats: cannot read --ca-file .*ENOENT/);
    });
  });
});

describe('replies that are not Jira JSON exit 5', () => {
  it('an HTML error page', async () => {
    const html = await keep(
      startHttp((_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
      }),
    );
    const r = await home.run(['server', 'info', '--server', html.url, '--retries', '0']);
    assert.equal(r.code, 5);
    assert.deepEqual(errLines(r), ['jirats: Jira returned an HTML page (status 502)']);
  });

  it('a body that is not JSON', async () => {
    const text = await keep(
      startHttp((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hello, this is not JSON');
      }),
    );
    const r = await home.run(['server', 'info', '--server', text.url]);
    assert.equal(r.code, 5);
    assert.equal(r.stdout, '');
    assert.equal(errLines(r).length, 1);
    assert.match(errLines(r)[0] ?? '', /^jirats: .*JSON/i);
  });
});

describe('rate limits', () => {
  it('a 429 storm exits 5 once the retries run out, saying so', async () => {
    const storm = await keep(startSandbox({ flavor: 'datacenter', faults: '429=1' }));
    const r = await home.run(['issue', 'get', 'DEMO-1', '--server', storm.url, '--retries', '0'], {
      env: { JIRA_PAT: 'admin-pat' },
    });
    assert.equal(r.code, 5);
    assert.match(errLines(r)[1] ?? '', /^hint: Jira kept rate-limiting/);
  });

  it('each retry is announced (shown with --debug when stderr is not a terminal)', async () => {
    const storm = await keep(startSandbox({ flavor: 'datacenter', faults: '429=1' }));
    const r = await home.run(['server', 'info', '--server', storm.url, '--retries', '1', '--debug']);
    assert.equal(r.code, 5);
    assert.match(r.stderr, /^Rate limited by Jira; retrying in [1-3]s \(attempt 2 of 2\)$/m);
  });
});
