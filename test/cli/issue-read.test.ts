import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { longHistorySnapshot } from '../support/long-history.js';
import { type CliResult, TestHome } from './helpers/cli.js';
import { type Running, startSandbox } from './helpers/servers.js';

const home = new TestHome();
const flavors = ['datacenter', 'cloud'] as const;
type Flavor = (typeof flavors)[number];
const sandboxes: Partial<Record<Flavor, Running>> = {};
const snapshots: { cleanup(): void }[] = [];

before(async () => {
  for (const flavor of flavors) {
    // A DEMO-1 with more history than Cloud embeds, so the CLI shows the completed history.
    const snapshot = longHistorySnapshot();
    snapshots.push(snapshot);
    sandboxes[flavor] = await startSandbox({ flavor, dataFile: snapshot.file });
  }
});
after(async () => {
  for (const flavor of flavors) await sandboxes[flavor]?.close();
  for (const snapshot of snapshots) snapshot.cleanup();
  home.cleanup();
});

function runner(flavor: Flavor, user = 'alice') {
  const env: Record<string, string> =
    flavor === 'cloud'
      ? { JIRA_EMAIL: `${user}@example.com`, JIRA_API_TOKEN: `${user}-api-token` }
      : { JIRA_PAT: `${user}-pat` };
  return (args: string[], input?: string) =>
    home.run([...args, '--server', sandboxes[flavor]?.url ?? ''], {
      env,
      ...(input === undefined ? {} : { input }),
    });
}

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

interface HistoryJson {
  id: string;
  created: string;
  author: { displayName: string } | null;
  items: { field: string; fromString: string | null; toString: string | null }[];
}

for (const flavor of flavors) {
  describe(`issue reading extras (${flavor})`, () => {
    const run = runner(flavor);

    it('issue get --history prints the changes oldest first; -o json adds history to the issue', async () => {
      const csv = ok(await run(['issue', 'get', 'DEMO-1', '--history', '-o', 'csv']))
        .trimEnd()
        .split('\r\n');
      assert.equal(csv[0], 'key,when,who,field,from,to');
      assert.ok(csv.length > 130, `only ${csv.length} lines`);
      assert.match(csv.at(-1) ?? '', /^DEMO-1,[^,]+,Bob Brown,labels,step-129,step-130$/);
      const issue = JSON.parse(ok(await run(['issue', 'get', 'DEMO-1', '--history', '-o', 'json']))) as {
        key: string;
        history: HistoryJson[];
      };
      assert.equal(issue.key, 'DEMO-1');
      assert.equal(issue.history.length, csv.length - 1);
      const times = issue.history.map((h) => Date.parse(h.created));
      assert.ok(times.every((t, i) => i === 0 || (times[i - 1] as number) <= t));
      assert.equal(issue.history.at(-1)?.items[0]?.toString, 'step-130');
    });

    it('issue search --filter runs the saved filter; both a query and --filter is a usage error', async () => {
      const viaFilter = ok(
        await run(['issue', 'search', '--filter', '10000', '-o', 'csv', '--fields', 'key']),
      );
      const direct = ok(
        await run([
          'issue',
          'search',
          'project = DEMO AND issuetype = Bug AND statusCategory != Done ORDER BY key ASC',
          '-o',
          'csv',
          '--fields',
          'key',
        ]),
      );
      assert.ok(direct.split('\r\n').length > 2);
      assert.equal(viaFilter, direct);
      const both = await run(['issue', 'search', 'project = DEMO', '--filter', '10000']);
      assert.equal(both.code, 2);
      assert.match(both.stderr, /not both/);
      const neither = await run(['issue', 'search']);
      assert.equal(neither.code, 2);
      const missing = await run(['issue', 'search', '--filter', '10001']);
      assert.equal(missing.code, 4, missing.stderr);
      assert.match(missing.stderr, /selected filter is not available/);
    });

    it('issue count prints the number of matches; invalid JQL exits 5 with Jira’s message', async () => {
      const listed = ok(
        await run(['issue', 'search', 'project = DEMO AND labels = checkout', '-o', 'ndjson']),
      );
      const expected = listed.trimEnd().split('\n').length;
      const counted = ok(await run(['issue', 'count', 'project = DEMO AND labels = checkout']));
      assert.equal(counted, `${expected}\n`);
      const json = JSON.parse(ok(await run(['issue', 'count', 'project = DEMO', '-o', 'json']))) as {
        count: number;
        approximate: boolean;
      };
      assert.ok(json.count >= 30);
      assert.equal(json.approximate, flavor === 'cloud');
      const bad = await run(['issue', 'count', 'project = DEMO AND']);
      assert.equal(bad.code, 5, bad.stderr);
      assert.match(bad.stderr, /Error in the JQL Query/);
    });

    it('issue property set/get/list/remove round-trips JSON values', async () => {
      ok(await run(['issue', 'property', 'set', 'DEMO-3', 'support.info', '{"team":"web","level":2}']));
      ok(await run(['issue', 'property', 'set', 'DEMO-3', 'note', '--value-file', '-'], '"from stdin"'));
      const value = JSON.parse(ok(await run(['issue', 'property', 'get', 'DEMO-3', 'support.info'])));
      assert.deepEqual(value, { team: 'web', level: 2 });
      assert.equal(
        ok(await run(['issue', 'property', 'get', 'DEMO-3', 'note', '-o', 'ndjson'])),
        '"from stdin"\n',
      );
      const keys = JSON.parse(
        ok(await run(['issue', 'property', 'list', 'DEMO-3', '-o', 'json'])),
      ) as string[];
      assert.deepEqual(keys.sort(), ['note', 'support.info']);
      const found = ok(
        await run([
          'issue',
          'search',
          'issue.property[support.info].team = web',
          '-o',
          'csv',
          '--fields',
          'key',
        ]),
      );
      assert.deepEqual(found.trimEnd().split('\r\n'), ['key', 'DEMO-3']);

      const notJson = await run(['issue', 'property', 'set', 'DEMO-3', 'x', '{oops']);
      assert.equal(notJson.code, 2);
      const unconfirmed = await run(['issue', 'property', 'remove', 'DEMO-3', 'note']);
      assert.equal(unconfirmed.code, 2);
      ok(await run(['issue', 'property', 'remove', 'DEMO-3', 'note', '--force']));
      const gone = await run(['issue', 'property', 'get', 'DEMO-3', 'note']);
      assert.equal(gone.code, 4);
      const noIssue = await run(['issue', 'property', 'list', 'DEMO-999']);
      assert.equal(noIssue.code, 4);
    });
  });
}
