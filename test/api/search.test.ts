import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Issue } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';

const JQL = 'project = DEMO ORDER BY key ASC';

async function keys(it: AsyncIterable<Issue>): Promise<string[]> {
  const out: string[] = [];
  for await (const issue of it) out.push(issue.key);
  return out;
}

describe('issues.search', () => {
  it('finds the same issues on both flavors, each with its own endpoint and paging', async () => {
    const dc = sandboxClient('datacenter', { auth: CREDS.dcBasic('admin') });
    const cloud = sandboxClient('cloud', { auth: CREDS.cloudToken('admin') });
    try {
      const dcKeys = await keys(dc.jira.issues.search(JQL, { pageSize: 7 }));
      const cloudKeys = await keys(cloud.jira.issues.search(JQL, { pageSize: 7 }));
      assert.ok(dcKeys.length >= 20, `only ${dcKeys.length} DEMO issues`);
      assert.deepEqual(cloudKeys, dcKeys);
      assert.equal(new Set(dcKeys).size, dcKeys.length, 'no issue twice');

      const total = (
        await dc.jira.request<{ total: number }>({
          path: '/rest/api/2/search',
          query: { jql: JQL, maxResults: 0 },
        })
      ).total;
      assert.equal(dcKeys.length, total);

      const dcSearches = dc.sent.filter((r) => r.url.includes('/rest/api/2/search?'));
      assert.ok(dcSearches.every((r) => r.method === 'GET'));
      assert.match(dcSearches[1]?.url ?? '', /startAt=7&maxResults=7/);

      const cloudSearches = cloud.sent.filter((r) => r.url.endsWith('/rest/api/3/search/jql'));
      assert.equal(cloudSearches.length, Math.ceil(total / 7));
      assert.ok(cloudSearches.every((r) => r.method === 'POST'));
      const second = JSON.parse(cloudSearches[1]?.body ?? '{}');
      assert.equal(second.jql, JQL);
      assert.equal(second.maxResults, 7);
      assert.equal(typeof second.nextPageToken, 'string');
      assert.deepEqual(second.fields, ['*navigable']);
    } finally {
      await dc.sb.close();
      await cloud.sb.close();
    }
  });

  for (const flavor of ['datacenter', 'cloud'] as const) {
    const auth = flavor === 'cloud' ? CREDS.cloudToken('admin') : CREDS.dcBasic('admin');

    it(`${flavor}: first, skip and pageSize pick the same slice as a full listing`, async () => {
      const { sb, jira } = sandboxClient(flavor, { auth });
      try {
        const all = await keys(jira.issues.search(JQL));
        for (const [skip, first, pageSize] of [
          [0, 5, 2],
          [3, 4, 10],
          [10, 100, 4],
          [all.length - 1, 5, 3],
        ] as const) {
          const slice = await keys(jira.issues.search(JQL, { skip, first, pageSize }));
          assert.deepEqual(
            slice,
            all.slice(skip, skip + first),
            `skip ${skip} first ${first} pageSize ${pageSize}`,
          );
        }
      } finally {
        await sb.close();
      }
    });

    it(`${flavor}: returns typed issues with the requested fields only, and is lazy`, async () => {
      const { sb, jira, sent } = sandboxClient(flavor, { auth, deployment: flavor });
      try {
        const iterable = jira.issues.search(JQL, { fields: ['summary', 'status'], first: 3 });
        assert.equal(sent.length, 0, 'nothing sent before iterating');
        const issues: Issue[] = [];
        for await (const issue of iterable) issues.push(issue);
        assert.equal(issues.length, 3);
        for (const issue of issues) {
          assert.deepEqual(Object.keys(issue.fields).sort(), ['status', 'summary']);
          assert.equal(typeof issue.summary, 'string');
          assert.equal(typeof issue.status, 'string');
        }
        assert.equal(sent.length, 1);
      } finally {
        await sb.close();
      }
    });
  }

  it('jira.paginate is the escape hatch for any paged resource, either style', async () => {
    const dc = sandboxClient('datacenter', { auth: CREDS.dcBasic('admin') });
    const cloud = sandboxClient('cloud', { auth: CREDS.cloudToken('admin') });
    try {
      const offset: string[] = [];
      for await (const issue of dc.jira.paginate<{ key: string }>(
        { path: '/rest/api/2/search', query: { jql: JQL, fields: 'key' } },
        { style: 'offset', itemsKey: 'issues', pageSize: 4, skip: 2, first: 9 },
      )) {
        offset.push(issue.key);
      }
      const token: string[] = [];
      for await (const issue of cloud.jira.paginate<{ key: string }>(
        { path: '/rest/api/3/search/jql', query: { jql: JQL, fields: ['key'] } },
        { style: 'token', itemsKey: 'issues', pageSize: 4, skip: 2, first: 9 },
      )) {
        token.push(issue.key);
      }
      assert.equal(offset.length, 9);
      assert.deepEqual(token, offset);
    } finally {
      await dc.sb.close();
      await cloud.sb.close();
    }
  });
});

describe('issues.search under faults', () => {
  // Data Center pages with GETs; Cloud with POSTs to search/jql, which only read and so are safe to repeat.
  for (const flavor of ['datacenter', 'cloud'] as const) {
    it(`${flavor}: repeats search pages whose connection was reset, and finds everything`, async () => {
      const reasons: string[] = [];
      const auth = flavor === 'cloud' ? CREDS.cloudToken('admin') : CREDS.dcBasic('admin');
      const clean = sandboxClient(flavor, { auth });
      const faulty = sandboxClient(
        flavor,
        {
          auth,
          deployment: flavor,
          retry: { retries: 10, baseDelayMs: 1, maxDelayMs: 2 },
          hooks: { beforeRetry: [(s) => void reasons.push(s.reason)] },
        },
        { faults: 'reset=0.3,seed=7' },
      );
      try {
        const expected = await keys(clean.jira.issues.search(JQL));
        assert.deepEqual(await keys(faulty.jira.issues.search(JQL, { pageSize: 3 })), expected);
        assert.ok(reasons.length > 0, 'the faults caused retries');
        assert.ok(reasons.every((r) => r === 'ECONNRESET'));
      } finally {
        await clean.sb.close();
        await faulty.sb.close();
      }
    });
  }
});
