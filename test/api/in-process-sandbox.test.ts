import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Jira } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';

describe('the README and docs example: the library on the in-process sandbox', () => {
  it('works with a .localhost server name and no allowInsecureHttp, since nothing leaves the process', async () => {
    const sandbox = createSandbox({ flavor: 'datacenter' });
    try {
      const jira = new Jira({
        server: 'http://sandbox.localhost',
        fetch: sandbox.fetch,
        auth: { type: 'pat', token: 'alice-pat' },
      });
      assert.equal((await jira.myself()).name, 'alice');
      const found: string[] = [];
      for await (const issue of jira.issues.search('project = DEMO ORDER BY key', { first: 3 }))
        found.push(issue.key);
      assert.deepEqual(found, ['DEMO-1', 'DEMO-2', 'DEMO-3']);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses the same credential to a non-loopback http name unless allowed', async () => {
    const sandbox = createSandbox({ flavor: 'datacenter' });
    try {
      const auth = { type: 'pat', token: 'alice-pat' } as const;
      const refused = new Jira({
        server: 'http://sandbox.example',
        fetch: sandbox.fetch,
        deployment: 'datacenter',
        auth,
      });
      await assert.rejects(refused.myself(), /plain http/);
      const allowed = new Jira({
        server: 'http://sandbox.example',
        fetch: sandbox.fetch,
        auth,
        allowInsecureHttp: true,
      });
      assert.equal((await allowed.myself()).name, 'alice');
    } finally {
      await sandbox.close();
    }
  });
});
