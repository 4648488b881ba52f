import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { type CliResult, TestHome } from './helpers/cli.js';
import { type Running, startHttp, startSandbox } from './helpers/servers.js';

const SIZE = 1500;
const JQL = 'project = LOAD ORDER BY key ASC';
const home = new TestHome();
let dc: Running;
let cloud: Running;

before(async () => {
  dc = await startSandbox({ flavor: 'datacenter', generate: SIZE });
  cloud = await startSandbox({ flavor: 'cloud', generate: SIZE });
});
after(async () => {
  await dc.close();
  await cloud.close();
  home.cleanup();
});

function ndjsonKeys(result: CliResult): string[] {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { key: string }).key);
}

const expected = Array.from({ length: SIZE }, (_, i) => `LOAD-${i + 1}`);

describe('issue search -o ndjson over a sandbox port', () => {
  it('datacenter: one line per issue, in JQL order, with the asked fields', async () => {
    const args = ['issue', 'search', JQL, '--fields', 'summary,status,assignee', '-o', 'ndjson'];
    const result = await home.run([...args, '--server', dc.url], { env: { JIRA_PAT: 'admin-pat' } });
    assert.deepEqual(ndjsonKeys(result), expected);
    const first = JSON.parse(result.stdout.split('\n')[0] ?? '{}') as { fields: Record<string, unknown> };
    assert.deepEqual(Object.keys(first.fields).sort(), ['assignee', 'status', 'summary']);
  });

  it('cloud: one line per issue through the bulk path, the same with --concurrency 1', async () => {
    const env = { JIRA_EMAIL: 'admin@example.com', JIRA_API_TOKEN: 'admin-api-token' };
    const args = ['issue', 'search', JQL, '--fields', 'summary,status,assignee', '-o', 'ndjson'];
    const bulk = await home.run([...args, '--server', cloud.url], { env });
    assert.deepEqual(ndjsonKeys(bulk), expected);
    const sequential = await home.run([...args, '--concurrency', '1', '--server', cloud.url], { env });
    assert.equal(sequential.stdout, bulk.stdout);
  });
});

describe('issue search page requests in flight (Data Center)', () => {
  it('two pages held by default (one in hand, one being fetched), where pages hold 1000 issues; --concurrency raises it', async () => {
    const sb = createSandbox({ flavor: 'datacenter', generate: 6000, faults: 'latency=40' });
    let inFlight = 0;
    let most = 0;
    // A port in front of the sandbox that counts the search requests it is answering at once.
    const proxy = await startHttp(async (req: IncomingMessage, res: ServerResponse) => {
      const search = (req.url ?? '').includes('/search');
      if (search) most = Math.max(most, ++inFlight);
      try {
        const reply = await sb.fetch(`http://jira.test${req.url}`, {
          method: req.method ?? 'GET',
          headers: req.headers as Record<string, string>,
        });
        res.writeHead(reply.status, Object.fromEntries(reply.headers));
        res.end(Buffer.from(await reply.arrayBuffer()));
      } finally {
        if (search) inFlight--;
      }
    });
    try {
      const args = ['issue', 'search', JQL, '--fields', 'summary', '-o', 'ndjson', '--server', proxy.url];
      const env = { JIRA_PAT: 'admin-pat' };
      const plain = await home.run(args, { env });
      assert.equal(ndjsonKeys(plain).length, 6000);
      assert.equal(most, 1, 'the next page is fetched while the current one is written');
      most = 0;
      const wider = await home.run([...args, '--concurrency', '4'], { env });
      assert.equal(wider.stdout, plain.stdout);
      assert.ok(most >= 2, `at most ${most} in flight with --concurrency 4`);
    } finally {
      await proxy.close();
      await sb.close();
    }
  });
});
