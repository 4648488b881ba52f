/**
 * Chaos: 1,000 creates and 1,000 updates through a sandbox that answers 429 and 503, resets connections and
 * adds latency, with the CLI killed (SIGKILL) once in each run and resumed from its journal. Afterwards a clean
 * sandbox over the same state file shows exactly 1,000 issues, each updated exactly once, and the reports
 * agree with it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Jira } from '../../src/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { killAfter, printedJournal, startCli } from './helpers/bulk-run.js';
import { type CliResult, TestHome } from './helpers/cli.js';

/** 1,000 as specified; JIRATS_CHAOS_ROWS runs a smaller copy while working on the suite. */
const ROWS = Number(process.env.JIRATS_CHAOS_ROWS ?? 1000);
const KILL_AT = Math.floor(ROWS * 0.3);
const FAULTS = '429=0.1,503=0.05,reset=0.02,latency=5,seed=7,wait=0';
const ENV = { JIRA_PAT: 'admin-pat' };
const home = new TestHome();
const dataFile = join(home.dir, 'chaos-state.json');
let faulty: Sandbox | undefined;

after(async () => {
  await faulty?.close();
  home.cleanup();
});

interface Line {
  status: string;
  key?: string;
}

function ndjson(r: CliResult): Line[] {
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

/** Starts a bulk command, kills it with SIGKILL once its journal shows `killAt` items, then resumes it. */
async function killAndResume(
  url: string,
  verb: string[],
  journal: string,
  killAt: number,
): Promise<CliResult> {
  const cli = startCli(home, [...verb, '--journal', journal, '--concurrency', '8', '--server', url], ENV);
  const seen = await killAfter(cli, journal, killAt);
  const killed = await cli.result;
  assert.equal(killed.signal, 'SIGKILL', `the run ended before the kill: ${killed.stderr}`);
  assert.ok(seen >= killAt && seen < ROWS, `killed after ${seen}`);
  assert.equal(printedJournal(killed.stderr), journal);
  return home.run(['issue', verb[1] as string, '--resume', journal, '-o', 'ndjson', '--server', url], {
    env: ENV,
  });
}

describe('chaos: bulk create and update under faults, killed and resumed', { timeout: 45 * 60_000 }, () => {
  it(`ends with exactly ${ROWS} issues, each updated once, and reports that match the server`, async () => {
    faulty = createSandbox({ flavor: 'datacenter', faults: FAULTS, dataFile });
    const url = await faulty.listen(0);

    const csv = join(home.dir, 'chaos.csv');
    const rows = Array.from({ length: ROWS }, (_, i) => `DEMO,Task,Chaos ${i + 1},chaos`);
    writeFileSync(csv, `project,issuetype,summary,labels\n${rows.join('\n')}\n`);

    const created = await killAndResume(
      url,
      ['issue', 'create', '--from-csv', csv],
      join(home.dir, 'create.ndjson'),
      KILL_AT,
    );
    assert.equal(created.code, 0, created.stderr.slice(-2000));
    const createLines = ndjson(created);
    assert.equal(createLines.length, ROWS);
    assert.ok(createLines.every((l) => l.status === 'created'));
    const keys = new Set(createLines.map((l) => l.key));
    assert.equal(keys.size, ROWS, 'no row reported twice under two keys');
    assert.match(created.stderr, new RegExp(`created ${ROWS}, failed 0, skipped 0 of ${ROWS} rows`));

    const updated = await killAndResume(
      url,
      ['issue', 'update', '--jql', 'labels = chaos ORDER BY key ASC', '--set', 'summary=Chaos updated'],
      join(home.dir, 'update.ndjson'),
      KILL_AT,
    );
    assert.equal(updated.code, 0, updated.stderr.slice(-2000));
    const updateLines = ndjson(updated);
    assert.equal(updateLines.length, ROWS);
    assert.ok(updateLines.every((l) => l.status === 'done'));
    assert.deepEqual(new Set(updateLines.map((l) => l.key)), keys);
    assert.match(updated.stderr, new RegExp(`done ${ROWS}, failed 0, skipped 0 of ${ROWS}`));
    // Off a terminal, progress comes as plain periodic lines.
    assert.match(`${created.stderr}${updated.stderr}`, new RegExp(`done \\d+/${ROWS}, failed \\d+`));

    // The server's own account, read through a sandbox without faults over the same state.
    await faulty.close();
    faulty = undefined;
    const clean = createSandbox({ flavor: 'datacenter', dataFile });
    try {
      const jira = new Jira({
        server: 'http://jira.test',
        fetch: clean.fetch,
        allowInsecureHttp: true,
        auth: { type: 'pat', token: 'admin-pat' },
      });
      const found = new Map<string, { summary: string; summaryChanges: number }>();
      for await (const issue of jira.issues.search('labels = chaos', {
        fields: ['summary'],
        expand: ['changelog'],
      })) {
        const changelog = issue.raw.changelog as { histories?: { items: { field: string }[] }[] } | undefined;
        const summaryChanges = (changelog?.histories ?? [])
          .flatMap((h) => h.items)
          .filter((item) => item.field === 'summary').length;
        found.set(issue.key, { summary: issue.summary ?? '', summaryChanges });
      }
      assert.equal(found.size, ROWS, `exactly ${ROWS} issues exist`);
      assert.deepEqual(new Set(found.keys()), keys, 'the reports name exactly the issues the server has');
      for (const [key, issue] of found) {
        assert.equal(issue.summary, 'Chaos updated', key);
        assert.equal(issue.summaryChanges, 1, `${key} was updated exactly once`);
      }
    } finally {
      await clean.close();
    }
  });
});
