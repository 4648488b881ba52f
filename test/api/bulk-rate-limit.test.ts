/**
 * createMany against a sandbox with a real token bucket (real clock): the run fills the budget, reads the
 * rate-limit headers and the 429s, and ends with every row created exactly once without hammering the server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Jira } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { CREDS, recordingFetch, SANDBOX_URL } from '../client/helpers/sandbox.js';

describe('createMany under a Cloud-like rate limit', () => {
  it('creates every row once and keeps 429s rare by pacing under the fill rate', async () => {
    const sb = createSandbox({ flavor: 'cloud', rateLimit: { perSecond: 20, burst: 20 } });
    const statuses: number[] = [];
    const { fetch } = recordingFetch(async (input, init) => {
      const res = await sb.fetch(input, init);
      statuses.push(res.status);
      return res;
    });
    const jira = new Jira({
      server: SANDBOX_URL,
      fetch,
      allowInsecureHttp: true,
      deployment: 'cloud',
      auth: CREDS.cloudToken('alice'),
    });
    try {
      const rows = Array.from({ length: 60 }, (_, i) => ({
        project: 'DEMO',
        issuetype: 'Task',
        summary: `Paced ${i}`,
        labels: 'paced',
      }));
      const results = [];
      for await (const r of jira.issues.createMany(rows, { concurrency: 8, maxConcurrency: 16 }))
        results.push(r);
      assert.deepEqual(
        results.map((r) => r.status),
        rows.map(() => 'created'),
      );
      const keys = new Set(results.map((r) => (r.status === 'created' ? r.key : '')));
      assert.equal(keys.size, 60);
      assert.equal(await jira.issues.count('project = DEMO AND labels = paced'), 60);
      // 61 requests against a bucket of 20 refilled at 20/s: without pacing under the fill rate the run bounces off
      // the empty bucket (13 refusals when pacing was switched off).
      const refused = statuses.filter((s) => s === 429).length;
      assert.ok(refused <= 5, `${refused} answers were 429`);
      assert.ok(statuses.length - refused >= 61, 'one issue-type lookup and one create per row');
    } finally {
      await sb.close();
    }
  });
});
