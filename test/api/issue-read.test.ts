import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type HistoryEntry, InputError, type Issue, JiraError, NotFoundError } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';
import { EXTRA_CHANGES, longHistorySnapshot } from '../support/long-history.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];
type User = 'admin' | 'alice' | 'bob';

function auth(flavor: Flavor, user: User) {
  return flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function assertOldestFirst(history: HistoryEntry[]): void {
  for (let i = 1; i < history.length; i++) {
    const before = history[i - 1] as HistoryEntry;
    const after = history[i] as HistoryEntry;
    assert.ok(
      Date.parse(before.created) <= Date.parse(after.created),
      `${before.created} > ${after.created}`,
    );
  }
}

for (const flavor of FLAVORS) {
  describe(`issue history (${flavor})`, () => {
    it('get with history returns every change oldest first, past Cloud’s embedded cap', async () => {
      const snapshot = longHistorySnapshot();
      const ctx = sandboxClient(
        flavor,
        { auth: auth(flavor, 'alice'), deployment: flavor },
        { dataFile: snapshot.file },
      );
      try {
        const issue = await ctx.jira.issues.get('DEMO-1', { history: true });
        const history = issue.history ?? [];
        assert.ok(history.length >= EXTRA_CHANGES, `only ${history.length} entries`);
        assertOldestFirst(history);
        const last = history.at(-1);
        assert.equal(last?.items[0]?.toString, `step-${EXTRA_CHANGES}`);
        assert.equal(last?.author?.displayName, 'Bob Brown');
        const first = history.find((e) => e.items[0]?.fromString === 'step-0');
        assert.equal(first?.author?.displayName, 'Alice Anderson');
        const pagedCalls = ctx.sent.filter((r) => r.url.includes('/changelog'));
        // Cloud embeds 100 histories: the rest needs /changelog; Data Center embeds them all.
        assert.equal(pagedCalls.length > 0, flavor === 'cloud');
        const listed = await collect(ctx.jira.issues.changelog('DEMO-1', { pageSize: 40 }));
        assert.deepEqual(
          listed.map((e) => e.id),
          history.map((e) => e.id),
        );
      } finally {
        await ctx.sb.close();
        snapshot.cleanup();
      }
    });

    it('search with history gives each hit its history, oldest first', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
      try {
        const hits = await collect(
          ctx.jira.issues.search('project = DEMO AND status = Done ORDER BY key', {
            history: true,
            first: 3,
          }),
        );
        assert.equal(hits.length, 3);
        for (const hit of hits) {
          assert.ok(hit.history && hit.history.length > 0, `${hit.key} has no history`);
          assertOldestFirst(hit.history);
          assert.equal(hit.history.at(-1)?.items.at(-1)?.toString, 'Done');
        }
        const plain = await collect(ctx.jira.issues.search('project = DEMO ORDER BY key', { first: 1 }));
        assert.equal(plain[0]?.history, undefined);
      } finally {
        await ctx.sb.close();
      }
    });

    it('changelog of a hidden issue is NotFoundError', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'bob'), deployment: flavor });
      try {
        await assert.rejects(collect(ctx.jira.issues.changelog('SECRET-1')), NotFoundError);
      } finally {
        await ctx.sb.close();
      }
    });
  });

  describe(`filter search and count (${flavor})`, () => {
    it('searchFilter runs the filter’s JQL and never its searchUrl', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'bob'), deployment: flavor });
      try {
        const viaFilter = await collect(
          ctx.jira.issues.searchFilter(10000, { fields: ['summary', 'issuetype'] }),
        );
        const jql = 'project = DEMO AND issuetype = Bug AND statusCategory != Done ORDER BY key ASC';
        const direct = await collect(ctx.jira.issues.search(jql, { fields: ['summary'] }));
        assert.ok(direct.length > 0);
        assert.deepEqual(
          viaFilter.map((i: Issue) => i.key),
          direct.map((i) => i.key),
        );
        assert.ok(viaFilter.every((i) => i.issueType === 'Bug'));
        const filterReads = ctx.sent.filter((r) => /\/filter\/10000$/.test(new URL(r.url).pathname));
        assert.equal(filterReads.length, 1);
        if (flavor === 'cloud') {
          // The filter's searchUrl names Cloud's removed /search endpoint.
          assert.ok(!ctx.sent.some((r) => /\/rest\/api\/[23]\/search$/.test(new URL(r.url).pathname)));
        }
        const mine = await collect(ctx.jira.issues.searchFilter('10001'));
        assert.ok(mine.length > 0);
        assert.ok(mine.every((i) => i.reporter?.displayName === 'Bob Brown'));
      } finally {
        await ctx.sb.close();
      }
    });

    it('a private filter of someone else, or a missing one, is NotFoundError', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
      try {
        await assert.rejects(collect(ctx.jira.issues.searchFilter(10001)), NotFoundError);
        await assert.rejects(collect(ctx.jira.issues.searchFilter(99999)), NotFoundError);
        await assert.rejects(collect(ctx.jira.issues.searchFilter('abc')), InputError);
      } finally {
        await ctx.sb.close();
      }
    });

    it('count equals the number of issues a search returns', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
      try {
        for (const jql of ['project = DEMO', 'project = DEMO AND labels = checkout', 'project = SECRET']) {
          const found = await collect(ctx.jira.issues.search(jql, { fields: ['summary'] }));
          assert.equal(await ctx.jira.issues.count(jql), found.length, jql);
        }
        const sent = ctx.sent.filter((r) => r.url.includes('approximate-count'));
        assert.equal(sent.length > 0, flavor === 'cloud');
        await assert.rejects(ctx.jira.issues.count('project = '), (error: unknown) => {
          assert.ok(error instanceof JiraError);
          assert.equal(error.status, 400);
          assert.match(error.message, /Error in the JQL Query/);
          return true;
        });
      } finally {
        await ctx.sb.close();
      }
    });
  });

  describe(`issue properties (${flavor})`, () => {
    it('round trip: set, list, get, replace, remove', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
      try {
        const props = ctx.jira.issues.properties;
        const value = { owner: { team: 'payments', size: 4 }, tags: ['a', 'b'], ok: true, note: null };
        await props.set('DEMO-1', 'support.info', value);
        await props.set('DEMO-1', 'plain', 'just a string');
        assert.deepEqual((await props.list('DEMO-1')).sort(), ['plain', 'support.info']);
        assert.deepEqual(await props.get('DEMO-1', 'support.info'), value);
        assert.equal(await props.get('DEMO-1', 'plain'), 'just a string');
        await props.set('DEMO-1', 'plain', 42);
        assert.equal(await props.get('DEMO-1', 'plain'), 42);
        assert.equal(await props.get('DEMO-1', 'absent'), undefined);
        await props.set('DEMO-2', 'support.info', { owner: { team: 'web', size: 9 } });
        const byTeam = await collect(
          ctx.jira.issues.search('issue.property[support.info].owner.team = payments', {
            fields: ['summary'],
          }),
        );
        assert.deepEqual(
          byTeam.map((i) => i.key),
          ['DEMO-1'],
        );
        const bySize = await collect(
          ctx.jira.issues.search(
            'project = DEMO AND issue.property[support.info].owner.size > 2 ORDER BY key',
            {
              fields: ['summary'],
            },
          ),
        );
        assert.deepEqual(
          bySize.map((i) => i.key),
          ['DEMO-1', 'DEMO-2'],
        );
        await props.remove('DEMO-1', 'plain');
        assert.deepEqual(await props.list('DEMO-1'), ['support.info']);
        await assert.rejects(props.remove('DEMO-1', 'plain'), NotFoundError);
        await assert.rejects(props.get('DEMO-999', 'support.info'), NotFoundError);
      } finally {
        await ctx.sb.close();
      }
    });

    it('writes need edit rights: alice may read SECRET but not set its properties', async () => {
      const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
      try {
        assert.deepEqual(await ctx.jira.issues.properties.list('SECRET-1'), []);
        await assert.rejects(ctx.jira.issues.properties.set('SECRET-1', 'k', 1), (e: unknown) => {
          assert.ok(e instanceof JiraError);
          assert.equal(e.status, 403);
          return true;
        });
      } finally {
        await ctx.sb.close();
      }
    });
  });
}
