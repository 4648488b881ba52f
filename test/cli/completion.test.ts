import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TestHome } from './helpers/cli.js';

const home = new TestHome();
after(() => home.cleanup());

/** What bash offers after `words` (the last word is the one being completed). */
function bashComplete(script: string, words: string[]): string[] {
  const file = join(home.dir, 'completion.bash');
  writeFileSync(file, script);
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const probe = `source '${file}'; COMP_WORDS=(jirats ${quoted}); COMP_CWORD=${words.length}; _jirats_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('completion', () => {
  it("bash completes nouns, verbs and a verb's options, skipping global options on the way", async () => {
    const r = await home.run(['completion', 'bash']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(bashComplete(r.stdout, ['iss']), ['issue', 'issuetype']);
    assert.ok(bashComplete(r.stdout, ['issue', '']).includes('search'));
    assert.deepEqual(bashComplete(r.stdout, ['--debug', 'comment', 'list', '--pa']), ['--page-size']);
    assert.ok(bashComplete(r.stdout, ['Get-JiraIss']).includes('Get-JiraIssue'));
  });

  it('zsh and fish scripts name every noun', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await home.run(['completion', shell]);
      assert.equal(r.code, 0, r.stderr);
      for (const noun of ['issue', 'comment', 'session', 'sandbox'])
        assert.match(r.stdout, new RegExp(`\\b${noun}\\b`));
    }
    const zsh = await home.run(['completion', 'zsh']);
    assert.match(zsh.stdout, /^#compdef jirats/);
    assert.match(zsh.stdout, /compdef _jirats_complete jirats/);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await home.run(['completion', 'powershell']);
    assert.equal(r.code, 2);
  });
});
