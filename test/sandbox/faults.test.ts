import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { parseFaults } from '../../src/sandbox/faults.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { call, login, obj } from './helpers.js';

/** Status of each of `n` calls, `reset` when the connection was reset. */
async function outcomes(sb: Sandbox, n: number): Promise<(number | 'reset')[]> {
  const seen: (number | 'reset')[] = [];
  for (let i = 0; i < n; i += 1) {
    try {
      seen.push((await sb.fetch('http://jira.test/rest/api/3/serverInfo')).status);
    } catch (error) {
      assert.ok(error instanceof TypeError);
      assert.equal((error.cause as { code?: string }).code, 'ECONNRESET');
      seen.push('reset');
    }
  }
  return seen;
}

describe('faults', () => {
  it('parses the spec and rejects bad ones', () => {
    assert.deepEqual(parseFaults('latency=20,429=0.1,503=0.05,reset=0.02,seed=1'), {
      latencyMs: 20,
      rate429: 0.1,
      rate503: 0.05,
      rateReset: 0.02,
      seed: 1,
      waitSeconds: null,
    });
    assert.deepEqual(parseFaults(''), {
      latencyMs: 0,
      rate429: 0,
      rate503: 0,
      rateReset: 0,
      seed: null,
      waitSeconds: null,
    });
    assert.equal(parseFaults('429=0.5,wait=0').waitSeconds, 0);
    for (const bad of [
      'lag=1',
      '429=2',
      '429=0.6,503=0.6',
      'latency=-1',
      'latency=x',
      'seed',
      '429=0.1=2',
      'wait=0.5',
    ]) {
      assert.throws(() => parseFaults(bad), /fault/i, bad);
    }
    assert.throws(() => createSandbox({ faults: '404=0.5' }), /Invalid fault/);
  });

  it('repeats the same sequence for the same seed, mixing 429, 503 and resets', async () => {
    const spec = '429=0.3,503=0.2,reset=0.1,seed=42';
    const first = await outcomes(createSandbox({ faults: spec }), 40);
    const second = await outcomes(createSandbox({ faults: spec }), 40);
    assert.deepEqual(first, second);
    for (const kind of [200, 429, 503, 'reset'] as const) assert.ok(first.includes(kind), `saw ${kind}`);
    const other = await outcomes(createSandbox({ faults: '429=0.3,503=0.2,reset=0.1,seed=7' }), 40);
    assert.notDeepEqual(first, other);
  });

  it('sends 429 with Retry-After and the rate-limit headers, and 503 with Retry-After', async () => {
    const limited = await call(createSandbox({ faults: '429=1,seed=1' }), '/rest/api/3/myself', {
      headers: login('cloud', 'admin'),
    });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3,
      `Retry-After ${retryAfter}`,
    );
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Number(limited.headers.get('x-ratelimit-limit')) > 0);
    assert.match(String(limited.headers.get('x-ratelimit-reset')), /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    assert.equal(limited.headers.get('ratelimit-reason'), 'jira-burst-based');
    assert.deepEqual(Object.keys(obj(limited.body)).sort(), ['errorMessages', 'errors']);

    const unavailable = await call(
      createSandbox({ flavor: 'datacenter', faults: '503=1' }),
      '/rest/api/2/serverInfo',
    );
    assert.equal(unavailable.status, 503);
    assert.ok(Number(unavailable.headers.get('retry-after')) >= 1);
    assert.ok(Array.isArray(obj(unavailable.body).errorMessages));

    const fixed = await call(createSandbox({ faults: '429=1,wait=0' }), '/rest/api/3/myself', {
      headers: login('cloud', 'admin'),
    });
    assert.equal(fixed.headers.get('retry-after'), '0');
  });

  it('rejects the in-process fetch like Node does when the connection resets', async () => {
    const sb = createSandbox({ faults: 'reset=1' });
    await assert.rejects(sb.fetch('http://jira.test/rest/api/3/serverInfo'), (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.equal(error.message, 'fetch failed');
      assert.equal((error.cause as { code?: string }).code, 'ECONNRESET');
      return true;
    });
  });

  it('waits the latency before replying, and gives up when the caller aborts', async () => {
    const sb = createSandbox({ faults: 'latency=30' });
    const started = performance.now();
    const reply = await sb.fetch('http://jira.test/rest/api/3/serverInfo');
    // A lower bound only: timers never fire early by more than their 1 ms rounding.
    assert.ok(performance.now() - started >= 29, 'the reply came after the latency');
    assert.equal(reply.status, 200);

    const slow = createSandbox({ faults: 'latency=60000' });
    const controller = new AbortController();
    const pending = slow.fetch('http://jira.test/rest/api/3/serverInfo', { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });
});
