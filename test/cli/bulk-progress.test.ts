/**
 * The progress display of a bulk run on a terminal: the CLI runs inside a pseudo-terminal (util-linux
 * `script`), so stderr is a TTY and the bar is drawn; off a terminal the same run prints plain lines, and
 * `--quiet` prints neither.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';
import { hasScript, onTerminal } from './helpers/terminal.js';

const home = new TestHome();
const ENV = { env: { JIRA_PAT: 'admin-pat' } };
let sandbox: Running | undefined;
if (!hasScript) console.log('# skipped: util-linux `script` is not installed, so no pseudo-terminal');

before(async () => {
  sandbox = await startSandbox({ flavor: 'datacenter', faults: 'latency=60' });
});
after(async () => {
  await sandbox?.close();
  home.cleanup();
});

describe('bulk progress on a terminal', { skip: !hasScript }, () => {
  it('draws a bar with done/total, failures and the rate, then the summary', async () => {
    const csv = join(home.dir, 'tty.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `DEMO,Task,On a terminal ${i}`);
    writeFileSync(csv, `project,issuetype,summary\n${rows.join('\n')}\n`);
    const r = await onTerminal(
      home,
      ['issue', 'create', '--from-csv', csv, '--concurrency', '1', '--server', sandbox?.url ?? ''],
      ENV,
    );
    assert.equal(r.code, 0, r.output.slice(-1500));
    assert.match(r.output, /[░█]+ \d+\/30 \| failed 0 \| [\d.]+\/s/, 'the bar was drawn');
    assert.doesNotMatch(r.output, /done \d+\/30, failed/, 'no plain progress lines on a terminal');
    assert.match(r.output, /created 30, failed 0, skipped 0 of 30 rows/);
  });

  it('draws nothing but the result with --quiet', async () => {
    const csv = join(home.dir, 'quiet.csv');
    writeFileSync(csv, 'project,issuetype,summary\nDEMO,Task,Quiet one\nDEMO,Task,Quiet two\n');
    const r = await onTerminal(
      home,
      ['issue', 'create', '--from-csv', csv, '--quiet', '--server', sandbox?.url ?? ''],
      ENV,
    );
    assert.equal(r.code, 0, r.output);
    assert.doesNotMatch(r.output, /failed 0 \||journal:/);
  });
});
