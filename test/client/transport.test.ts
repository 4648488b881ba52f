import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bypassesProxy } from '../../src/client/transport.js';
import { Jira, NetworkError } from '../../src/index.js';
import {
  connectProxy,
  httpServer,
  httpsServer,
  sendJson,
  TEST_CA,
  type TestServer,
} from './helpers/servers.js';

describe('transport: TLS with a private CA', () => {
  let tls: TestServer;
  before(async () => {
    tls = await httpsServer((req, res) => sendJson(res, 200, { secure: true, path: req.url }));
  });
  after(() => tls.close());

  it('refuses a certificate from an unknown CA with a NetworkError naming the TLS problem', async () => {
    const jira = new Jira({ server: tls.url, retry: { retries: 3 } });
    const error = await jira.request({ path: '/x' }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    assert.match(error.message, /not signed by a trusted CA \(pass `ca`\)/);
    assert.equal(tls.requests.length, 0, 'a certificate error is not retried and nothing is sent');
  });

  it('trusts the certificate when its CA is passed as `ca`', async () => {
    const jira = new Jira({ server: tls.url, ca: TEST_CA });
    try {
      assert.deepEqual(await jira.request({ path: '/ca' }), { secure: true, path: '/ca' });
    } finally {
      await jira.close();
    }
  });

  it('skips verification with `insecure`, and warns', async () => {
    const warnings: string[] = [];
    const jira = new Jira({ server: tls.url, insecure: true, onWarning: (m) => warnings.push(m) });
    try {
      assert.deepEqual(await jira.request({ path: '/insecure' }), { secure: true, path: '/insecure' });
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /TLS certificate verification is off/);
    } finally {
      await jira.close();
    }
  });

  it('also connects by host name (localhost) with the CA', async () => {
    const jira = new Jira({ server: tls.url.replace('127.0.0.1', 'localhost'), ca: [TEST_CA] });
    try {
      assert.deepEqual(await jira.request({ path: '/named' }), { secure: true, path: '/named' });
    } finally {
      await jira.close();
    }
  });
});

describe('transport: proxy', () => {
  let target: TestServer;
  let proxy: Awaited<ReturnType<typeof connectProxy>>;
  before(async () => {
    target = await httpServer((req, res) => sendJson(res, 200, { via: req.url }));
    proxy = await connectProxy();
  });
  after(async () => {
    await target.close();
    await proxy.close();
  });

  it('tunnels requests through the proxy', async () => {
    const jira = new Jira({ server: target.url, proxy: proxy.url });
    try {
      assert.deepEqual(await jira.request({ path: '/through' }), { via: '/through' });
      assert.deepEqual(proxy.targets, [`127.0.0.1:${target.port}`]);
    } finally {
      await jira.close();
    }
  });

  it('bypasses the proxy for hosts in noProxy', async () => {
    const jira = new Jira({ server: target.url, proxy: proxy.url, noProxy: 'example.com, 127.0.0.1' });
    const before = proxy.targets.length;
    try {
      assert.deepEqual(await jira.request({ path: '/direct' }), { via: '/direct' });
      assert.equal(proxy.targets.length, before);
    } finally {
      await jira.close();
    }
  });

  it('matches NO_PROXY entries: *, exact hosts, suffixes and ports', () => {
    const url = new URL('https://jira.corp.example.com:8443/x');
    assert.equal(bypassesProxy(url, '*'), true);
    assert.equal(bypassesProxy(url, 'example.com'), true);
    assert.equal(bypassesProxy(url, '.corp.example.com'), true);
    assert.equal(bypassesProxy(url, '*.example.com'), true);
    assert.equal(bypassesProxy(url, 'jira.corp.example.com:8443'), true);
    assert.equal(bypassesProxy(url, 'jira.corp.example.com:443'), false);
    assert.equal(bypassesProxy(url, 'ample.com'), false);
    assert.equal(bypassesProxy(url, ''), false);
    assert.equal(bypassesProxy(new URL('http://[::1]:80/'), '::1'), true);
  });

  it('rejects a malformed proxy URL without leaking its credentials', () => {
    assert.throws(
      () => new Jira({ server: target.url, proxy: 'ftp://user:hunter2@proxy' }),
      (e: Error) => e.name === 'ConfigurationError' && !e.message.includes('hunter2'),
    );
  });
});

describe('transport: undici is loaded only when needed', () => {
  it('plain use runs on the global fetch; ca/insecure/proxy load undici lazily', async () => {
    const probe = fileURLToPath(new URL('./helpers/undici-probe.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe], {
      timeout: 30_000,
    });
    assert.deepEqual(JSON.parse(stdout), { plain: false, proxied: true });
  });
});
