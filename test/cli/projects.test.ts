import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliResult } from './helpers/cli.js';
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

interface Named {
  id: string;
  name: string;
}

const namesOf = (json: string) => (JSON.parse(json) as Named[]).map((x) => x.name);

for (const flavor of flavors) {
  describe(`jirats project, component and version (${flavor})`, () => {
    const run = runner(flavor);

    it('project list / get / Get-JiraProject', async () => {
      const list = ok(await run(['project', 'list', '-o', 'csv']));
      assert.match(list, /^key,name,type,lead\r?\n/);
      assert.match(list, /DEMO,Demo,software,Sandbox Administrator/);
      assert.match(list, /SECRET,Secret,business/);
      const demo = ok(await run(['project', 'get', 'DEMO']));
      assert.match(demo, /components\s+Backend, Frontend, Docs/);
      assert.match(demo, /versions\s+1\.0, 1\.1, 2\.0/);
      const json = JSON.parse(ok(await run(['Get-JiraProject', 'demo', '--json']))) as { key: string };
      assert.equal(json.key, 'DEMO');
    });

    it('version create / list -o json / move / remove --force, with fix issues moved', async () => {
      const created = JSON.parse(
        ok(await run(['version', 'create', 'DEMO', '3.0', '--release-date', '2026-06-30', '--json'])),
      ) as Named & { releaseDate: string };
      assert.equal(created.releaseDate, '2026-06-30');
      const listed = ok(await run(['version', 'list', 'DEMO', '-o', 'json']));
      assert.deepEqual(namesOf(listed), ['1.0', '1.1', '2.0', '3.0']);
      const versions = JSON.parse(listed) as Named[];
      const id = (name: string) => versions.find((v) => v.name === name)?.id ?? '';
      ok(await run(['Move-JiraVersion', created.id, '--position', 'first']));
      const sorted = ok(
        await run(['version', 'list', 'DEMO', '--name', '1.*', '--name', '3*', '-o', 'json']),
      );
      assert.deepEqual(namesOf(sorted), ['3.0', '1.0', '1.1']);
      const byName = ok(await run(['version', 'list', 'DEMO', '--sort=-name', '-o', 'json']));
      assert.deepEqual(namesOf(byName), ['3.0', '2.0', '1.1', '1.0']);

      const dry = ok(
        await run(['version', 'remove', id('1.1'), '--move-fix-issues-to', id('2.0'), '--dry-run']),
      );
      assert.match(dry, /^POST \S+\/version\/\d+\/removeAndSwap\n\{"moveFixIssuesTo":\d+\}\n$/);
      ok(await run(['version', 'remove', id('1.1'), '--move-fix-issues-to', id('2.0'), '--force']));
      const issue = JSON.parse(ok(await run(['issue', 'get', 'DEMO-11', '--json']))) as {
        fields: { fixVersions: Named[] };
      };
      assert.deepEqual(
        issue.fields.fixVersions.map((v) => v.name),
        ['2.0'],
      );
      const got = JSON.parse(ok(await run(['Get-JiraVersion', id('2.0'), '--json']))) as Named;
      assert.equal(got.name, '2.0');
    });

    it('component create / list / remove --force', async () => {
      const created = JSON.parse(
        ok(
          await run([
            'New-JiraComponent',
            'DEMO',
            'Mobile',
            '--lead',
            'alice@example.com',
            '--description',
            'Apps',
            '--json',
          ]),
        ),
      ) as Named & { lead: { displayName: string } };
      assert.equal(created.lead.displayName, 'Alice Anderson');
      const table = ok(await run(['component', 'list', 'DEMO', '-o', 'csv']));
      assert.match(table, /Mobile,Alice Anderson,Apps/);
      ok(await run(['component', 'set', created.id, '--name', 'Mobile apps']));
      ok(await run(['component', 'remove', created.id, '--force']));
      const after = ok(await run(['component', 'list', 'DEMO', '-o', 'json']));
      assert.deepEqual(namesOf(after), ['Backend', 'Frontend', 'Docs']);
    });

    it('bad input: unknown project 4, no permission 3, invalid date 2, no confirmation 2', async () => {
      const missing = await run(['project', 'get', 'FAKE']);
      assert.equal(missing.code, 4, missing.stderr);
      assert.match(missing.stderr, /No project could be found with key 'FAKE'/);
      assert.equal((await run(['version', 'list', 'NOPE'])).code, 4);
      const bob = runner(flavor, 'bob');
      const denied = await bob(['version', 'create', 'DEMO', '9.9']);
      assert.equal(denied.code, 3, denied.stderr);
      assert.equal((await bob(['component', 'create', 'DEMO', 'Nope'])).code, 3);
      assert.equal((await bob(['project', 'get', 'SECRET'])).code, 4);
      const badDate = await run(['version', 'create', 'DEMO', '4.0', '--release-date', '2026-02-30']);
      assert.equal(badDate.code, 2, badDate.stderr);
      assert.match(badDate.stderr, /2026-02-30/);
      assert.equal((await run(['version', 'list', 'DEMO', '--sort', 'size'])).code, 2);
      // Not a terminal and no --force: nothing is deleted.
      assert.equal((await run(['version', 'remove', '10000'])).code, 2);
      assert.deepEqual(namesOf(ok(await run(['version', 'list', 'DEMO', '--name', '4*', '-o', 'json']))), []);
      assert.equal(JSON.parse(ok(await run(['version', 'get', '10000', '--json']))).name, '1.0');
    });
  });
}
