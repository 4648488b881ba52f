import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Jira, NetworkError, TimeoutError } from '../../src/index.js';
import { hangingServer, httpServer, sendJson, type TestServer } from './helpers/servers.js';

describe('timeouts and abort', () => {
  let hanging: TestServer;
  before(async () => {
    hanging = await hangingServer();
  });
  after(() => hanging.close());

  it('fails with TimeoutError when Jira does not answer within timeoutMs', async () => {
    const jira = new Jira({ server: hanging.url, timeoutMs: 150, deployment: 'datacenter' });
    const error = await jira.request({ path: '/rest/api/2/myself' }).catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.status, 0);
    assert.equal(error.message, `Jira did not answer within 150 ms (GET ${hanging.url}/rest/api/2/myself)`);
  });

  it("rejects with the caller's abort reason when the signal aborts", async () => {
    const jira = new Jira({ server: hanging.url, timeoutMs: 0 });
    const controller = new AbortController();
    const pending = jira.request({ path: '/x' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user pressed ctrl-c')), 50);
    await assert.rejects(pending, { message: 'user pressed ctrl-c' });
  });

  it('rejects at once when the signal is already aborted', async () => {
    const jira = new Jira({ server: hanging.url });
    const before = hanging.requests.length;
    await assert.rejects(jira.request({ path: '/x' }, { signal: AbortSignal.abort() }), {
      name: 'AbortError',
    });
    assert.equal(hanging.requests.length, before);
  });

  it('stops waiting between retries when the signal aborts', async () => {
    const limited = await httpServer((_req, res) => sendJson(res, 429, {}, { 'Retry-After': '30' }));
    try {
      const controller = new AbortController();
      const delays: number[] = [];
      const jira = new Jira({
        server: limited.url,
        hooks: {
          beforeRetry: [
            (s) => {
              delays.push(s.delayMs);
              setTimeout(() => controller.abort(), 20);
            },
          ],
        },
      });
      await assert.rejects(jira.request({ path: '/x' }, { signal: controller.signal }), {
        name: 'AbortError',
      });
      assert.deepEqual(delays, [30_000]);
      assert.equal(limited.requests.length, 1);
    } finally {
      await limited.close();
    }
  });

  it('a timeout of 0 means no timeout (a slow answer still arrives)', async () => {
    const slow = await httpServer((_req, res) => setTimeout(() => sendJson(res, 200, { ok: true }), 100));
    try {
      const jira = new Jira({ server: slow.url, timeoutMs: 0 });
      assert.deepEqual(await jira.request({ path: '/x' }), { ok: true });
    } finally {
      await slow.close();
    }
  });
});
