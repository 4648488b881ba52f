/**
 * What only happens on a terminal: the hidden password prompt and the retry notices. util-linux `script`
 * gives the CLI a pseudo-terminal; where it is missing (or is the BSD variant) these tests are skipped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';
import { hasScript, onTerminal } from './helpers/terminal.js';

const home = new TestHome();
const running: Running[] = [];
after(async () => {
  await Promise.all(running.map((r) => r.close()));
  home.cleanup();
});

describe('on a terminal', { skip: !hasScript && 'needs util-linux script' }, () => {
  let dc: Running;
  before(async () => {
    dc = await startSandbox({ flavor: 'datacenter' });
    running.push(dc);
  });

  it('prompts for a missing password', async () => {
    const r = await onTerminal(home, ['session', 'new', '--server', dc.url, '--user', 'bob'], {
      answer: { prompt: 'Password for user bob', text: 'bob' },
    });
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, /authType\s+basic/);
    const show = await home.run(['session', 'show', '--json']);
    assert.equal((JSON.parse(show.stdout) as { user: string }).user, 'bob');
  });

  it('announces each retry while Jira rate-limits', async () => {
    const storm = await startSandbox({ flavor: 'datacenter', faults: '429=1' });
    running.push(storm);
    const r = await onTerminal(home, ['server', 'info', '--server', storm.url, '--retries', '1']);
    assert.equal(r.code, 5);
    assert.match(r.output, /Rate limited by Jira; retrying in [1-3]s \(attempt 2 of 2\)/);
  });
});
