import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../../src/index.js';
import { CREDS, sandboxClient } from './helpers/sandbox.js';

describe("responseType: 'stream'", () => {
  it('hands back the unread Response on success', async () => {
    const { sb, jira } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      const res = await jira.request<Response>({ path: '/rest/api/2/serverInfo', responseType: 'stream' });
      assert.ok(res instanceof Response);
      assert.equal(res.bodyUsed, false);
      const info = (await res.json()) as { deploymentType?: string };
      assert.equal(info.deploymentType, 'Server');
    } finally {
      await sb.close();
    }
  });

  it('still turns an error status into a typed error', async () => {
    const { sb, jira } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      await assert.rejects(
        jira.request({ path: '/rest/api/2/issue/DEMO-9999', responseType: 'stream' }),
        (e: unknown) => e instanceof NotFoundError && e.errorMessages.includes('Issue Does Not Exist'),
      );
    } finally {
      await sb.close();
    }
  });
});
