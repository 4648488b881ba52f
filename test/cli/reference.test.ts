import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CliResult, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
let dc: Running;
let cloud: Running;

// Data Center with a PAT; Cloud with an email and API token, both from the environment.
const runDc = (args: string[]) => home.run([...args, '--server', dc.url], { env: { JIRA_PAT: 'admin-pat' } });
const runCloud = (args: string[]) =>
  home.run([...args, '--server', cloud.url], {
    env: { JIRA_EMAIL: 'bob@example.com', JIRA_API_TOKEN: 'bob-api-token' },
  });

before(async () => {
  dc = await startSandbox({ flavor: 'datacenter' });
  cloud = await startSandbox({ flavor: 'cloud' });
});
after(async () => {
  await dc.close();
  await cloud.close();
  home.cleanup();
});

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

function json(result: CliResult): Record<string, unknown>[] {
  return JSON.parse(ok(result)) as Record<string, unknown>[];
}

describe('reference data commands', () => {
  it('field list prints a table, and JSON with the custom field', async () => {
    const lines = ok(await runDc(['field', 'list']))
      .trimEnd()
      .split('\n');
    assert.match(lines[0] ?? '', /^ID\s+NAME\s+CUSTOM\s+TYPE\s+CLAUSENAMES$/);
    assert.ok(lines.some((l) => /^customfield_10016\s+Story Points\s+true\s+number/.test(l)));
    const fields = json(await runCloud(['field', 'list', '-o', 'json']));
    assert.equal(fields.find((f) => f.id === 'customfield_10016')?.key, 'customfield_10016');
  });

  it('priority list in CSV and NDJSON', async () => {
    const csv = ok(await runDc(['priority', 'list', '-o', 'csv']))
      .trimEnd()
      .split('\r\n');
    assert.equal(csv[0], 'id,name,description');
    assert.deepEqual(
      csv.slice(1).map((r) => r.split(',').slice(0, 2).join(',')),
      ['1,Highest', '2,High', '3,Medium', '4,Low', '5,Lowest'],
    );
    const ndjson = ok(await runCloud(['priority', 'list', '-o', 'ndjson']))
      .trimEnd()
      .split('\n');
    assert.equal(ndjson.length, 5);
    assert.match(
      String((JSON.parse(ndjson[0] ?? '{}') as { iconUrl?: string }).iconUrl),
      /highest_new\.svg$/,
    );
  });

  it('status list, status get by name in any case, and a missing status exits 4', async () => {
    const statuses = json(await runDc(['status', 'list', '--json']));
    assert.deepEqual(
      statuses.map((s) => s.name),
      ['To Do', 'In Progress', 'Done', 'Open', 'Reopened', 'Resolved', 'Closed'],
    );
    const one = JSON.parse(ok(await runCloud(['status', 'get', 'in progress', '--json']))) as { id: string };
    assert.equal(one.id, '3');
    const table = ok(await runDc(['status', 'get', '10001']));
    assert.match(table, /name\s+Done/);
    const missing = await runDc(['status', 'get', 'Nope']);
    assert.equal(missing.code, 4);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /Nope/);
  });

  it('issuetype list shows hierarchyLevel on Cloud only', async () => {
    const cloudTypes = json(await runCloud(['issuetype', 'list', '-o', 'json']));
    assert.equal(cloudTypes.find((t) => t.name === 'Epic')?.hierarchyLevel, 1);
    const dcTypes = json(await runDc(['issuetype', 'list', '-o', 'json']));
    assert.equal('hierarchyLevel' in (dcTypes.find((t) => t.name === 'Epic') ?? {}), false);
  });

  it('resolution list', async () => {
    const names = json(await runDc(['resolution', 'list', '-o', 'json'])).map((r) => r.name);
    assert.deepEqual(names, ['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce']);
  });

  it('linktype list and get by id or name; an unknown one exits 4', async () => {
    const types = json(await runCloud(['linktype', 'list', '-o', 'json']));
    assert.deepEqual(
      types.map((t) => t.name),
      ['Blocks', 'Cloners', 'Duplicate', 'Relates'],
    );
    const byId = JSON.parse(ok(await runDc(['linktype', 'get', '10002', '--json']))) as { name: string };
    assert.equal(byId.name, 'Duplicate');
    const byName = ok(await runDc(['linktype', 'get', 'BLOCKS']));
    assert.match(byName, /inward\s+is blocked by/);
    assert.equal((await runDc(['linktype', 'get', 'Nope'])).code, 4);
    assert.equal((await runDc(['linktype', 'get', '99'])).code, 4);
  });

  it('list filters pick by id or name with wildcards; a filter matching nothing exits 4', async () => {
    const picked = json(await runDc(['status', 'list', 'to do', '10001', '-o', 'json']));
    assert.deepEqual(
      picked.map((s) => s.id),
      ['10000', '10001'],
    );
    const wild = json(await runDc(['issuetype', 'list', 's*', '-o', 'json']));
    assert.deepEqual(
      wild.map((t) => t.name),
      ['Story', 'Sub-task'],
    );
    assert.equal((await runDc(['field', 'list', 'no-such-field'])).code, 4);
  });

  it('a filter of any length, or a blank name, is answered without a crash', async () => {
    const huge = await runDc(['status', 'list', `${'DEMO-1,'.repeat(8_000)}*`]);
    assert.equal(huge.code, 4, huge.stderr);
    assert.match(huge.stderr, /^jirats: No status matches/);
    const stars = json(await runDc(['issuetype', 'list', 's*b*t*', '-o', 'json']));
    assert.deepEqual(
      stars.map((t) => t.name),
      ['Sub-task'],
    );
    const blank = await runDc(['status', 'get', '']);
    assert.equal(blank.code, 2, blank.stderr);
    assert.doesNotMatch(blank.stderr, /bug in jirats/);
  });

  it('accepts the JiraPS names', async () => {
    const cases: [string[], string][] = [
      [['Get-JiraField', 'Story Points'], 'customfield_10016'],
      [['Get-JiraPriority', '3'], 'Medium'],
      [['Get-JiraStatus', 'Done'], '10001'],
      [['Get-JiraIssueType', 'Bug'], '10004'],
      [['Get-JiraIssueLinkType', 'Relates'], '10003'],
    ];
    for (const [args, expected] of cases) {
      const [row] = json(await runDc([...args, '-o', 'json']));
      assert.ok(row && Object.values(row).includes(expected), `${args.join(' ')}: ${JSON.stringify(row)}`);
    }
  });

  it('cache clear explains that the CLI keeps no cache, and checks --type', async () => {
    const cleared = await runDc(['cache', 'clear', '--type', 'fields']);
    assert.equal(cleared.code, 0, cleared.stderr);
    assert.equal(cleared.stdout, '');
    assert.match(cleared.stderr, /no cache between runs/);
    assert.equal((await runDc(['Clear-JiraCache', '--type', 'Statuses'])).code, 0);
    assert.equal((await runDc(['cache', 'clear', '--type', 'bogus'])).code, 2);
  });
});
