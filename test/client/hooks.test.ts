import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AfterResponseState, BeforeRequestState } from '../../src/index.js';
import { CREDS, sandboxClient } from './helpers/sandbox.js';

describe('hooks and debug logging', () => {
  it('runs beforeRequest and afterResponse with redacted URLs and headers', async () => {
    const before: BeforeRequestState[] = [];
    const after: AfterResponseState[] = [];
    const { sb, jira } = sandboxClient('datacenter', {
      auth: CREDS.dcBasic('alice'),
      hooks: {
        beforeRequest: [(s) => void before.push(s)],
        afterResponse: [async (s) => void after.push(s)],
      },
    });
    try {
      await jira.request({ path: '/rest/api/2/myself', query: { password: 'p-4411' } });
      assert.deepEqual(before, [
        { method: 'GET', url: 'http://jira.test/rest/api/2/myself?password=[REDACTED]', attempt: 1 },
      ]);
      const [res] = after;
      assert.equal(res?.status, 200);
      assert.equal(res?.attempt, 1);
      assert.equal(res?.url, 'http://jira.test/rest/api/2/myself?password=[REDACTED]');
      assert.ok((res?.durationMs ?? -1) >= 0);
      assert.equal(res?.headers.get('set-cookie'), '[REDACTED]', 'the session cookie Jira set is hidden');
      assert.equal(res?.headers.get('x-ausername'), 'alice');
    } finally {
      await sb.close();
    }
  });

  it('a throwing hook fails the call', async () => {
    const { sb, jira } = sandboxClient('cloud', {
      hooks: {
        beforeRequest: [
          () => {
            throw new Error('blocked by policy');
          },
        ],
      },
    });
    try {
      await assert.rejects(jira.serverInfo(), { message: 'blocked by policy' });
    } finally {
      await sb.close();
    }
  });

  it('debug logs each request and response with method, URL, status and timing', async () => {
    const lines: string[] = [];
    const { sb, jira } = sandboxClient('cloud', { debug: true, logger: (l) => lines.push(l) });
    try {
      await jira.serverInfo();
      assert.equal(lines.length, 2);
      assert.equal(lines[0], 'jirats: -> GET http://jira.test/rest/api/2/serverInfo');
      assert.match(
        lines[1] ?? '',
        /^jirats: <- 200 GET http:\/\/jira\.test\/rest\/api\/2\/serverInfo in \d+ ms \(request id [^)]+\)$/,
      );
    } finally {
      await sb.close();
    }
  });

  it('sends Accept, User-Agent, JSON bodies, and X-Atlassian-Token for form bodies', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', {
      userAgent: 'my-tool/2.0',
      auth: CREDS.dcBasic('admin'),
    });
    try {
      await jira
        .request({
          method: 'POST',
          path: '/rest/api/2/search',
          body: { jql: 'project = DEMO', maxResults: 0 },
        })
        .catch(() => {});
      const json = sent.at(-1);
      assert.equal(json?.headers.get('accept'), 'application/json');
      assert.equal(json?.headers.get('user-agent'), 'my-tool/2.0');
      assert.equal(json?.headers.get('content-type'), 'application/json');
      assert.equal(json?.headers.get('x-atlassian-token'), null);
      assert.equal(json?.body, '{"jql":"project = DEMO","maxResults":0}');

      const form = new FormData();
      form.append('file', new Blob(['hello']), 'a.txt');
      await jira
        .request({ method: 'POST', path: '/rest/api/2/issue/DEMO-1/attachments', body: form })
        .catch(() => {});
      assert.equal(sent.at(-1)?.headers.get('x-atlassian-token'), 'no-check');
      assert.equal(sent.at(-1)?.headers.get('content-type'), null, 'fetch sets the multipart boundary');
    } finally {
      await sb.close();
    }
  });
});
