import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliResult, errLines, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let sandbox: Running;
let server: string[];

// Data Center with a PAT in the environment: every call authenticates without a stored session.
const env = { JIRA_PAT: 'admin-pat' };
const run = (args: string[]) => home.run([...args, ...server], { env });

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

/** Parses a CSV of simple records (the tests check quoting separately). */
function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('issue get', () => {
  it('prints a table with key, type, status, priority, assignee, summary', async () => {
    const lines = ok(await run(['issue', 'get', 'DEMO-1']))
      .trimEnd()
      .split('\n');
    assert.match(lines[0] ?? '', /^KEY\s+TYPE\s+STATUS\s+PRIORITY\s+ASSIGNEE\s+SUMMARY$/);
    assert.match(lines[1] ?? '', /^DEMO-1\s+\S/);
    assert.equal(lines.length, 2);
  });

  it('-o json prints the wire JSON of one issue', async () => {
    const issue = JSON.parse(ok(await run(['issue', 'get', 'DEMO-1', '-o', 'json']))) as {
      key: string;
      id: string;
      self: string;
      fields: Record<string, unknown>;
    };
    assert.equal(issue.key, 'DEMO-1');
    assert.equal(issue.id, '10000');
    assert.ok(issue.self.startsWith(sandbox.url));
    assert.equal(typeof issue.fields.summary, 'string');
  });

  it('several keys: a JSON array in the order given, or one NDJSON line each', async () => {
    const keys = ['DEMO-3', 'DEMO-1', 'DEMO-2', 'DEMO-5', 'DEMO-4'];
    const array = JSON.parse(ok(await run(['issue', 'get', ...keys, '--json']))) as { key: string }[];
    assert.deepEqual(
      array.map((i) => i.key),
      keys,
    );
    const lines = ok(await run(['issue', 'get', ...keys, '-o', 'ndjson']))
      .trimEnd()
      .split('\n');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as { key: string }).key),
      keys,
    );
  });

  it('--fields picks the columns and the fields fetched; CSV has a header and one record per issue', async () => {
    const csv = ok(
      await run(['issue', 'get', 'DEMO-1', 'DEMO-2', '--fields', 'summary,status', '-o', 'csv']),
    );
    const rows = csvRows(csv);
    assert.deepEqual(rows[0], ['key', 'summary', 'status']);
    assert.equal(rows[1]?.[0], 'DEMO-1');
    assert.equal(rows[2]?.[0], 'DEMO-2');
    const json = JSON.parse(ok(await run(['issue', 'get', 'DEMO-1', '--fields', 'summary', '--json']))) as {
      fields: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(json.fields), ['summary']);
  });

  it('--expand changelog adds the history', async () => {
    const json = JSON.parse(ok(await run(['issue', 'get', 'DEMO-1', '--expand', 'changelog', '--json']))) as {
      changelog?: { histories: unknown[] };
    };
    assert.ok(Array.isArray(json.changelog?.histories));
  });

  it('Get-JiraIssue is an alias, in any case', async () => {
    for (const name of ['Get-JiraIssue', 'get-jiraissue', 'GET-JIRAISSUE']) {
      const issue = JSON.parse(ok(await run([name, 'DEMO-2', '--json']))) as { key: string };
      assert.equal(issue.key, 'DEMO-2');
    }
  });

  it('a missing issue exits 4 with one line', async () => {
    const r = await run(['issue', 'get', 'DEMO-9999']);
    assert.equal(r.code, 4);
    assert.equal(r.stdout, '');
    assert.equal(errLines(r).length, 1);
    assert.match(errLines(r)[0] ?? '', /^jirats: .*404/);
  });

  it('a 404 without any credential says that nobody was signed in', async () => {
    const r = await home.run(['issue', 'get', 'DEMO-1', ...server]);
    assert.equal(r.code, 4);
    assert.equal(r.stdout, '');
    assert.match(errLines(r)[0] ?? '', /^jirats: .*404/);
    assert.equal(
      errLines(r)[1],
      'hint: no credentials were sent, and Jira hides from anonymous users what they may not see; sign in with `jirats session new`',
    );
  });

  it('an invalid issue key exits 2 before any request', async () => {
    const r = await home.run(['issue', 'get', 'not a key', '--server', 'http://127.0.0.1:9']);
    assert.equal(r.code, 2);
    assert.deepEqual(errLines(r), [
      "jirats: invalid issue key 'not a key'",
      'hint: expected a key such as DEMO-1 or a numeric issue id',
    ]);
  });
});

describe('issue search', () => {
  it('streams the matching issues as a table (keys sort by number, as in Jira)', async () => {
    const lines = ok(await run(['issue', 'search', 'project = DEMO ORDER BY key ASC', '--first', '5']))
      .trimEnd()
      .split('\n');
    assert.match(lines[0] ?? '', /^KEY\s+TYPE/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(/\s+/)[0]),
      ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5'],
    );
  });

  it('--skip, --first and --page-size page through the results', async () => {
    const keys = (args: string[]) =>
      run(['issue', 'search', 'project = DEMO ORDER BY id ASC', '-o', 'ndjson', ...args]).then((r) =>
        ok(r)
          .trimEnd()
          .split('\n')
          .map((l) => (JSON.parse(l) as { key: string }).key),
      );
    assert.deepEqual(await keys(['--skip', '2', '--first', '3', '--page-size', '2']), [
      'DEMO-3',
      'DEMO-4',
      'DEMO-5',
    ]);
  });

  it('-o json streams one valid JSON array; an empty result is []', async () => {
    const all = JSON.parse(
      ok(await run(['issue', 'search', 'project = DEMO', '--json', '--page-size', '7'])),
    ) as {
      key: string;
    }[];
    assert.ok(all.length >= 20, `the seed has ~30 DEMO issues, got ${all.length}`);
    assert.equal(new Set(all.map((i) => i.key)).size, all.length);
    assert.equal(ok(await run(['issue', 'search', 'summary ~ "no such words anywhere"', '--json'])), '[]\n');
  });

  it('invalid JQL exits 5 with what Jira said', async () => {
    const r = await run(['issue', 'search', 'project = = DEMO']);
    assert.equal(r.code, 5);
    assert.equal(r.stdout, '');
    assert.match(errLines(r)[0] ?? '', /^jirats: .+/);
  });
});

describe('server info and user me', () => {
  it('server info shows the deployment (and its JiraPS names work)', async () => {
    for (const words of [['server', 'info'], ['Get-JiraServerInformation'], ['Get-JiraServerInfo']]) {
      const info = JSON.parse(ok(await run([...words, '--json']))) as {
        deploymentType: string;
        version: string;
      };
      assert.equal(info.deploymentType, 'Server');
      assert.equal(typeof info.version, 'string');
    }
    assert.match(ok(await run(['server', 'info'])), /^deployment\s+datacenter$/m);
  });

  it('server info works anonymously', async () => {
    const r = await home.run(['server', 'info', '-o', 'ndjson', ...server]);
    assert.equal((JSON.parse(ok(r)) as { deploymentType: string }).deploymentType, 'Server');
  });

  it('user me shows the signed-in user as a table, CSV or JSON', async () => {
    assert.match(ok(await run(['user', 'me'])), /^name\s+admin$/m);
    const rows = csvRows(ok(await run(['user', 'me', '-o', 'csv'])));
    assert.equal(rows.length, 2);
    const nameAt = rows[0]?.indexOf('name') ?? -1;
    assert.equal(rows[1]?.[nameAt], 'admin');
    assert.equal((JSON.parse(ok(await run(['user', 'me', '--json']))) as { name: string }).name, 'admin');
  });
});
