import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BulkCreateResult, failureReason, type Issue } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

for (const flavor of FLAVORS) {
  describe(`issues.createMany (${flavor})`, () => {
    const auth = flavor === 'cloud' ? CREDS.cloudToken('alice') : CREDS.dcBasic('alice');

    it('creates one issue per good row, reports the others with the reason, in row order', async () => {
      const { sb, jira, sent } = sandboxClient(flavor, { auth, deployment: flavor });
      try {
        const rows = [
          {
            project: 'DEMO',
            issuetype: 'Task',
            summary: 'Bulk one',
            labels: 'bulk, first',
            'Story Points': '3',
          },
          { project: 'DEMO', issuetype: 'Task', summary: '' },
          { project: 'NOPE', issuetype: 'Task', summary: 'Bulk in a missing project' },
          { project: 'DEMO', issuetype: 'Bug', summary: 'Bulk two', assignee: 'bob@example.com' },
        ];
        const results = await collect(jira.issues.createMany(rows, { csv: true, concurrency: 2 }));
        assert.deepEqual(
          results.map((r) => [r.index, r.status]),
          [
            [0, 'created'],
            [1, 'failed'],
            [2, 'failed'],
            [3, 'created'],
          ],
        );
        const failed = results.filter(
          (r): r is Extract<BulkCreateResult, { status: 'failed' }> => r.status === 'failed',
        );
        assert.match(failureReason(failed[0]?.error as Error), /summary/);
        assert.ok(failureReason(failed[1]?.error as Error).length > 0);
        const keys = results.flatMap((r) => (r.status === 'created' ? [r.key] : []));
        const found: Issue[] = await collect(
          jira.issues.search('project = DEMO AND labels = bulk ORDER BY key', {
            fields: ['summary', 'labels'],
          }),
        );
        assert.deepEqual(
          found.map((i) => i.key),
          keys.slice(0, 1),
        );
        const two = await jira.issues.get(keys[1] as string, { fields: ['assignee', 'summary'] });
        assert.equal(two.assignee?.displayName, 'Bob Brown');
        const one = await jira.issues.get(keys[0] as string, { fields: ['customfield_10016', 'labels'] });
        assert.equal((one.raw.fields as Record<string, unknown>).customfield_10016, 3);
        const posts = sent.filter((r) => r.method === 'POST' && /\/issue$/.test(new URL(r.url).pathname));
        // The row without a summary and the one naming a missing project fail before anything is posted.
        assert.equal(posts.length, 2);
      } finally {
        await sb.close();
      }
    });

    it('looks up the issue type, create screen and users once per run, not once per row', async () => {
      const { sb, jira, sent } = sandboxClient(flavor, { auth, deployment: flavor });
      try {
        const rows = Array.from({ length: 12 }, (_, i) => ({
          project: 'DEMO',
          issuetype: i % 2 === 0 ? 'Task' : 'Bug',
          summary: `Lookup ${i}`,
          assignee: 'bob@example.com',
          'Story Points': String(i),
        }));
        const results = await collect(jira.issues.createMany(rows, { csv: true, concurrency: 4 }));
        assert.ok(results.every((r) => r.status === 'created'));
        const gets = (pattern: RegExp) =>
          sent.filter((r) => r.method === 'GET' && pattern.test(new URL(r.url).pathname)).length;
        // One list of the project's issue types, then one create screen per issue type.
        assert.equal(gets(/\/createmeta\/DEMO\/issuetypes$/), 1);
        assert.equal(gets(/\/createmeta\/DEMO\/issuetypes\/\d+$/), 2);
        assert.equal(gets(/\/user\/search$/), 1);
        const last = await jira.issues.get((results[11] as { key: string }).key, {
          fields: ['assignee', 'issuetype', 'customfield_10016'],
        });
        assert.equal(last.assignee?.displayName, 'Bob Brown');
        assert.equal(last.issueType, 'Bug');
        assert.equal((last.raw.fields as Record<string, unknown>).customfield_10016, 11);
      } finally {
        await sb.close();
      }
    });

    it('stops at an authentication failure and reports the rest as skipped', async () => {
      const wrong =
        flavor === 'cloud'
          ? { type: 'apiToken' as const, email: 'alice@example.com', token: 'wrong' }
          : { type: 'basic' as const, username: 'alice', password: 'wrong' };
      const { sb, jira } = sandboxClient(flavor, { auth: wrong, deployment: flavor });
      try {
        const rows = Array.from({ length: 5 }, (_, i) => ({
          project: 'DEMO',
          issuetype: 'Task',
          summary: `r${i}`,
        }));
        const results = await collect(jira.issues.createMany(rows, { concurrency: 1 }));
        assert.equal(results.length, 5);
        assert.equal(results[0]?.status, 'failed');
        assert.deepEqual(
          results.slice(1).map((r) => r.status),
          ['skipped', 'skipped', 'skipped', 'skipped'],
        );
      } finally {
        await sb.close();
      }
    });
  });
}
