import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, DEFAULT_RETRY, isIdempotent, parseRetryAfter } from '../../src/client/retry.js';
import { type BeforeRetryState, Jira, NetworkError, RateLimitError, ServerError } from '../../src/index.js';
import { closedPort, httpServer, sendJson } from './helpers/servers.js';

/** A client that records every beforeRetry call. */
function recordingClient(server: string, retry: Record<string, number> = {}) {
  const retries: BeforeRetryState[] = [];
  const jira = new Jira({
    server,
    deployment: 'datacenter',
    retry: { baseDelayMs: 1, maxDelayMs: 5, ...retry },
    hooks: { beforeRetry: [(s) => void retries.push(s)] },
  });
  return { jira, retries };
}

describe('retry: Retry-After parsing and backoff', () => {
  it('parses delta-seconds and HTTP-dates, rejecting junk', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('2', now), 2000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('draws full-jitter backoff within the doubling ceiling', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(
      backoffDelay(1, policy, () => 1),
      100,
    );
    assert.equal(
      backoffDelay(3, policy, () => 1),
      400,
    );
    assert.equal(
      backoffDelay(10, policy, () => 1),
      1000,
    );
    assert.equal(
      backoffDelay(3, policy, () => 0),
      0,
    );
  });

  it('knows which methods are idempotent', () => {
    for (const m of ['GET', 'head', 'PUT', 'DELETE', 'OPTIONS']) assert.equal(isIdempotent(m), true);
    for (const m of ['POST', 'PATCH']) assert.equal(isIdempotent(m), false);
  });
});

describe('retry: against a real server', () => {
  it('waits what Retry-After (seconds) says on 429, never less, then succeeds', async () => {
    let calls = 0;
    const server = await httpServer((_req, res) => {
      calls++;
      if (calls === 1) sendJson(res, 429, { errorMessages: ['Rate limited'] }, { 'Retry-After': '1' });
      else sendJson(res, 200, { ok: true });
    });
    try {
      const { jira, retries } = recordingClient(server.url);
      const started = Date.now();
      assert.deepEqual(await jira.request({ path: '/rest/api/2/myself' }), { ok: true });
      const waited = Date.now() - started;
      assert.equal(retries.length, 1);
      assert.equal(retries[0]?.delayMs, 1000);
      assert.equal(retries[0]?.attempt, 2);
      assert.equal(retries[0]?.reason, 'status 429');
      assert.ok(waited >= 1000, `waited only ${waited} ms`);
    } finally {
      await server.close();
    }
  });

  it('waits until an HTTP-date Retry-After on 503, never less', async () => {
    let calls = 0;
    let until = 0;
    const server = await httpServer((_req, res) => {
      calls++;
      if (calls === 1) {
        // An HTTP-date has whole seconds: two seconds ahead is at least one second away.
        until = Math.floor(Date.now() / 1000) * 1000 + 2000;
        sendJson(res, 503, {}, { 'Retry-After': new Date(until).toUTCString() });
      } else sendJson(res, 200, { ok: true });
    });
    try {
      const { jira, retries } = recordingClient(server.url);
      await jira.request({ path: '/x' });
      const [retry] = retries;
      assert.ok(retry);
      assert.ok(retry.delayMs > 0 && retry.delayMs <= 2000, `delay ${retry.delayMs}`);
      assert.ok(Date.now() >= until, 'retried before the Retry-After date');
    } finally {
      await server.close();
    }
  });

  it('retries a POST on 429 (Jira rejected it unprocessed)', async () => {
    let calls = 0;
    const server = await httpServer((_req, res) => {
      calls++;
      if (calls < 3) sendJson(res, 429, {}, { 'Retry-After': '0' });
      else sendJson(res, 201, { id: '1' });
    });
    try {
      const { jira, retries } = recordingClient(server.url);
      assert.deepEqual(await jira.request({ method: 'POST', path: '/x', body: { a: 1 } }), { id: '1' });
      assert.equal(retries.length, 2);
      assert.deepEqual(
        server.requests.map((r) => r.body),
        ['{"a":1}', '{"a":1}', '{"a":1}'],
      );
    } finally {
      await server.close();
    }
  });

  it('gives up after the configured retries with RateLimitError carrying retryAfterMs', async () => {
    const server = await httpServer((_req, res) => sendJson(res, 429, {}, { 'Retry-After': '0' }));
    try {
      const { jira, retries } = recordingClient(server.url, { retries: 2 });
      const error = await jira.request({ path: '/x' }).catch((e: unknown) => e);
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.retryAfterMs, 0);
      assert.equal(server.requests.length, 3);
      assert.equal(retries.length, 2);
    } finally {
      await server.close();
    }
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
    const server = await httpServer((_req, res) => sendJson(res, 429, {}, { 'Retry-After': '3600' }));
    try {
      const { jira, retries } = recordingClient(server.url, { maxRetryAfterMs: 10_000 });
      const error = await jira.request({ path: '/x' }).catch((e: unknown) => e);
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.retryAfterMs, 3_600_000);
      assert.equal(retries.length, 0);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  it('retries 502 for GET but never re-sends a POST', async () => {
    const server = await httpServer((_req, res) => sendJson(res, 502, {}));
    try {
      const { jira } = recordingClient(server.url, { retries: 2 });
      assert.ok((await jira.request({ path: '/x' }).catch((e: unknown) => e)) instanceof ServerError);
      assert.equal(server.requests.length, 3);
      server.requests.length = 0;
      assert.ok(
        (await jira.request({ method: 'POST', path: '/x', body: {} }).catch((e: unknown) => e)) instanceof
          ServerError,
      );
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  it('never re-sends a POST after the connection was reset, but repeats a GET', async () => {
    let calls = 0;
    const server = await httpServer((_req, res, raw) => {
      calls++;
      if (calls === 1 || raw.method === 'POST') raw.socket.destroy();
      else sendJson(res, 200, { ok: true });
    });
    try {
      const { jira, retries } = recordingClient(server.url);
      assert.deepEqual(await jira.request({ path: '/x' }), { ok: true });
      assert.equal(retries.length, 1);
      assert.match(retries[0]?.reason ?? '', /ECONNRESET|UND_ERR_SOCKET/);

      const error = await jira
        .request({ method: 'POST', path: '/create', body: { n: 1 } })
        .catch((e: unknown) => e);
      assert.ok(error instanceof NetworkError);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
      assert.equal(retries.length, 1);
    } finally {
      await server.close();
    }
  });

  it('retries a POST whose connection was refused (nothing was sent)', async () => {
    const port = await closedPort();
    const { jira, retries } = recordingClient(`http://127.0.0.1:${port}`, { retries: 2 });
    const error = await jira.request({ method: 'POST', path: '/x', body: {} }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, 'ECONNREFUSED');
    assert.deepEqual(
      retries.map((r) => [r.attempt, r.reason]),
      [
        [2, 'ECONNREFUSED'],
        [3, 'ECONNREFUSED'],
      ],
    );
  });

  it('retries: 0 turns retrying off', async () => {
    const server = await httpServer((_req, res) => sendJson(res, 503, {}, { 'Retry-After': '0' }));
    try {
      const { jira } = recordingClient(server.url, { retries: 0 });
      assert.ok((await jira.request({ path: '/x' }).catch((e: unknown) => e)) instanceof ServerError);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });
});
