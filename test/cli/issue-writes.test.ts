import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliResult } from './helpers/cli.js';
import { FLAVORS, type Flavor, sandboxPerFlavor } from './helpers/flavor-sandboxes.js';

const { home, url } = sandboxPerFlavor();
const flavors = FLAVORS;

function runner(flavor: Flavor, user = 'alice') {
  const env: Record<string, string> =
    flavor === 'cloud'
      ? { JIRA_EMAIL: `${user}@example.com`, JIRA_API_TOKEN: `${user}-api-token` }
      : { JIRA_PAT: `${user}-pat` };
  return (args: string[]) => home.run([...args, '--server', url(flavor)], { env });
}

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

interface WireIssue {
  key: string;
  fields: Record<string, unknown>;
}

for (const flavor of flavors) {
  describe(`jirats issue writes (${flavor})`, () => {
    const run = runner(flavor);
    const admin = runner(flavor, 'admin');

    it('create -> get -> set -> label add -> remove --force', async () => {
      const key = ok(
        await run([
          'issue',
          'create',
          '--project',
          'DEMO',
          '--type',
          'Task',
          '--summary',
          'Made by the CLI',
          '--description',
          'Some **bold** text',
          '--label',
          'cli',
          '--field',
          'Story Points=3',
          '--due',
          '2026-12-24',
        ]),
      ).trim();
      assert.match(key, /^DEMO-\d+$/);
      const got = JSON.parse(ok(await run(['issue', 'get', key, '-o', 'json']))) as WireIssue;
      assert.equal(got.fields.summary, 'Made by the CLI');
      assert.deepEqual(got.fields.labels, ['cli']);
      assert.equal(got.fields.customfield_10016, 3);
      assert.equal(got.fields.duedate, '2026-12-24');

      ok(
        await run([
          'issue',
          'set',
          key,
          '--summary',
          'Renamed',
          '--add-comment',
          'Renamed it',
          '--default-assignee',
        ]),
      );
      ok(await run(['label', 'add', key, 'second']));
      const changed = JSON.parse(ok(await run(['issue', 'get', key, '-o', 'json']))) as WireIssue;
      assert.equal(changed.fields.summary, 'Renamed');
      assert.deepEqual(changed.fields.labels, ['cli', 'second']);
      assert.ok(changed.fields.assignee, 'the project default (the lead) was assigned');

      const meta = ok(await run(['meta', 'edit', key]));
      assert.match(meta, /labels/);

      ok(await admin(['issue', 'remove', key, '--force']));
      assert.equal((await run(['issue', 'get', key])).code, 4);
    });

    it('refuses bad input with the right exit code and changes nothing', async () => {
      const before = ok(await run(['issue', 'get', 'DEMO-12', '-o', 'json']));
      const unknown = await run(['issue', 'set', 'DEMO-12', '--summary', 'x', '--field', 'No such field=1']);
      assert.equal(unknown.code, 2, unknown.stderr);
      assert.match(unknown.stderr, /No such field/);
      const ambiguous = await run(['issue', 'set', 'DEMO-12', '--field', 'Team=1']);
      assert.equal(ambiguous.code, 2, ambiguous.stderr);
      assert.match(ambiguous.stderr, /customfield_10031/);
      const noSummary = await run(['issue', 'create', '--project', 'DEMO', '--type', 'Task']);
      assert.equal(noSummary.code, 2, noSummary.stderr);
      const missing = await run(['issue', 'set', 'DEMO-999', '--summary', 'x']);
      assert.equal(missing.code, 4, missing.stderr);
      const notForced = await admin(['issue', 'remove', 'DEMO-12']);
      assert.equal(notForced.code, 2, notForced.stderr);
      const notAllowed = await run(['issue', 'remove', 'DEMO-12', '--force']);
      assert.equal(notAllowed.code, 3, notAllowed.stderr);
      assert.equal(ok(await run(['issue', 'get', 'DEMO-12', '-o', 'json'])), before);
    });

    it('--dry-run prints the request and sends nothing; JiraPS names work', async () => {
      const printed = ok(
        await run(['New-JiraIssue', '--project', 'DEMO', '--type', 'Bug', '--summary', 'Dry', '--dry-run']),
      );
      assert.match(printed, new RegExp(`^POST .*/rest/api/${flavor === 'cloud' ? 3 : 2}/issue\\n`));
      const body = JSON.parse(printed.slice(printed.indexOf('\n') + 1)) as {
        fields: Record<string, unknown>;
      };
      assert.deepEqual(body.fields.project, { key: 'DEMO' });
      assert.equal(body.fields.summary, 'Dry');
      const found = ok(await run(['issue', 'search', 'summary ~ "Dry"', '-o', 'json']));
      assert.deepEqual(JSON.parse(found), []);

      const table = ok(await run(['Get-JiraIssueCreateMetadata', 'DEMO', 'Task']));
      assert.match(table, /summary\s+Summary\s+yes/);
      const deleting = ok(await admin(['issue', 'remove', 'DEMO-2', 'DEMO-3', '--dry-run']));
      assert.equal(deleting.trim().split('\n').length, 2);
      assert.match(deleting, /^DELETE .*DEMO-2\?deleteSubtasks=false$/m);
      ok(await run(['issue', 'get', 'DEMO-2']));
    });
  });
}
