import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { printedJournal, readJournal } from './helpers/bulk-run.js';
import type { CliResult } from './helpers/cli.js';
import { FLAVORS, type Flavor, sandboxPerFlavor } from './helpers/flavor-sandboxes.js';

const { home, url } = sandboxPerFlavor();
const flavors = FLAVORS;

function runner(flavor: Flavor) {
  // admin: alice may not delete issues.
  const env: Record<string, string> =
    flavor === 'cloud'
      ? { JIRA_EMAIL: 'admin@example.com', JIRA_API_TOKEN: 'admin-api-token' }
      : { JIRA_PAT: 'admin-pat' };
  return (args: string[]) => home.run([...args, '--server', url(flavor)], { env });
}

interface ItemLine {
  item: number;
  key: string;
  status: string;
  reason?: string;
}

function lines(r: CliResult): ItemLine[] {
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ItemLine);
}

interface WireIssue {
  key: string;
  fields: { summary: string; labels: string[]; status: { name: string } };
}

for (const flavor of flavors) {
  describe(`jirats issue update|transition|comment|delete --jql (${flavor})`, () => {
    const run = runner(flavor);
    let keys: string[] = [];

    async function found(jql: string): Promise<WireIssue[]> {
      const r = await run(['issue', 'search', jql, '--fields', 'summary,labels,status', '-o', 'json']);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as WireIssue[];
    }

    before(async () => {
      const csv = join(home.dir, `bulk-jql-${flavor}.csv`);
      writeFileSync(
        csv,
        'project,issuetype,summary,labels\nDEMO,Task,One,bulkjql\nDEMO,Task,Two,bulkjql\nDEMO,Task,Three,bulkjql\n',
      );
      const r = await run(['issue', 'create', '--from-csv', csv, '-o', 'ndjson']);
      assert.equal(r.code, 0, r.stderr);
      keys = r.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { key: string }).key);
      assert.equal(keys.length, 3);
    });

    it('update --jql sets fields and labels on every match, in a private journal, one line per issue', async () => {
      const jql = 'project = DEMO AND labels = bulkjql ORDER BY key ASC';
      const r = await run([
        'issue',
        'update',
        '--jql',
        jql,
        '--set',
        'summary=Renamed in bulk',
        '--add-label',
        'relabelled',
        '--remove-label',
        'bulkjql',
        '-o',
        'ndjson',
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        lines(r).map((l) => [l.item, l.key, l.status]),
        keys.map((key, i) => [i + 1, key, 'done']),
      );
      assert.match(r.stderr, /done 3, failed 0, skipped 0 of 3/);
      const journal = printedJournal(r.stderr);
      assert.ok(journal && existsSync(journal), r.stderr);
      assert.ok(journal.startsWith(join(home.dataDir, 'journals')), journal);
      assert.match(journal, /\/\d{8}-\d{6}-update-[0-9a-f]+\.ndjson$/);
      assert.equal(statSync(journal).mode & 0o777, 0o600);
      const { header, events } = readJournal(journal);
      assert.equal(header.operation, 'update');
      assert.deepEqual(header.items, keys);
      assert.equal(events.filter((e) => e.state === 'done').length, 3);

      const issues = await found('labels = relabelled ORDER BY key ASC');
      assert.deepEqual(
        issues.map((i) => [i.key, i.fields.summary, i.fields.labels]),
        keys.map((key) => [key, 'Renamed in bulk', ['relabelled']]),
      );
      assert.equal((await found('labels = bulkjql')).length, 0);
    });

    it('transition --jql --to moves every match; --dry-run prints the requests and sends nothing', async () => {
      const jql = 'labels = relabelled ORDER BY key ASC';
      const dry = await run(['issue', 'transition', '--jql', jql, '--to', 'Done', '--dry-run']);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stdout.match(/^POST \S+\/transitions$/gm)?.length, 3, JSON.stringify(dry.stdout));
      for (const key of keys) assert.ok(dry.stdout.includes(`/issue/${key}/transitions`), dry.stdout);
      assert.ok((await found(jql)).every((i) => i.fields.status.name !== 'Done'));

      const r = await run([
        'issue',
        'transition',
        '--jql',
        jql,
        '--to',
        'Done',
        '--concurrency',
        '2',
        '--quiet',
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '', 'nothing on stderr with --quiet');
      assert.deepEqual(
        (await found(jql)).map((i) => i.fields.status.name),
        ['Done', 'Done', 'Done'],
      );
    });

    it('comment --jql adds the comment once to every match', async () => {
      const r = await run([
        'issue',
        'comment',
        '--jql',
        'labels = relabelled',
        '--body',
        'Shipped in **1.2**',
      ]);
      assert.equal(r.code, 0, r.stderr);
      for (const key of keys) {
        const listed = await run(['comment', 'list', key, '-o', 'json']);
        assert.equal(listed.code, 0, listed.stderr);
        const comments = JSON.parse(listed.stdout) as unknown[];
        assert.equal(comments.length, 1, key);
        assert.match(JSON.stringify(comments[0]), /Shipped in/);
      }
    });

    it('delete --jql asks first (refused off a terminal), deletes with --yes', async () => {
      const refused = await run(['issue', 'delete', '--jql', 'labels = relabelled']);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--force/);
      assert.equal((await found('labels = relabelled')).length, 3);

      const dry = await run(['issue', 'delete', '--jql', 'labels = relabelled', '--dry-run']);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stdout.match(/^DELETE /gm)?.length, 3);
      assert.equal((await found('labels = relabelled')).length, 3);

      const r = await run(['issue', 'delete', '--jql', 'labels = relabelled', '--yes', '-o', 'ndjson']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        lines(r).map((l) => l.status),
        ['done', 'done', 'done'],
      );
      assert.equal((await found('labels = relabelled')).length, 0);
    });

    it('an issue Jira refuses is reported with its reason and the run exits 5', async () => {
      const r = await run([
        'issue',
        'update',
        '--jql',
        'key in (DEMO-1, DEMO-2)',
        '--set',
        'duedate=not a date',
      ]);
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, /done 0, failed 2, skipped 0 of 2/);
      assert.match(r.stdout, /DEMO-1\s+failed\s+\S/);
    });

    it('bad input exits 2 and sends nothing', async () => {
      const bad = [
        ['issue', 'update', '--jql', 'project = DEMO'],
        ['issue', 'update', 'DEMO-1', '--jql', 'project = DEMO', '--set', 'summary=x'],
        ['issue', 'update', '--jql', 'project = DEMO', '--summary', 'x'],
        ['issue', 'update', '--jql', 'project = DEMO', '--set', 'no-equals-sign'],
        ['issue', 'update', '--jql', ' ', '--set', 'summary=x'],
        ['issue', 'set', 'DEMO-1', '--add-label', 'x'],
        ['issue', 'transition', '--jql', 'project = DEMO'],
        ['issue', 'transition', 'DEMO-1', '--jql', 'project = DEMO', '--to', 'Done'],
        ['issue', 'comment', '--jql', 'project = DEMO'],
        ['issue', 'delete'],
        ['issue', 'update', '--resume', join(home.dir, 'no-such-journal.ndjson')],
      ];
      for (const args of bad) {
        const r = await run(args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      }
      const demo1 = await found('key = DEMO-1');
      assert.notEqual(demo1[0]?.fields.summary, 'x');
    });
  });
}
