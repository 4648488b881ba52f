import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { paginate } from '../../src/client/paginate.js';
import type { RequestSpec } from '../../src/index.js';

/** An in-memory list endpoint that pages like Jira: a server-side cap, offset or token cursors. */
function listEndpoint(
  total: number,
  cap: number,
  style: 'offset' | 'token',
  where: 'query' | 'body' = 'query',
) {
  const items = Array.from({ length: total }, (_, i) => ({ n: i }));
  const requests: Record<string, unknown>[] = [];
  const send = async (spec: RequestSpec): Promise<unknown> => {
    const params = (where === 'body' ? spec.body : spec.query) as Record<string, unknown>;
    requests.push(params);
    const size = Math.min(cap, typeof params.maxResults === 'number' ? params.maxResults : 50);
    if (style === 'offset') {
      const startAt = typeof params.startAt === 'number' ? params.startAt : 0;
      return { startAt, maxResults: size, total, values: items.slice(startAt, startAt + size) };
    }
    const start = typeof params.nextPageToken === 'string' ? Number(params.nextPageToken.slice(4)) : 0;
    const end = start + size;
    return end >= total
      ? { values: items.slice(start, end), isLast: true }
      : { values: items.slice(start, end), isLast: false, nextPageToken: `tok-${end}` };
  };
  return { send, requests };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('paginate', () => {
  it('yields exactly the items between skip and skip+first, on both styles (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          total: fc.integer({ min: 0, max: 60 }),
          cap: fc.integer({ min: 1, max: 12 }),
          style: fc.constantFrom('offset' as const, 'token' as const),
          skip: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
          first: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
          pageSize: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
        }),
        async ({ total, cap, style, skip, first, pageSize }) => {
          const endpoint = listEndpoint(total, cap, style);
          const got = await collect(
            paginate<{ n: number }>(
              endpoint.send,
              { path: '/x' },
              { style, itemsKey: 'values', skip, first, pageSize },
            ),
          );
          const from = skip ?? 0;
          const expected = Array.from({ length: total }, (_, i) => i).slice(
            from,
            first === undefined ? undefined : from + first,
          );
          assert.deepEqual(
            got.map((x) => x.n),
            expected,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('offset paging jumps straight to skip and asks only for what first still needs', async () => {
    const endpoint = listEndpoint(100, 50, 'offset');
    const got = await collect(
      paginate<{ n: number }>(
        endpoint.send,
        { path: '/x' },
        { style: 'offset', itemsKey: 'values', skip: 30, first: 12, pageSize: 5 },
      ),
    );
    assert.deepEqual(
      got.map((x) => x.n),
      Array.from({ length: 12 }, (_, i) => 30 + i),
    );
    assert.deepEqual(endpoint.requests, [
      { startAt: 30, maxResults: 5 },
      { startAt: 35, maxResults: 5 },
      { startAt: 40, maxResults: 2 },
    ]);
  });

  it('token paging discards skipped items and puts cursors in the body when told to', async () => {
    const endpoint = listEndpoint(20, 50, 'token', 'body');
    const got = await collect(
      paginate<{ n: number }>(
        endpoint.send,
        { method: 'POST', path: '/x', body: { jql: 'project = X' } },
        { style: 'token', itemsKey: 'values', method: 'body', skip: 4, first: 6, pageSize: 5 },
      ),
    );
    assert.deepEqual(
      got.map((x) => x.n),
      [4, 5, 6, 7, 8, 9],
    );
    assert.deepEqual(endpoint.requests, [
      { jql: 'project = X', maxResults: 5 },
      { jql: 'project = X', maxResults: 5, nextPageToken: 'tok-5' },
    ]);
  });

  it('is lazy, sends nothing for first: 0, and stops on a repeated token', async () => {
    const endpoint = listEndpoint(10, 5, 'offset');
    const iterable = paginate(endpoint.send, { path: '/x' }, { style: 'offset', itemsKey: 'values' });
    assert.equal(endpoint.requests.length, 0);
    await collect(iterable);
    assert.equal(endpoint.requests.length, 2);

    const none = listEndpoint(10, 5, 'token');
    assert.deepEqual(
      await collect(paginate(none.send, { path: '/x' }, { style: 'token', itemsKey: 'values', first: 0 })),
      [],
    );
    assert.equal(none.requests.length, 0);

    let calls = 0;
    const stuck = async () => {
      calls++;
      return { values: [calls], nextPageToken: 'same', isLast: false };
    };
    assert.deepEqual(
      await collect(paginate(stuck, { path: '/x' }, { style: 'token', itemsKey: 'values' })),
      [1, 2],
    );
  });

  it('rejects nonsense counts', async () => {
    const endpoint = listEndpoint(1, 1, 'offset');
    for (const bad of [{ first: -1 }, { skip: 1.5 }, { pageSize: 0 }]) {
      await assert.rejects(
        collect(paginate(endpoint.send, { path: '/x' }, { style: 'offset', itemsKey: 'values', ...bad })),
        {
          name: 'ConfigurationError',
        },
      );
    }
  });
});
