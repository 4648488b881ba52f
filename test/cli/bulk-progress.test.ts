/**
 * The progress display of a bulk run on a terminal: the CLI runs inside a pseudo-terminal (util-linux
 * `script`), so stderr is a TTY and the bar is drawn; off a terminal the same run prints plain lines, and
 * `--quiet` prints neither.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanEnv, cliEntry, ROOT, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let sandbox: Running | undefined;
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.log('# skipped: util-linux `script` is not installed, so no pseudo-terminal');

before(async () => {
  sandbox = await startSandbox({ flavor: 'datacenter', faults: 'latency=60' });
});
after(async () => {
  await sandbox?.close();
  home.cleanup();
});

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/** Runs the CLI in a pseudo-terminal; what the terminal showed (stdout and stderr together). */
function inTerminal(args: string[]): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, ...cliEntry(), ...args].map(quote).join(' ');
  const env = {
    ...cleanEnv(),
    JIRATS_CONFIG_DIR: home.configDir,
    JIRATS_DATA_DIR: home.dataDir,
    JIRATS_CREDENTIAL_STORE: 'file',
    JIRA_PAT: 'admin-pat',
  };
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      screen += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, screen }));
    child.stdin.end();
  });
}

describe('bulk progress on a terminal', { skip: !hasScript }, () => {
  it('draws a bar with done/total, failures and the rate, then the summary', async () => {
    const csv = join(home.dir, 'tty.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `DEMO,Task,On a terminal ${i}`);
    writeFileSync(csv, `project,issuetype,summary\n${rows.join('\n')}\n`);
    const r = await inTerminal([
      'issue',
      'create',
      '--from-csv',
      csv,
      '--concurrency',
      '1',
      '--server',
      sandbox?.url ?? '',
    ]);
    assert.equal(r.code, 0, r.screen.slice(-1500));
    assert.match(r.screen, /[░█]+ \d+\/30 \| failed 0 \| [\d.]+\/s/, 'the bar was drawn');
    assert.doesNotMatch(r.screen, /done \d+\/30, failed/, 'no plain progress lines on a terminal');
    assert.match(r.screen, /created 30, failed 0, skipped 0 of 30 rows/);
  });

  it('draws nothing but the result with --quiet', async () => {
    const csv = join(home.dir, 'quiet.csv');
    writeFileSync(csv, 'project,issuetype,summary\nDEMO,Task,Quiet one\nDEMO,Task,Quiet two\n');
    const r = await inTerminal([
      'issue',
      'create',
      '--from-csv',
      csv,
      '--quiet',
      '--server',
      sandbox?.url ?? '',
    ]);
    assert.equal(r.code, 0, r.screen);
    assert.doesNotMatch(r.screen, /failed 0 \||journal:/);
  });
});
