import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type BulkCreateResult, type BulkItemResult, readBulkJournal } from '../../src/index.js';
import { bulkSandbox, collect, connectionLost, isCreate, rows } from './helpers/bulk-sandbox.js';

type AnyResult = BulkCreateResult | BulkItemResult;

function count(results: AnyResult[], status: string): number {
  return results.filter((r) => r.status === status).length;
}

for (const flavor of ['cloud', 'datacenter'] as const) {
  describe(`resumeBulk (${flavor})`, () => {
    it('finishes an interrupted create run through faults without a duplicate', async () => {
      const { sb, jira, admin, dir, tap } = bulkSandbox(flavor, '429=0.05,503=0.05,reset=0.05,seed=11');
      try {
        const journal = join(dir, 'create.ndjson');
        const controller = new AbortController();
        let creates = 0;
        // The 6th create reaches Jira, then the run dies before its reply: resume must find it, not redo it.
        tap.afterServer = (method, url) => {
          if (!isCreate(method, url) || ++creates !== 6) return;
          controller.abort(new Error('killed'));
          throw controller.signal.reason;
        };
        const first = await collect(
          jira.issues.createMany(rows('resumed', 16), {
            signal: controller.signal,
            csv: true,
            journal,
            concurrency: 4,
          }),
        );
        tap.afterServer = undefined;
        assert.equal(first.length, 16, 'every row accounted for');
        assert.ok(count(first, 'skipped') > 0, 'the abort left rows undone');
        const summary = await readBulkJournal(journal);
        assert.equal(summary.operation, 'create');
        assert.equal(summary.total, 16);
        assert.ok(summary.pending > 0);

        const second = await collect(jira.issues.resumeBulk(journal));
        assert.deepEqual(
          second.map((r) => r.status),
          Array(16).fill('created'),
        );
        assert.ok(
          second.some((r) => r.status === 'created' && r.reconciled === true),
          'the create whose reply was lost is reconciled',
        );
        const keys = second.map((r) => (r.status === 'created' ? r.key : ''));
        assert.equal(new Set(keys).size, 16, 'one issue per row');
        const found = await collect(admin.issues.search('labels = resumed', { fields: ['summary'] }));
        assert.equal(found.length, 16, 'exactly 16 issues exist');
        assert.deepEqual(found.map((i) => i.key).sort(), [...keys].sort(), 'the report matches the server');
        const summaries = found.map((i) => i.summary).sort();
        assert.deepEqual(summaries, [...new Set(summaries)], 'no summary twice');

        const again = await collect(jira.issues.resumeBulk(journal));
        assert.deepEqual(
          again.map((r) => r.status),
          Array(16).fill('created'),
        );
        const still = await collect(admin.issues.search('labels = resumed', { fields: ['summary'] }));
        assert.equal(still.length, 16, 'resuming a finished run sends nothing');
      } finally {
        await sb.close();
      }
    });

    it('reconciles a create whose reply was lost instead of creating it again', async () => {
      const { sb, jira, admin, dir, sent } = bulkSandbox(flavor);
      try {
        const journal = join(dir, 'lost.ndjson');
        const input = rows('lostreply', 3);
        const runId = '5d0c1b2e-0000-4000-8000-000000000001';
        writeFileSync(
          journal,
          `${JSON.stringify({ journal: 'jirats-bulk', version: 1, operation: 'create', runId, server: jira.server, createdAt: new Date().toISOString(), input })}\n`,
          { mode: 0o600 },
        );
        // Row 1 was sent and Jira created it, but the process died before the reply came back.
        appendFileSync(journal, `${JSON.stringify({ i: 1, state: 'sent' })}\n`);
        const made = await admin.request<{ key: string }>({
          method: 'POST',
          path: `/rest/api/${flavor === 'cloud' ? '3' : '2'}/issue`,
          body: {
            fields: {
              project: { key: 'DEMO' },
              issuetype: { name: 'Task' },
              summary: 'lostreply 1',
              labels: ['lostreply'],
            },
            properties: [{ key: 'jirats.bulk', value: { run: runId, row: 1 } }],
          },
        });
        const before = sent.length;
        const results = await collect(jira.issues.resumeBulk(journal));
        assert.deepEqual(
          results.map((r) => r.status),
          ['created', 'created', 'created'],
        );
        const row1 = results[1];
        assert.ok(row1?.status === 'created' && row1.key === made.key && row1.reconciled === true);
        const posts = sent
          .slice(before)
          .filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/issue'));
        assert.equal(posts.length, 2, 'only the rows never sent are posted');
        const found = await collect(admin.issues.search('labels = lostreply'));
        assert.equal(found.length, 3);
        const lines = readFileSync(journal, 'utf8').trim().split('\n');
        assert.match(lines.at(-1) ?? '', /"state":"done"/);
      } finally {
        await sb.close();
      }
    });

    it('reconciles creates whose replies are lost mid-run before sending them again', async () => {
      const { sb, jira, admin, tap } = bulkSandbox(flavor);
      try {
        let creates = 0;
        tap.afterServer = (method, url) => {
          if (isCreate(method, url) && ++creates % 3 === 0) throw connectionLost();
        };
        const results = await collect(jira.issues.createMany(rows('lossy', 9), { csv: true }));
        tap.afterServer = undefined;
        assert.deepEqual(
          results.map((r) => r.status),
          Array(9).fill('created'),
        );
        assert.equal(results.filter((r) => r.status === 'created' && r.reconciled).length, 3);
        const found = await collect(admin.issues.search('labels = lossy', { fields: ['summary'] }));
        assert.equal(found.length, 9, 'no row created twice');
      } finally {
        await sb.close();
      }
    });

    it('finishes an interrupted update run applying each change once', async () => {
      const { sb, jira, admin, dir, tap } = bulkSandbox(flavor, '429=0.05,503=0.05,reset=0.05,seed=5');
      try {
        await collect(jira.issues.createMany(rows('upd', 12), { csv: true }));
        const journal = join(dir, 'update.ndjson');
        const controller = new AbortController();
        let puts = 0;
        // The 5th update is applied, then the run dies before its reply (refused PUTs changed nothing).
        tap.afterServer = (method, _url, status) => {
          if (method !== 'PUT' || status >= 300 || ++puts !== 5) return;
          controller.abort(new Error('killed'));
          throw controller.signal.reason;
        };
        const first = await collect(
          jira.issues.updateMany(
            {
              jql: 'labels = upd ORDER BY key',
              fields: { priority: { name: 'Highest' } },
              addLabels: ['upd2'],
            },
            { signal: controller.signal, journal, concurrency: 3 },
          ),
        );
        tap.afterServer = undefined;
        assert.equal(first.length, 12);
        assert.ok(count(first, 'skipped') > 0);
        const second = await collect(jira.issues.resumeBulk(journal));
        assert.deepEqual(
          second.map((r) => r.status),
          Array(12).fill('done'),
        );
        assert.ok(
          second.some((r) => r.status === 'done' && 'reconciled' in r && r.reconciled),
          'the applied update is recognised',
        );
        const found = await collect(admin.issues.search('labels = upd2', { fields: ['priority'] }));
        assert.equal(found.length, 12);
        for (const issue of found) {
          assert.equal(issue.priority, 'Highest');
          const history = await collect(admin.issues.changelog(issue.key));
          const changes = history.flatMap((h) => h.items).filter((i) => i.field === 'priority');
          assert.equal(changes.length, 1, `${issue.key}: priority changed once`);
        }
      } finally {
        await sb.close();
      }
    });

    it('reconciles a sent transition and a sent comment found already applied', async () => {
      const { sb, jira, admin, dir, sent } = bulkSandbox(flavor);
      try {
        await collect(jira.issues.createMany(rows('recon', 2), { csv: true }));
        const keys = (await collect(admin.issues.search('labels = recon ORDER BY key'))).map((i) => i.key);
        const startedAt = new Date().toISOString();
        const header = (operation: string, input: unknown) =>
          `${JSON.stringify({ journal: 'jirats-bulk', version: 1, operation, runId: `r-${operation}`, server: jira.server, createdAt: startedAt, input, items: keys })}\n`;
        // The first issue was moved and commented by the interrupted run; its replies were lost.
        await admin.issues.transition(keys[0] as string, 'Done');
        await admin.issues.comments.add(keys[0] as string, 'Bulk note');
        const tj = join(dir, 'transition.ndjson');
        writeFileSync(tj, `${header('transition', { jql: 'x', to: 'Done' })}{"i":0,"state":"sent"}\n`);
        const cj = join(dir, 'comment.ndjson');
        writeFileSync(cj, `${header('comment', { jql: 'x', body: 'Bulk note' })}{"i":0,"state":"sent"}\n`);
        const before = sent.length;
        const moved = await collect(jira.issues.resumeBulk(tj));
        const commented = await collect(jira.issues.resumeBulk(cj));
        for (const results of [moved, commented]) {
          assert.deepEqual(
            results.map((r) => [r.status, r.status === 'created' ? false : 'reconciled' in r]),
            [
              ['done', true],
              ['done', false],
            ],
          );
        }
        const writes = sent.slice(before).filter((r) => r.method === 'POST');
        assert.equal(writes.length, 2, 'one transition and one comment, both for the second issue');
        for (const key of keys) {
          const comments = await collect(admin.issues.comments.list(key));
          assert.equal(comments.length, 1, `${key}: one comment`);
          assert.equal((await admin.issues.get(key, { fields: ['status'] })).status, 'Done');
        }
      } finally {
        await sb.close();
      }
    });
  });
}
