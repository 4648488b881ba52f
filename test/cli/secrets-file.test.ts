import assert from 'node:assert/strict';
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { errLines } from './helpers/cli.js';
import { sandboxFor } from './helpers/flavor-sandboxes.js';

const { home, sandbox } = sandboxFor('datacenter');

describe('the secrets file', () => {
  it('is created 0600, and refused once others may read it', {
    skip: process.platform === 'win32',
  }, async () => {
    const add = await home.run(['config', 'profile', 'add', 'p', '--server', sandbox.url, '--pat-stdin'], {
      input: 'alice-pat',
    });
    assert.equal(add.code, 0, add.stderr);
    const path = join(home.configDir, 'secrets.json');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal((await home.run(['user', 'me', '--profile', 'p'])).code, 0);

    chmodSync(path, 0o644);
    const r = await home.run(['user', 'me', '--profile', 'p']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(errLines(r), [
      `jirats: refusing to use ${path}: other users can read it; run \`chmod 600 ${path}\``,
    ]);

    chmodSync(path, 0o600);
    assert.equal((await home.run(['user', 'me', '--profile', 'p'])).code, 0);
  });

  it('an unknown JIRATS_CREDENTIAL_STORE is a usage error', async () => {
    const r = await home.run(['user', 'me', '--profile', 'p'], { env: { JIRATS_CREDENTIAL_STORE: 'vault' } });
    assert.equal(r.code, 2);
    assert.equal(errLines(r)[0], "jirats: JIRATS_CREDENTIAL_STORE must be 'file' or 'keyring', not 'vault'");
  });
});
