import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { killAfter, readJournal, startCli } from './helpers/bulk-run.js';
import { type CliResult, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
const ENV = { JIRA_PAT: 'admin-pat' };
let sandbox: Running;

before(async () => {
  // Latency makes each request take a while, so a run can be killed part-way through.
  sandbox = await startSandbox({ flavor: 'datacenter', faults: 'latency=25' });
});
after(async () => {
  await sandbox.close();
  home.cleanup();
});

function run(args: string[]): Promise<CliResult> {
  return home.run([...args, '--server', sandbox.url], { env: ENV });
}

interface RowLine {
  row: number;
  status: string;
  key?: string;
  reconciled?: boolean;
}

function ndjson<T>(r: CliResult): T[] {
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

async function count(jql: string): Promise<number> {
  const r = await run(['issue', 'count', jql]);
  assert.equal(r.code, 0, r.stderr);
  return Number(r.stdout.trim());
}

function csvFile(name: string, rows: number, label: string): string {
  const path = join(home.dir, name);
  const body = Array.from({ length: rows }, (_, i) => `DEMO,Task,${label} row ${i + 1},${label}`).join('\n');
  writeFileSync(path, `project,issuetype,summary,labels\n${body}\n`);
  return path;
}

/** True when `line` is the done/failed line of item `i`. */
function isOutcomeOf(line: string, i: number): boolean {
  try {
    const event = JSON.parse(line) as { i?: number; state?: string };
    return event.i === i && event.state !== 'sent';
  } catch {
    return false;
  }
}

describe('jirats bulk runs: --resume JOURNAL', () => {
  it('a create whose reply was lost is found again on resume, not created twice', async () => {
    const journal = join(home.dir, 'lost-reply.ndjson');
    const first = await run([
      'issue',
      'create',
      '--from-csv',
      csvFile('lost.csv', 3, 'lostreply'),
      '--journal',
      journal,
      '-o',
      'ndjson',
    ]);
    assert.equal(first.code, 0, first.stderr);
    const keys = ndjson<RowLine>(first).map((l) => l.key);
    // As if the process died after sending row 3 and before its reply: its outcome line is gone.
    const kept = readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => !isOutcomeOf(line, 2));
    writeFileSync(journal, kept.join('\n'));
    assert.equal(readJournal(journal).events.filter((e) => e.i === 2 && e.state === 'done').length, 0);

    const resumed = await run(['issue', 'create', '--resume', journal, '-o', 'ndjson']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /resuming create run \S+: done 2, failed 0, pending 1 of 3/);
    const rows = ndjson<RowLine>(resumed);
    assert.deepEqual(
      rows.map((r) => [r.row, r.status, r.key]),
      keys.map((key, i) => [i + 1, 'created', key]),
    );
    assert.equal(rows[2]?.reconciled, true);
    assert.equal(await count('labels = lostreply'), 3);

    const again = await run(['issue', 'create', '--resume', journal, '-o', 'ndjson']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await count('labels = lostreply'), 3, 'resuming a finished run creates nothing');
  });

  it('a create run killed with SIGKILL part-way finishes on resume with every row created once', async () => {
    const journal = join(home.dir, 'killed-create.ndjson');
    const rows = 60;
    const cli = startCli(
      home,
      [
        'issue',
        'create',
        '--from-csv',
        csvFile('killed.csv', rows, 'killedrun'),
        '--journal',
        journal,
        '--concurrency',
        '2',
        '--server',
        sandbox.url,
      ],
      ENV,
    );
    const seen = await killAfter(cli, journal, 10);
    assert.ok(seen >= 10 && seen < rows, `killed after ${seen} rows`);
    assert.ok((await count('labels = killedrun')) < rows);

    const resumed = await run(['issue', 'create', '--resume', journal, '-o', 'ndjson']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const lines = ndjson<RowLine>(resumed);
    assert.equal(lines.length, rows);
    assert.ok(lines.every((l) => l.status === 'created'));
    assert.equal(new Set(lines.map((l) => l.key)).size, rows);
    assert.match(resumed.stderr, new RegExp(`created ${rows}, failed 0, skipped 0 of ${rows} rows`));
    assert.equal(await count('labels = killedrun'), rows);
  });

  it('an update run killed part-way applies every change once after resume', async () => {
    const journal = join(home.dir, 'killed-update.ndjson');
    const cli = startCli(
      home,
      [
        'issue',
        'update',
        '--jql',
        'labels = killedrun ORDER BY key',
        '--add-label',
        'resumed',
        '--journal',
        journal,
        '--concurrency',
        '2',
        '--server',
        sandbox.url,
      ],
      ENV,
    );
    const seen = await killAfter(cli, journal, 10);
    assert.ok(seen >= 10, `killed after ${seen} items`);
    const resumed = await run(['issue', 'update', '--resume', journal, '-o', 'ndjson']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const lines = ndjson<{ status: string; key: string }>(resumed);
    assert.equal(lines.length, 60);
    assert.ok(lines.every((l) => l.status === 'done'));
    assert.equal(await count('labels = resumed'), 60);
  });

  it('a journal of another operation, a missing one, or one mixed with new input exits 2', async () => {
    const journal = join(home.dir, 'lost-reply.ndjson');
    const wrongVerb = await run(['issue', 'delete', '--resume', journal, '--force']);
    assert.equal(wrongVerb.code, 2);
    assert.match(wrongVerb.stderr, /create run/);
    assert.match(wrongVerb.stderr, /issue create --resume/);
    const missing = await run(['issue', 'create', '--resume', join(home.dir, 'missing.ndjson')]);
    assert.equal(missing.code, 2);
    const mixed = await run(['issue', 'create', '--resume', journal, '--from-csv', csvFile('x.csv', 1, 'x')]);
    assert.equal(mixed.code, 2);
    assert.equal(await count('labels = x'), 0);
  });
});
