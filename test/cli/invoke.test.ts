import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type CliResult, errLines, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let sandbox: Running;
let server: string[];
const env = { JIRA_USER: 'admin', JIRA_PASSWORD: 'admin' };
const run = (args: string[], input?: string) => home.run([...args, ...server], { env, input });

before(async () => {
  sandbox = await startSandbox({ flavor: 'datacenter' });
  server = ['--server', sandbox.url];
});
after(async () => {
  await sandbox.close();
  home.cleanup();
});

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

describe('invoke', () => {
  it('GET prints the JSON reply (Invoke-JiraMethod too)', async () => {
    for (const words of [['invoke'], ['Invoke-JiraMethod']]) {
      const info = JSON.parse(ok(await run([...words, 'GET', '/rest/api/2/serverInfo']))) as {
        baseUrl: string;
      };
      assert.equal(info.baseUrl, sandbox.url);
    }
  });

  it('--query sends query parameters', async () => {
    const issue = JSON.parse(
      ok(await run(['invoke', 'get', '/rest/api/2/issue/DEMO-1', '--query', 'fields=summary'])),
    ) as {
      fields: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(issue.fields), ['summary']);
  });

  it('POST sends a JSON body, given inline or from a file', async () => {
    const inline = JSON.parse(
      ok(
        await run([
          'invoke',
          'POST',
          '/rest/api/2/search',
          '--body',
          '{"jql":"key = DEMO-2","fields":["summary"]}',
        ]),
      ),
    ) as { issues: { key: string }[] };
    assert.deepEqual(
      inline.issues.map((i) => i.key),
      ['DEMO-2'],
    );
    const file = join(home.dir, 'body.json');
    writeFileSync(file, JSON.stringify({ jql: 'key = DEMO-3', fields: ['summary'] }));
    const fromFile = JSON.parse(
      ok(await run(['invoke', 'POST', '/rest/api/2/search', '--body', `@${file}`])),
    ) as {
      issues: { key: string }[];
    };
    assert.equal(fromFile.issues[0]?.key, 'DEMO-3');
  });

  it('--paging offset follows the pages and streams the items', async () => {
    const lines = ok(
      await run([
        'invoke',
        'GET',
        '/rest/api/2/search',
        '--query',
        'jql=project = DEMO ORDER BY id',
        '--query',
        'fields=summary',
        '--paging',
        'offset',
        '--items-key',
        'issues',
        '--page-size',
        '3',
        '--first',
        '7',
        '-o',
        'ndjson',
      ]),
    )
      .trimEnd()
      .split('\n');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as { key: string }).key),
      ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'DEMO-6', 'DEMO-7'],
    );
  });

  it('an unknown endpoint exits 4', async () => {
    const r = await run(['invoke', 'GET', '/rest/api/2/no-such-thing']);
    assert.equal(r.code, 4);
    assert.equal(errLines(r).length, 1);
  });

  it('bad input exits 2 before any request', async () => {
    const cases: [string[], RegExp][] = [
      [['invoke', 'GET', 'rest/api/2/field'], /^jirats: the path must start with \//],
      [['invoke', 'GET', '/x', '--body', '{oops'], /^jirats: --body is not valid JSON$/],
      [['invoke', 'GET', '/x', '--query', 'novalue'], /^jirats: --query expects name=value/],
      [['invoke', 'GET', '/x', '--paging', 'offset'], /^jirats: --paging needs --items-key/],
      [['invoke', 'G E T', '/x'], /^jirats: invalid HTTP method/],
    ];
    for (const [args, message] of cases) {
      const r = await home.run([...args, '--server', 'http://127.0.0.1:9']);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(errLines(r)[0] ?? '', message);
    }
  });
});
