import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { basic, obj } from './helpers.js';

describe('listen()', () => {
  it('serves real HTTP on an ephemeral port, with cookies, until closed', async () => {
    const sb = createSandbox({ flavor: 'datacenter' });
    const base = await sb.listen(0);
    try {
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
      const info = await fetch(`${base}/rest/api/2/serverInfo`);
      assert.equal(info.status, 200);
      assert.equal(obj(await info.json()).baseUrl, base);

      const first = await fetch(`${base}/rest/api/2/issue/DEMO-1?fields=summary`, {
        headers: basic('bob', 'bob'),
      });
      assert.equal(first.status, 200);
      assert.equal(obj(await first.json()).self, `${base}/rest/api/2/issue/10000`);
      const jsession = first.headers.getSetCookie().find((c) => c.startsWith('JSESSIONID='));
      assert.ok(jsession);
      const again = await fetch(`${base}/rest/api/2/myself`, {
        headers: { Cookie: jsession.split(';')[0] ?? '' },
      });
      assert.equal(obj(await again.json()).name, 'bob');

      await assert.rejects(sb.listen(0), /already listening/);
    } finally {
      await sb.close();
    }
    await assert.rejects(fetch(`${base}/rest/api/2/serverInfo`), TypeError);
  });

  it('resets the connection on a reset fault, as a real peer does', async () => {
    const sb = createSandbox({ faults: 'reset=1' });
    const base = await sb.listen();
    try {
      await assert.rejects(fetch(`${base}/rest/api/3/serverInfo`), (error: unknown) => {
        assert.ok(error instanceof TypeError);
        assert.equal((error.cause as { code?: string }).code, 'ECONNRESET');
        return true;
      });
    } finally {
      await sb.close();
    }
  });

  it('includes the context path in the base URL it resolves', async () => {
    const sb = createSandbox({ flavor: 'datacenter', contextPath: '/jira' });
    const base = await sb.listen(0, '127.0.0.1');
    try {
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/jira$/);
      const info = obj(await (await fetch(`${base}/rest/api/2/serverInfo`)).json());
      assert.equal(info.baseUrl, base);
    } finally {
      await sb.close();
    }
  });
});
