import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError, readBulkJournal } from '../../src/index.js';
import { bulkSandbox, collect, rows } from './helpers/bulk-sandbox.js';

function lines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('bulk journal', () => {
  it('is NDJSON, 0600, a header then sent before every outcome, and holds no credential', async () => {
    const { sb, jira, dir } = bulkSandbox('cloud');
    try {
      const journal = join(dir, 'run.ndjson');
      const input = [...rows('journaled', 3), { project: 'DEMO', issuetype: 'Task', summary: '' }];
      const results = await collect(jira.issues.createMany(input, { csv: true, journal }));
      assert.deepEqual(
        results.map((r) => r.status),
        ['created', 'created', 'created', 'failed'],
      );
      assert.equal(statSync(journal).mode & 0o777, 0o600);
      const [header, ...events] = lines(journal);
      assert.equal(header?.journal, 'jirats-bulk');
      assert.equal(header?.version, 1);
      assert.equal(header?.operation, 'create');
      assert.equal(header?.server, jira.server);
      assert.deepEqual(header?.input, input);
      assert.match(String(header?.runId), /^[0-9a-f-]{36}$/);
      for (let i = 0; i < 3; i++) {
        const mine = events.filter((e) => e.i === i).map((e) => e.state);
        assert.deepEqual(mine, ['sent', 'done'], `row ${i}`);
      }
      const failed = events.filter((e) => e.i === 3);
      assert.equal(failed.at(-1)?.state, 'failed');
      assert.match(String(failed.at(-1)?.reason), /summary/i);
      const text = readFileSync(journal, 'utf8');
      for (const secret of [
        'alice-api-token',
        Buffer.from('alice@example.com:alice-api-token').toString('base64'),
      ])
        assert.equal(text.includes(secret), false);
      assert.deepEqual(await readBulkJournal(journal), {
        operation: 'create',
        runId: header?.runId,
        total: 4,
        done: 3,
        failed: 1,
        pending: 0,
        createdAt: header?.createdAt,
      });

      const before = jira.issues.createMany(rows('again', 1), { csv: true, journal });
      await assert.rejects(collect(before), InputError, 'an existing journal is never overwritten');
      // Resuming repeats nothing: done and failed rows are reported as they were.
      const again = await collect(jira.issues.resumeBulk(journal));
      assert.deepEqual(
        again.map((r) => r.status),
        ['created', 'created', 'created', 'failed'],
      );
      assert.equal((await collect(jira.issues.search('labels = journaled'))).length, 3);
    } finally {
      await sb.close();
    }
  });

  it('ignores a torn last line and resumes after it', async () => {
    const { sb, jira, dir, sent } = bulkSandbox('datacenter');
    try {
      const journal = join(dir, 'torn.ndjson');
      const header = {
        journal: 'jirats-bulk',
        version: 1,
        operation: 'create',
        runId: 'torn-run',
        server: jira.server,
        createdAt: new Date().toISOString(),
        input: rows('torn', 4),
      };
      // Row 0 is done; the process died while writing row 1's `sent` line, so row 1 was never sent.
      writeFileSync(
        journal,
        `${JSON.stringify(header)}\n{"i":0,"state":"sent"}\n{"i":0,"state":"done","key":"DEMO-999","id":"99"}\n{"i":1,"sta`,
        { mode: 0o600 },
      );
      assert.deepEqual(
        { ...(await readBulkJournal(journal)), createdAt: '' },
        { operation: 'create', runId: 'torn-run', total: 4, done: 1, failed: 0, pending: 3, createdAt: '' },
      );
      const results = await collect(jira.issues.resumeBulk(journal));
      assert.deepEqual(
        results.map((r) => [r.status, r.status === 'created' && r.index === 0 ? r.key : '']),
        [
          ['created', 'DEMO-999'],
          ['created', ''],
          ['created', ''],
          ['created', ''],
        ],
      );
      const posts = sent.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/issue'));
      assert.equal(posts.length, 3);
      assert.equal((await collect(jira.issues.search('labels = torn'))).length, 3);
      const summary = await readBulkJournal(journal);
      assert.equal(summary.done, 4);
      assert.equal(summary.pending, 0);
      const text = readFileSync(journal, 'utf8');
      assert.ok(text.includes('{"i":1,"sta\n'), 'the torn line is closed off, not continued');
    } finally {
      await sb.close();
    }
  });

  it('refuses a file that is not a journal, and a journal of another server', async () => {
    const { sb, jira, dir } = bulkSandbox('cloud');
    try {
      const notJournal = join(dir, 'not.ndjson');
      writeFileSync(notJournal, '{"hello":1}\n');
      await assert.rejects(readBulkJournal(notJournal), InputError);
      await assert.rejects(collect(jira.issues.resumeBulk(notJournal)), InputError);
      await assert.rejects(readBulkJournal(join(dir, 'missing.ndjson')), InputError);
      const other = join(dir, 'other.ndjson');
      writeFileSync(
        other,
        `${JSON.stringify({ journal: 'jirats-bulk', version: 1, operation: 'delete', runId: 'x', server: 'https://elsewhere.example', createdAt: new Date().toISOString(), input: { jql: 'x' }, items: ['DEMO-1'] })}\n`,
      );
      await assert.rejects(collect(jira.issues.resumeBulk(other)), /elsewhere/);
    } finally {
      await sb.close();
    }
  });
});
