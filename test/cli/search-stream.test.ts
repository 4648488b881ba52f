import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliResult, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

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
