import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CliResult, errLines } from './helpers/cli.js';
import { FLAVORS, type Flavor, sandboxPerFlavor } from './helpers/flavor-sandboxes.js';

const { home, url } = sandboxPerFlavor();
const flavors = FLAVORS;

function runner(flavor: Flavor, user: string) {
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

function failed(result: CliResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `${result.stdout}\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
  assert.ok(errLines(result).length >= 1, result.stderr);
  assert.match(result.stderr, pattern);
}

interface WireFilter {
  id: string;
  name: string;
  jql: string;
  favourite: boolean;
}

for (const flavor of flavors) {
  describe(`jirats filter (${flavor})`, () => {
    const alice = runner(flavor, 'alice');
    const bob = runner(flavor, 'bob');

    it('create, get -o json, find, set, and remove --force', async () => {
      const created = JSON.parse(
        ok(
          await alice([
            'filter',
            'create',
            'CLI bugs',
            'project = DEMO AND type = Bug',
            '--favourite',
            '--json',
          ]),
        ),
      ) as WireFilter;
      assert.equal(created.name, 'CLI bugs');
      assert.equal(created.favourite, true);
      const got = JSON.parse(ok(await alice(['filter', 'get', created.id, '-o', 'json']))) as WireFilter;
      assert.equal(got.jql, 'project = DEMO AND type = Bug');
      const both = JSON.parse(
        ok(await alice(['Get-JiraFilter', created.id, '10000', '--json'])),
      ) as WireFilter[];
      assert.deepEqual(
        both.map((f) => f.name),
        ['CLI bugs', 'DEMO open bugs'],
      );
      const favourites = ok(await alice(['filter', 'favourites', '-o', 'ndjson']));
      assert.deepEqual(
        favourites
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as WireFilter).name),
        ['CLI bugs', 'DEMO open bugs'],
      );
      const found = ok(await alice(['filter', 'find', '--name', 'cli', '-o', 'csv']));
      assert.match(found, /^id,name,owner,favourite,shared,jql\r?\n/);
      assert.match(found, new RegExp(`^${created.id},CLI bugs,Alice Anderson,true,,`, 'm'));
      const changed = JSON.parse(
        ok(await alice(['filter', 'set', created.id, '--jql', 'project = DEMO', '--no-favourite', '--json'])),
      ) as WireFilter;
      assert.equal(changed.jql, 'project = DEMO');
      assert.equal(changed.favourite, false);
      const dry = ok(await alice(['filter', 'remove', created.id, '--dry-run']));
      assert.match(dry, new RegExp(`^DELETE .*/rest/api/[23]/filter/${created.id}$`, 'm'));
      ok(await alice(['Remove-JiraFilter', created.id, '--force']));
      failed(await alice(['filter', 'get', created.id]), 4, /not available to you/);
    });

    it('permission add, list and remove', async () => {
      const created = JSON.parse(
        ok(await alice(['filter', 'create', 'Shared by CLI', 'project = DEMO', '--json'])),
      ) as WireFilter;
      failed(await bob(['filter', 'get', created.id]), 4, /not available/);
      const afterAdd = ok(
        await alice([
          'filter',
          'permission',
          'add',
          created.id,
          '--type',
          'group',
          '--group',
          'jira-software-users',
        ]),
      );
      assert.match(afterAdd, /group jira-software-users/);
      ok(
        await alice([
          'Add-JiraFilterPermission',
          created.id,
          '--type',
          'projectRole',
          '--project',
          'DEMO',
          '--role',
          'Users',
        ]),
      );
      const listed = JSON.parse(ok(await bob(['filter', 'permission', 'list', created.id, '--json']))) as {
        id: number;
        type: string;
      }[];
      assert.equal(listed.length, 2, 'bob sees the filter through the group');
      const first = String(listed[0]?.id);
      ok(await alice(['filter', 'permission', 'remove', created.id, first, '--force']));
      const csv = ok(await alice(['Get-JiraFilterPermission', created.id, '-o', 'csv']));
      assert.equal(csv.trim().split('\n').length, 2, 'header and one share');
      ok(await alice(['filter', 'permission', 'remove', created.id, '--all', '--force']));
      failed(await bob(['filter', 'get', created.id]), 4, /not available/);
    });

    it('bad input: someone else’s filter, a missing filter, an unknown group, usage errors', async () => {
      failed(await bob(['filter', 'set', '10000', '--name', 'Taken']), 3, /owner/);
      failed(await bob(['filter', 'remove', '10000', '--force']), 3, /owner/);
      failed(await alice(['filter', 'remove', '10001', '--force']), 4, /not available/);
      failed(await alice(['filter', 'get', '424242']), 4, /not available/);
      failed(
        await alice(['filter', 'permission', 'add', '10000', '--type', 'group', '--group', 'no-such-group']),
        4,
        /no-such-group/,
      );
      failed(
        await alice(['filter', 'permission', 'add', '10000', '--type', 'projectRole', '--project', 'DEMO']),
        2,
        /--role/,
      );
      failed(await alice(['filter', 'permission', 'add', '10000', '--type', 'team']), 2, /expected one of/);
      failed(await alice(['filter', 'permission', 'remove', '10000', '--force']), 2, /ids or --all/);
      failed(await alice(['filter', 'set', '10000']), 2, /nothing to change/);
      failed(await alice(['filter', 'find', '--sort', 'colour']), 2, /expected one of/);
      const name = JSON.parse(ok(await alice(['filter', 'get', '10000', '--json']))) as WireFilter;
      assert.equal(name.name, 'DEMO open bugs', 'nothing changed');
    });
  });
}
