import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BulkItemResult, failureReason, InputError } from '../../src/index.js';
import { bulkSandbox, collect, rows } from './helpers/bulk-sandbox.js';

const FAULTS = '429=0.1,503=0.05,reset=0.02,seed=7';

function statuses(results: BulkItemResult[]): string[] {
  return results.map((r) => (r.status === 'failed' ? `failed: ${failureReason(r.error)}` : r.status));
}

for (const flavor of ['cloud', 'datacenter'] as const) {
  describe(`bulk JQL operations through faults (${flavor})`, () => {
    it('creates, updates, transitions and comments: every item accounted for, the server matches', async () => {
      const { sb, jira, admin } = bulkSandbox(flavor, FAULTS);
      try {
        const created = await collect(jira.issues.createMany(rows('bulkjql', 6), { csv: true }));
        assert.deepEqual(
          created.map((r) => r.status),
          Array(6).fill('created'),
        );
        const jql = 'labels = bulkjql ORDER BY key';
        const found = await collect(admin.issues.search(jql, { fields: ['summary'] }));
        assert.equal(found.length, 6, 'exactly one issue per row');

        const updated = await collect(
          jira.issues.updateMany(
            {
              jql,
              fields: { priority: { name: 'High' } },
              addLabels: ['relabelled'],
              removeLabels: ['bulkjql'],
            },
            { concurrency: 3 },
          ),
        );
        assert.deepEqual(statuses(updated), Array(6).fill('done'));
        assert.deepEqual(
          updated.map((r) => r.index),
          [...Array(6).keys()],
          'results in item order',
        );
        const after = await collect(
          admin.issues.search('labels = relabelled ORDER BY key', { fields: ['labels', 'priority'] }),
        );
        assert.equal(after.length, 6);
        for (const issue of after) {
          assert.deepEqual(issue.labels, ['relabelled']);
          assert.equal(issue.priority, 'High');
          const history = await collect(admin.issues.changelog(issue.key));
          const priorityChanges = history.flatMap((h) => h.items).filter((i) => i.field === 'priority');
          assert.equal(priorityChanges.length, 1, `${issue.key}: the priority was set once`);
        }

        // The keys are read once: the transition takes the issues out of the query, and the run is unchanged.
        const moved = await collect(
          jira.issues.transitionMany({ jql: 'labels = relabelled AND statusCategory != Done', to: 'Done' }),
        );
        assert.deepEqual(statuses(moved), Array(6).fill('done'));
        const done = await collect(admin.issues.search('labels = relabelled', { fields: ['status'] }));
        assert.deepEqual(
          done.map((i) => i.status),
          Array(6).fill('Done'),
        );

        const commented = await collect(
          jira.issues.commentMany({ jql: 'labels = relabelled', body: 'Closed in **bulk**' }),
        );
        assert.deepEqual(statuses(commented), Array(6).fill('done'));
        for (const issue of done) {
          const comments = await collect(admin.issues.comments.list(issue.key));
          assert.equal(comments.filter((c) => (c.body ?? '').includes('bulk')).length, 1, issue.key);
        }

        const deleted = await collect(admin.issues.deleteMany({ jql: 'labels = relabelled' }));
        assert.deepEqual(statuses(deleted), Array(6).fill('done'));
        assert.equal((await collect(admin.issues.search('labels = relabelled'))).length, 0);
      } finally {
        await sb.close();
      }
    });
  });
}

describe('bulk JQL operations: failures and bad input', () => {
  it('reports Jira refusals per item with its reason, and refuses bad input before sending', async () => {
    const { sb, jira, sent } = bulkSandbox('cloud');
    try {
      await collect(jira.issues.createMany(rows('refused', 3), { csv: true }));
      const deleted = await collect(jira.issues.deleteMany({ jql: 'labels = refused ORDER BY key' }));
      assert.equal(deleted.length, 3);
      for (const r of deleted) {
        assert.equal(r.status, 'failed');
        if (r.status === 'failed') assert.match(failureReason(r.error), /permission/i);
      }
      const before = sent.length;
      await assert.rejects(collect(jira.issues.updateMany({ jql: 'labels = refused' })), InputError);
      await assert.rejects(
        collect(jira.issues.updateMany({ jql: 'labels = refused', addLabels: ['two words'] })),
        InputError,
      );
      await assert.rejects(
        collect(jira.issues.transitionMany({ jql: 'labels = refused', to: ' ' })),
        InputError,
      );
      await assert.rejects(collect(jira.issues.commentMany({ jql: '', body: 'x' })), InputError);
      assert.equal(sent.length, before, 'nothing sent for bad input');
      const none = await collect(jira.issues.transitionMany({ jql: 'labels = refused', to: 'Nowhere' }));
      assert.deepEqual(
        none.map((r) => r.status),
        ['failed', 'failed', 'failed'],
      );
    } finally {
      await sb.close();
    }
  });
});
