import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTimeSpan, InputError, PermissionError, parseTimeSpan, type Worklog } from '../../src/index.js';
import { CREDS, type SentRequest, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];
type User = 'admin' | 'alice' | 'bob';

const auth = (flavor: Flavor, user: User) =>
  flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);

async function withSandbox(flavor: Flavor, body: (ctx: ReturnType<typeof sandboxClient>) => Promise<void>) {
  const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
  try {
    await body(ctx);
  } finally {
    await ctx.sb.close();
  }
}

async function collect(items: AsyncIterable<Worklog>): Promise<Worklog[]> {
  const out: Worklog[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const writes = (sent: SentRequest[]) => sent.filter((r) => r.method !== 'GET');

describe('time spans', () => {
  it('parses Jira durations with 8-hour days and 5-day weeks, and formats them back', () => {
    assert.equal(parseTimeSpan('1h 30m'), 5400);
    assert.equal(parseTimeSpan('90m'), 5400);
    assert.equal(parseTimeSpan('1.5h'), 5400);
    assert.equal(parseTimeSpan('2d'), 16 * 3600);
    assert.equal(parseTimeSpan('1w'), 40 * 3600);
    assert.equal(parseTimeSpan('45'), 45 * 60, 'a bare number counts minutes');
    for (const bad of ['', 'soon', '1h1h', '1h 1h', '1x', '-1h', '30s'])
      assert.equal(parseTimeSpan(bad), undefined, bad);
    assert.equal(formatTimeSpan(5400), '1h 30m');
    assert.equal(formatTimeSpan(49 * 3600 + 60), '1w 1d 1h 1m');
    assert.equal(formatTimeSpan(30), '0m');
  });
});

for (const flavor of FLAVORS) {
  describe(`issue worklogs (${flavor})`, () => {
    it('adds with a Markdown comment and a start time, reads back, updates and removes', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        const added = await jira.issues.worklogs.add('DEMO-2', {
          timeSpent: '1h 30m',
          started: new Date(Date.UTC(2026, 0, 5, 10, 0, 0)),
          comment: 'Paired on the **drawer**',
        });
        assert.equal(added.timeSpentSeconds, 5400);
        assert.equal(added.timeSpent, '1h 30m');
        assert.equal(added.started, '2026-01-05T10:00:00.000+0000');
        assert.equal(added.comment, 'Paired on the **drawer**');
        assert.equal(added.author?.displayName, (await jira.myself()).displayName);
        const wire = JSON.parse(writes(sent).at(-1)?.body ?? '{}');
        assert.equal(wire.started, '2026-01-05T10:00:00.000+0000');
        assert.equal(wire.timeSpentSeconds, 5400);
        assert.equal(typeof wire.comment, flavor === 'cloud' ? 'object' : 'string');

        const got = await jira.issues.worklogs.get('DEMO-2', added.id);
        assert.equal(got.comment, 'Paired on the **drawer**');
        const updated = await jira.issues.worklogs.update('DEMO-2', added.id, { timeSpent: 7200 });
        assert.equal(updated.timeSpent, '2h');
        assert.equal(updated.comment, 'Paired on the **drawer**');
        await jira.issues.worklogs.remove('DEMO-2', added.id);
        assert.deepEqual(await collect(jira.issues.worklogs.list('DEMO-2')), []);
      });
    });

    it('lists every worklog across pages, oldest first, with first and skip', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        for (let n = 1; n <= 5; n += 1) await jira.issues.worklogs.add('DEMO-4', { timeSpent: `${n}h` });
        const before = sent.length;
        const all = await collect(jira.issues.worklogs.list('DEMO-4', { pageSize: 2 }));
        assert.deepEqual(
          all.map((w) => w.timeSpent),
          ['1h', '2h', '3h', '4h', '5h'],
        );
        assert.equal(sent.length - before, 3, 'three pages of two');
        const some = await collect(jira.issues.worklogs.list('DEMO-4', { skip: 1, first: 2, pageSize: 2 }));
        assert.deepEqual(
          some.map((w) => w.timeSpent),
          ['2h', '3h'],
        );
        const issue = await jira.issues.get('DEMO-4', { fields: ['timespent'] });
        assert.equal(issue.fields.timespent, 15 * 3600);
      });
    });

    it('adjusts the remaining estimate as asked', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const estimate = async () =>
          (await jira.issues.get('DEMO-4', { fields: ['timeestimate'] })).fields.timeestimate;
        await jira.issues.worklogs.add('DEMO-4', { timeSpent: '1h', adjustEstimate: { newEstimate: '2d' } });
        assert.equal(await estimate(), 16 * 3600);
        const second = await jira.issues.worklogs.add('DEMO-4', {
          timeSpent: '1h',
          adjustEstimate: { reduceBy: '4h' },
        });
        assert.equal(await estimate(), 12 * 3600);
        await jira.issues.worklogs.remove('DEMO-4', second.id, { adjustEstimate: 'leave' });
        assert.equal(await estimate(), 12 * 3600);
      });
    });

    it('refuses an invalid time spent or start before sending anything', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        for (const timeSpent of ['an hour', '1h 1h', 30, 90.5, -60, '']) {
          await assert.rejects(
            jira.issues.worklogs.add('DEMO-2', { timeSpent }),
            InputError,
            String(timeSpent),
          );
        }
        await assert.rejects(
          jira.issues.worklogs.add('DEMO-2', { timeSpent: '1h', started: 'someday' }),
          InputError,
        );
        await assert.rejects(
          jira.issues.worklogs.add('DEMO-2', { timeSpent: '1h', adjustEstimate: { newEstimate: 'lots' } }),
          InputError,
        );
        assert.deepEqual(writes(sent), []);
      });
    });

    it('only the author or an administrator may change a worklog; SECRET is read-only for alice', async () => {
      await withSandbox(flavor, async ({ jira, newClient }) => {
        const mine = await jira.issues.worklogs.add('DEMO-2', { timeSpent: '30m' });
        const bob = newClient({ auth: auth(flavor, 'bob') });
        await assert.rejects(
          bob.issues.worklogs.update('DEMO-2', mine.id, { timeSpent: '1h' }),
          PermissionError,
        );
        await assert.rejects(bob.issues.worklogs.remove('DEMO-2', mine.id), PermissionError);
        const admin = newClient({ auth: auth(flavor, 'admin') });
        await admin.issues.worklogs.remove('DEMO-2', mine.id);
        await assert.rejects(jira.issues.worklogs.add('SECRET-1', { timeSpent: '1h' }), PermissionError);
      });
    });
  });
}
