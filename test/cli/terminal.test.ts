/**
 * What only happens on a terminal: the hidden password prompt and the retry notices. util-linux `script`
 * gives the CLI a pseudo-terminal; where it is missing (or is the BSD variant) these tests are skipped.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { cleanEnv, cliEntry, ROOT, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const hasScript =
  process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const home = new TestHome();
const running: Running[] = [];
after(async () => {
  await Promise.all(running.map((r) => r.close()));
  home.cleanup();
});

/** Runs the CLI on a pseudo-terminal; `answer` is typed once `prompt` shows up. */
function onTerminal(
  args: string[],
  answer?: { prompt: string; text: string },
): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, ...cliEntry(), ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    env: {
      ...cleanEnv(),
      JIRATS_CONFIG_DIR: home.configDir,
      JIRATS_DATA_DIR: home.dataDir,
      JIRATS_CREDENTIAL_STORE: 'file',
    },
  });
  let output = '';
  let answered = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    output += d;
    if (answer && !answered && output.includes(answer.prompt)) {
      answered = true;
      child.stdin.write(`${answer.text}\r`);
    }
  });
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

describe('on a terminal', { skip: !hasScript && 'needs util-linux script' }, () => {
  let dc: Running;
  before(async () => {
    dc = await startSandbox({ flavor: 'datacenter' });
    running.push(dc);
  });

  it('prompts for a missing password', async () => {
    const r = await onTerminal(['session', 'new', '--server', dc.url, '--user', 'bob'], {
      prompt: 'Password for user bob',
      text: 'bob',
    });
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, /authType\s+basic/);
    const show = await home.run(['session', 'show', '--json']);
    assert.equal((JSON.parse(show.stdout) as { user: string }).user, 'bob');
  });

  it('announces each retry while Jira rate-limits', async () => {
    const storm = await startSandbox({ flavor: 'datacenter', faults: '429=1' });
    running.push(storm);
    const r = await onTerminal(['server', 'info', '--server', storm.url, '--retries', '1']);
    assert.equal(r.code, 5);
    assert.match(r.output, /Rate limited by Jira; retrying in [1-3]s \(attempt 2 of 2\)/);
  });
});
