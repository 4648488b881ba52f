import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CliResult, errLines } from './helpers/cli.js';
import { FLAVORS, type Flavor, sandboxPerFlavor } from './helpers/flavor-sandboxes.js';

const { home, url } = sandboxPerFlavor();
const flavors = FLAVORS;

function runner(flavor: Flavor, user = 'admin') {
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

for (const flavor of flavors) {
  describe(`jirats user and group (${flavor})`, () => {
    const run = runner(flavor);

    it('user get / search / Get-JiraUser, with groups', async () => {
      const bob = JSON.parse(ok(await run(['user', 'get', 'Bob Brown', '--json']))) as {
        displayName: string;
      };
      assert.equal(bob.displayName, 'Bob Brown');
      const table = ok(await run(['user', 'get', 'bob@example.com']));
      assert.match(table, /groups\s+jira-software-users/);
      const found = ok(await run(['user', 'search', 'al', '-o', 'csv']));
      assert.match(found, /Alice Anderson/);
      const me = JSON.parse(ok(await run(['Get-JiraUser', '--json']))) as { displayName: string };
      assert.equal(me.displayName, 'Sandbox Administrator');
    });

    it('group create, add-member (twice), members, remove-member, remove --force', async () => {
      ok(await run(['group', 'create', 'qa-team']));
      const added = await run([
        'group',
        'add-member',
        'qa-team',
        'alice@example.com',
        'Bob Brown',
        '-o',
        'ndjson',
      ]);
      assert.equal(added.code, 0, added.stderr);
      assert.equal(added.stdout.trim().split('\n').length, 2);
      const again = await run(['Add-JiraGroupMember', 'qa-team', 'alice@example.com']);
      assert.equal(again.code, 0, 'already a member is not an error');
      assert.match(again.stderr, /already a member/);
      const listed = ok(await run(['group', 'members', 'qa-team', '-o', 'ndjson']));
      assert.deepEqual(
        listed
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { displayName: string }).displayName),
        ['Alice Anderson', 'Bob Brown'],
      );
      ok(await run(['group', 'remove-member', 'qa-team', 'bob@example.com']));
      const notMember = await run(['group', 'remove-member', 'qa-team', 'bob@example.com']);
      assert.equal(notMember.code, 0);
      assert.match(notMember.stderr, /not a member/);
      const refused = await run(['group', 'remove', 'qa-team']);
      assert.equal(refused.code, 2, 'no confirmation without a terminal');
      ok(await run(['group', 'remove', 'qa-team', '--force']));
      const gone = await run(['group', 'get', 'qa-team']);
      assert.equal(gone.code, 4);
      assert.equal(errLines(gone).length <= 2, true);
    });

    it('bad input: a user without rights, a missing group, an invalid email; nothing changes', async () => {
      const asBob = runner(flavor, 'bob');
      const denied = await asBob(['group', 'create', 'bobs-group']);
      assert.equal(denied.code, 3);
      assert.equal((await run(['group', 'get', 'bobs-group'])).code, 4, 'not created');
      const missing = await run(['group', 'members', 'no-such-group']);
      assert.equal(missing.code, 4);
      const badEmail = await run(['user', 'create', '--email-address', 'nope', '--name', 'nope']);
      assert.equal(badEmail.code, 2);
      assert.match(badEmail.stderr, /not an email address/);
      assert.equal((await run(['user', 'search', 'nope'])).stdout.includes('nope'), false);
    });

    it('user create, set (Data Center), remove', async () => {
      ok(
        await run([
          'user',
          'create',
          '--email-address',
          'erin@example.com',
          '--name',
          'erin',
          '--display-name',
          'Erin E',
        ]),
      );
      if (flavor === 'datacenter') {
        const changed = ok(await run(['Set-JiraUser', 'erin', '--display-name', 'Erin Evans', '--json']));
        assert.equal((JSON.parse(changed) as { displayName: string }).displayName, 'Erin Evans');
      } else {
        const refused = await run(['user', 'set', 'erin@example.com', '--display-name', 'x']);
        assert.equal(refused.code, 2);
      }
      const dry = ok(await run(['user', 'remove', 'erin@example.com', '--dry-run']));
      assert.match(dry, /^DELETE .*\/user\?(accountId|username)=/);
      ok(await run(['user', 'remove', 'erin@example.com', '--force']));
      assert.equal((await run(['user', 'get', 'erin@example.com'])).code, 4);
    });
  });
}
