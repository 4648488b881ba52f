import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import type { IssueRecord } from '../../src/sandbox/model.js';
import { SearchCache } from '../../src/sandbox/search-cache.js';
import { api, arr, call, login, obj } from './helpers.js';

const found = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `X-${i}` }) as IssueRecord);

describe('search cache', () => {
  it('serves a result only at the same store revision and for one second', () => {
    let now = 0;
    const cache = new SearchCache(() => now);
    const issues = found(3);
    cache.store('alice\0project = X', 7, issues);
    assert.equal(cache.lookup('alice\0project = X', 7), issues);
    assert.equal(cache.lookup('alice\0project = X', 8), undefined, 'the store changed');
    assert.equal(cache.lookup('bob\0project = X', 7), undefined, 'another caller');
    now = 1001;
    assert.equal(cache.lookup('alice\0project = X', 7), undefined, 'too old');
  });

  it('keeps the 16 most recent results', () => {
    const cache = new SearchCache(() => 0);
    for (let i = 0; i < 17; i++) cache.store(`q${i}`, 1, found(1));
    assert.equal(cache.lookup('q0', 1), undefined);
    assert.ok(cache.lookup('q1', 1));
    assert.ok(cache.lookup('q16', 1));
  });

  for (const flavor of ['datacenter', 'cloud'] as const) {
    it(`${flavor}: a search right after a change sees it`, async () => {
      const sb = createSandbox({ flavor });
      try {
        const jql = encodeURIComponent('project = DEMO AND labels = fresh ORDER BY key');
        const path =
          flavor === 'cloud' ? `${api(flavor)}/search/jql?jql=${jql}` : `${api(flavor)}/search?jql=${jql}`;
        const keys = async () =>
          arr(obj((await call(sb, path, { headers: login(flavor, 'admin') })).body).issues).map((i) =>
            String(obj(i).id),
          );
        assert.deepEqual(await keys(), []);
        const edit = await call(sb, `${api(flavor)}/issue/DEMO-3`, {
          method: 'PUT',
          headers: login(flavor, 'admin'),
          body: { update: { labels: [{ add: 'fresh' }] } },
        });
        assert.equal(edit.status, 204);
        assert.equal((await keys()).length, 1, 'the labelled issue is found at once');
      } finally {
        await sb.close();
      }
    });
  }
});
