import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { parseRateLimit, RateLimiter } from '../../src/sandbox/rate-limit.js';
import { cleanEnv, cliEntry, ROOT, TestHome } from '../cli/helpers/cli.js';
import { basic, call, login, obj } from './helpers.js';

const ORIGIN = 'http://jira.test';

/** A request as the limiter sees it. */
function request(path: string, method = 'GET', headers: Record<string, string> = login('cloud', 'admin')) {
  return new Request(`${ORIGIN}${path}`, { method, headers });
}

/** A clock the test moves by hand. */
function manualClock(startMs = Date.UTC(2026, 0, 1, 12, 0, 0)) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('sandbox rate limit: the token bucket', () => {
  it('lets a burst through, then refuses with Cloud headers until tokens refill', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perSecond: 5, burst: 10 }, clock.now);
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const verdict = limiter.admit(request('/rest/api/3/myself'));
      assert.equal(verdict.refusal, undefined, `request ${i + 1} of the burst`);
      remaining.push(verdict.headers['X-RateLimit-Remaining'] ?? '');
    }
    assert.deepEqual(remaining, ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);

    const refused = limiter.admit(request('/rest/api/3/myself'));
    assert.deepEqual(refused.refusal, { retryAfterSeconds: 1, reason: 'jira-burst-based' });
    assert.equal(refused.headers['Retry-After'], '1');
    assert.equal(refused.headers['X-RateLimit-Remaining'], '0');
    assert.equal(refused.headers['X-RateLimit-Limit'], '10');
    assert.equal(refused.headers['X-RateLimit-NearLimit'], 'true');
    assert.equal(refused.headers['X-RateLimit-Reset'], '2026-01-01T12:00Z');

    // 5 tokens a second: after 400 ms two requests pass, the third does not.
    clock.advance(400);
    assert.equal(limiter.admit(request('/rest/api/3/myself')).refusal, undefined);
    assert.equal(limiter.admit(request('/rest/api/3/myself')).refusal, undefined);
    assert.ok(limiter.admit(request('/rest/api/3/myself')).refusal);
  });

  it('sends the fill rate and the interval on every answer, and NearLimit only under 20% of the budget', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perSecond: 50, burst: 50 }, clock.now);
    const first = limiter.admit(request('/rest/api/3/myself')).headers;
    assert.equal(first['X-RateLimit-FillRate'], '50');
    assert.equal(first['X-RateLimit-Interval-Seconds'], '1');
    assert.equal(first['X-RateLimit-Limit'], '50');
    assert.equal(first['X-RateLimit-Remaining'], '49');
    assert.equal(first['X-RateLimit-NearLimit'], undefined);
    assert.match(first['X-RateLimit-Reset'] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    let last = first;
    for (let i = 0; i < 40; i++) last = limiter.admit(request('/rest/api/3/myself')).headers;
    assert.equal(last['X-RateLimit-Remaining'], '9');
    assert.equal(last['X-RateLimit-NearLimit'], 'true');
    assert.equal(last['Retry-After'], undefined, 'no Retry-After on an answered request');
  });

  it('keeps one bucket per caller', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perSecond: 1, burst: 2 }, clock.now);
    const alice = basic('alice@example.com', 'alice-api-token');
    for (let i = 0; i < 2; i++) assert.equal(limiter.admit(request('/rest/api/3/myself')).refusal, undefined);
    assert.ok(limiter.admit(request('/rest/api/3/myself')).refusal, 'admin is out of tokens');
    assert.equal(
      limiter.admit(request('/rest/api/3/myself', 'GET', alice)).refusal,
      undefined,
      'alice is not',
    );
    const anonymous = request('/rest/api/3/serverInfo', 'GET', {});
    assert.equal(limiter.admit(anonymous).refusal, undefined);
  });

  it('refuses a 21st write to one issue within 2 s with jira-per-issue-on-write, other issues unaffected', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, perIssueWrites: true }, clock.now);
    for (let i = 0; i < 20; i++) {
      assert.equal(limiter.admit(request('/rest/api/3/issue/DEMO-1', 'PUT')).refusal, undefined);
      clock.advance(10);
    }
    const refused = limiter.admit(request('/rest/api/3/issue/demo-1/comment', 'POST'));
    assert.deepEqual(refused.refusal, { retryAfterSeconds: 2, reason: 'jira-per-issue-on-write' });
    assert.equal(refused.headers['Retry-After'], '2');
    assert.equal(limiter.admit(request('/rest/api/3/issue/DEMO-1')).refusal, undefined, 'reads pass');
    assert.equal(limiter.admit(request('/rest/api/3/issue/DEMO-2', 'PUT')).refusal, undefined);
    assert.equal(
      limiter.admit(request('/rest/api/3/issue', 'POST')).refusal,
      undefined,
      'creates name no issue',
    );
    assert.equal(limiter.admit(request('/rest/api/3/issue/bulk', 'POST')).refusal, undefined);
    clock.advance(2000);
    assert.equal(
      limiter.admit(request('/rest/api/3/issue/DEMO-1', 'PUT')).refusal,
      undefined,
      'window passed',
    );
  });

  it('without perIssueWrites, writes to one issue only spend the caller’s tokens', () => {
    const limiter = new RateLimiter({ perSecond: 1000, burst: 100 }, manualClock().now);
    for (let i = 0; i < 50; i++) {
      assert.equal(limiter.admit(request('/rest/api/3/issue/DEMO-1', 'PUT')).refusal, undefined);
    }
  });

  it('rejects options and specs a bucket cannot use', () => {
    assert.equal(parseRateLimit('50'), 50);
    assert.equal(parseRateLimit('50/s'), 50);
    assert.equal(parseRateLimit('120/m'), 2);
    assert.equal(parseRateLimit('0.5'), 0.5);
    for (const bad of ['', '0', '-1', 'x', '5/h', '5/s/s'])
      assert.throws(() => parseRateLimit(bad), /rate limit/, bad);
    assert.throws(() => createSandbox({ rateLimit: { perSecond: 0 } }), /perSecond/);
    assert.throws(() => createSandbox({ rateLimit: { perSecond: 5, burst: 0 } }), /burst/);
    assert.throws(() => createSandbox({ rateLimit: { perSecond: Number.NaN } }), /perSecond/);
  });
});

describe('sandbox rate limit: through the sandbox', () => {
  it('answers 429 with a Jira error body once the bucket is empty, and the headers on every answer', async () => {
    const sb = createSandbox({ rateLimit: { perSecond: 2, burst: 3 } });
    const headers = login('cloud', 'admin');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await call(sb, '/rest/api/3/issue/DEMO-1', { headers });
      statuses.push(reply.status);
      assert.equal(reply.headers.get('x-ratelimit-limit'), '3');
      assert.equal(reply.headers.get('x-ratelimit-fillrate'), '2');
      assert.equal(reply.headers.get('x-ratelimit-interval-seconds'), '1');
      assert.equal(reply.headers.get('x-ratelimit-remaining'), String(2 - i));
    }
    const limited = await call(sb, '/rest/api/3/issue/DEMO-1', { headers });
    assert.deepEqual([...statuses, limited.status], [200, 200, 200, 429]);
    assert.equal(limited.headers.get('ratelimit-reason'), 'jira-burst-based');
    assert.equal(limited.headers.get('retry-after'), '1');
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('x-ratelimit-nearlimit'), 'true');
    assert.deepEqual(obj(limited.body).errorMessages, ['Rate limit exceeded.']);
    await sb.close();
  });

  it('refuses nothing and adds no headers without the option', async () => {
    const sb = createSandbox();
    for (let i = 0; i < 30; i++) {
      const reply = await call(sb, '/rest/api/3/serverInfo');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('x-ratelimit-limit'), null);
    }
    await sb.close();
  });

  it('a 429 leaves the state untouched: the refused write never happens', async () => {
    const sb = createSandbox({ rateLimit: { perSecond: 0.5, burst: 1 } });
    const headers = login('cloud', 'admin');
    const before = await call(sb, '/rest/api/3/issue/DEMO-1?fields=summary', { headers });
    assert.equal(before.status, 200);
    const write = await call(sb, '/rest/api/3/issue/DEMO-1', {
      method: 'PUT',
      headers,
      body: { fields: { summary: 'refused' } },
    });
    assert.equal(write.status, 429);
    assert.equal(write.headers.get('retry-after'), '2', '0.5 token a second: 2 s until the next one');
    // Another caller has its own bucket, so it can look.
    const after = await call(sb, '/rest/api/3/issue/DEMO-1?fields=summary', {
      headers: basic('alice@example.com', 'alice-api-token'),
    });
    assert.equal(after.status, 200);
    assert.equal(obj(obj(after.body).fields).summary, obj(obj(before.body).fields).summary);
    await sb.close();
  });
});

describe('sandbox start --rate-limit', () => {
  const home = new TestHome();
  after(() => home.cleanup());

  it('serves with the limit and rejects a bad value as a usage error', async () => {
    const bad = await home.run(['sandbox', 'start', '--port', '0', '--rate-limit', 'fast']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /rate-limit/);

    const child = spawn(
      process.execPath,
      [...cliEntry(), 'sandbox', 'start', '--port', '0', '--json', '--rate-limit', '60/m'],
      { cwd: ROOT, env: { ...cleanEnv(), JIRATS_CONFIG_DIR: home.configDir, JIRATS_DATA_DIR: home.dataDir } },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (d: string) => {
          stdout += d;
          try {
            done((JSON.parse(stdout) as { url: string }).url);
          } catch {
            // not complete yet
          }
        });
        child.on('close', () => fail(new Error('sandbox exited early')));
      });
      const headers = login('cloud', 'admin');
      const first = await fetch(`${url}/rest/api/3/myself`, { headers });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('x-ratelimit-fillrate'), '1');
      await first.arrayBuffer();
      const second = await fetch(`${url}/rest/api/3/myself`, { headers });
      assert.equal(second.status, 429);
      assert.equal(second.headers.get('ratelimit-reason'), 'jira-burst-based');
      await second.arrayBuffer();
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });
});
