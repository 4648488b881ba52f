import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FLAVORS, type Flavor, sandboxPerFlavor } from './helpers/flavor-sandboxes.js';

const { home, url } = sandboxPerFlavor();
const flavors = FLAVORS;

function runner(flavor: Flavor) {
  const env: Record<string, string> =
    flavor === 'cloud'
      ? { JIRA_EMAIL: 'alice@example.com', JIRA_API_TOKEN: 'alice-api-token' }
      : { JIRA_PAT: 'alice-pat' };
  return (args: string[], input?: string) =>
    home.run([...args, '--server', url(flavor)], {
      env,
      ...(input === undefined ? {} : { input }),
    });
}

async function countLabelled(run: ReturnType<typeof runner>, label: string): Promise<number> {
  const r = await run(['issue', 'count', `project = DEMO AND labels = ${label}`]);
  assert.equal(r.code, 0, r.stderr);
  return Number(r.stdout.trim());
}

for (const flavor of flavors) {
  describe(`jirats issue create --from-csv / --from-ndjson (${flavor})`, () => {
    const run = runner(flavor);

    it('creates a row per issue, reports each row, and exits 5 when a row failed', async () => {
      const csv = join(home.dir, `rows-${flavor}.csv`);
      writeFileSync(
        csv,
        'project,issuetype,summary,labels,Story Points\n' +
          'DEMO,Task,"Import, first",csvimport,3\n' +
          'DEMO,Task,,csvimport,\n' +
          'DEMO,Bug,Import second,"csvimport,ui",\n',
      );
      const r = await run(['issue', 'create', '--from-csv', csv, '-o', 'ndjson']);
      assert.equal(r.code, 5, r.stderr);
      const rows = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { row: number; status: string; key?: string; reason?: string });
      assert.deepEqual(
        rows.map((x) => [x.row, x.status]),
        [
          [1, 'created'],
          [2, 'failed'],
          [3, 'created'],
        ],
      );
      assert.match(rows[1]?.reason ?? '', /summary/);
      assert.match(r.stderr, /created 2, failed 1, skipped 0 of 3 rows/);
      assert.equal(await countLabelled(run, 'csvimport'), 2);
    });

    it('reads NDJSON from stdin; --dry-run and malformed input create nothing', async () => {
      const lines = [
        JSON.stringify({
          project: 'DEMO',
          issuetype: 'Task',
          summary: 'From NDJSON',
          labels: ['ndjsonimport'],
        }),
        JSON.stringify({ project: 'DEMO', issuetype: 'Task', summary: 'Second', labels: ['ndjsonimport'] }),
      ].join('\n');
      const dry = await run(['issue', 'create', '--from-ndjson', '-', '--dry-run', '-o', 'ndjson'], lines);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stdout.trim().split('\n').length, 2);
      assert.equal(await countLabelled(run, 'ndjsonimport'), 0);

      const bad = await run(['issue', 'create', '--from-ndjson', '-'], `${lines}\n{not json`);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /line 3/);
      assert.equal(await countLabelled(run, 'ndjsonimport'), 0, 'nothing created from a malformed file');

      const ok = await run(['issue', 'create', '--from-ndjson', '-'], lines);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(await countLabelled(run, 'ndjsonimport'), 2);
    });

    it('a missing file and mixing --from-csv with --summary are usage errors', async () => {
      const missing = await run(['issue', 'create', '--from-csv', join(home.dir, 'nope.csv')]);
      assert.equal(missing.code, 2);
      const mixed = await run(['issue', 'create', '--from-csv', '-', '--summary', 'x'], 'project\n');
      assert.equal(mixed.code, 2);
    });
  });
}
