import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { AdaptiveLimit } from '../../src/api/bulk/adaptive-limit.js';
import type { BulkProgress } from '../../src/index.js';
import { bulkSandbox, collect, rows } from './helpers/bulk-sandbox.js';

/** A limit on a clock the test moves (timers mocked alongside). */
function onFakeClock(opts: { initial: number; max?: number }) {
  let now = 1_000_000;
  const limit = new AdaptiveLimit({ ...opts, now: () => now });
  const advance = (ms: number) => {
    now += ms;
    mock.timers.tick(ms);
  };
  return { limit, advance };
}

/** Whether a promise settled within the current macrotask. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

const ok = new Headers();
const limited = (extra: Record<string, string> = {}) => new Headers({ 'Retry-After': '2', ...extra });

describe('AdaptiveLimit', () => {
  it('halves on 429 and lets nothing start before Retry-After has passed', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { limit, advance } = onFakeClock({ initial: 8 });
      limit.observe(429, limited());
      assert.equal(limit.limit, 4);
      assert.equal(limit.waitingMs, 2000);
      const next = limit.acquire();
      assert.equal(await settled(next), false);
      advance(1999);
      assert.equal(await settled(next), false);
      advance(1);
      assert.equal(await settled(next), true);
      limit.observe(429, limited());
      limit.observe(429, limited());
      limit.observe(429, limited());
      assert.equal(limit.limit, 1, 'never below one');
    } finally {
      mock.timers.reset();
    }
  });

  it('reads X-RateLimit-Reset when there is no Retry-After, and 503 only with a wait', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const limit = new AdaptiveLimit({ initial: 4, now: () => now });
    limit.observe(503, ok);
    assert.equal(limit.limit, 4, 'a 503 without Retry-After is a server error, not a rate limit');
    limit.observe(429, new Headers({ 'X-RateLimit-Reset': '2026-01-01T00:01Z' }));
    assert.equal(limit.limit, 2);
    assert.equal(limit.waitingMs, 60_000);
    limit.observe(503, new Headers({ 'Retry-After': '5' }));
    assert.equal(limit.limit, 1);
  });

  it('holds back only writes to the issue a per-issue limit names', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { limit, advance } = onFakeClock({ initial: 4 });
      limit.observe(429, limited({ 'RateLimit-Reason': 'jira-per-issue-on-write' }), 'DEMO-1');
      assert.equal(limit.waitingMs, 0, 'the run is not paused');
      assert.equal(await settled(limit.acquire(undefined, 'DEMO-2')), true);
      const same = limit.acquire(undefined, 'DEMO-1');
      assert.equal(await settled(same), false);
      advance(2000);
      assert.equal(await settled(same), true);
    } finally {
      mock.timers.reset();
    }
  });

  it('grows by one after clean answers up to the ceiling, and not near the limit', () => {
    const limit = new AdaptiveLimit({ initial: 2, max: 3 });
    limit.observe(200, ok);
    assert.equal(limit.limit, 2);
    limit.observe(200, ok);
    assert.equal(limit.limit, 3, 'one step after as many clean answers in a row as the limit');
    for (let i = 0; i < 50; i++) limit.observe(200, ok);
    assert.equal(limit.limit, 3, 'capped');
    const near = new AdaptiveLimit({ initial: 2, max: 8 });
    for (let i = 0; i < 50; i++) near.observe(200, new Headers({ 'X-RateLimit-NearLimit': 'true' }));
    assert.equal(near.limit, 2);
    const low = new AdaptiveLimit({ initial: 2, max: 8 });
    const headers = new Headers({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '5' });
    for (let i = 0; i < 50; i++) low.observe(200, headers);
    assert.equal(low.limit, 2);
  });

  it('paces starts under the fill rate once the budget runs low', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { limit, advance } = onFakeClock({ initial: 8 });
      limit.observe(
        200,
        new Headers({
          'X-RateLimit-Limit': '100',
          'X-RateLimit-Remaining': '3',
          'X-RateLimit-FillRate': '10',
          'X-RateLimit-Interval-Seconds': '1',
        }),
      );
      assert.equal(await settled(limit.acquire()), true);
      const second = limit.acquire();
      assert.equal(await settled(second), false, 'the next start waits 1/10 s');
      advance(100);
      assert.equal(await settled(second), true);
    } finally {
      mock.timers.reset();
    }
  });

  it('refuses a bad concurrency', () => {
    assert.throws(() => new AdaptiveLimit({ initial: 0 }), RangeError);
    assert.throws(() => new AdaptiveLimit({ initial: 4, max: 2 }), RangeError);
  });
});

describe('the limiter in a run', () => {
  it('sees the 429s the pipeline retries: the run slows down and waits, and still ends complete', async () => {
    const { sb, jira } = bulkSandbox('cloud', '429=0.3,seed=3');
    try {
      const seen: BulkProgress[] = [];
      const results = await collect(
        jira.issues.createMany(rows('paced', 8), {
          csv: true,
          concurrency: 4,
          onProgress: (p) => seen.push(p),
        }),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        Array(8).fill('created'),
      );
      assert.ok(
        seen.some((p) => p.concurrency < 4),
        'the limit went down',
      );
      assert.ok(
        seen.some((p) => p.waitingMs > 0),
        'the run waited on the rate limit',
      );
      const last = seen.at(-1);
      assert.deepEqual([last?.total, last?.done, last?.failed, last?.skipped], [8, 8, 0, 0]);
    } finally {
      await sb.close();
    }
  });
});
