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

interface WireLink {
  id: string;
  type: { name: string };
  inwardIssue?: { key: string };
  outwardIssue?: { key: string };
}

interface WireRemoteLink {
  id: number;
  globalId?: string;
  object: { url: string; title: string };
}

for (const flavor of flavors) {
  describe(`jirats link and remotelink (${flavor})`, () => {
    const run = runner(flavor);

    it('link add reads as a sentence; list, get and remove by id', async () => {
      const added = JSON.parse(
        ok(await run(['link', 'add', 'DEMO-1', 'blocks', 'DEMO-2', '-o', 'json'])),
      ) as WireLink;
      assert.equal(added.type.name, 'Blocks');
      assert.equal(added.outwardIssue?.key, 'DEMO-2');

      // Several words need no quotes: "DEMO-3 is blocked by DEMO-1" lists on DEMO-3 as inward.
      ok(await run(['link', 'add', 'DEMO-3', 'is', 'blocked', 'by', 'DEMO-1']));
      const onThree = JSON.parse(ok(await run(['link', 'list', 'DEMO-3', '-o', 'json']))) as WireLink[];
      assert.deepEqual(
        onThree.map((l) => l.inwardIssue?.key),
        ['DEMO-1'],
      );

      const table = ok(await run(['link', 'list', 'DEMO-1', '-o', 'csv']));
      assert.match(table, /^id,type,link,issue,status,summary\r\n/);
      assert.match(table, new RegExp(`${added.id},Blocks,blocks,DEMO-2,`));
      assert.match(table, /,Blocks,blocks,DEMO-3,/);

      const got = ok(await run(['Get-JiraIssueLink', added.id, '-o', 'csv']));
      assert.match(got, /DEMO-1 blocks DEMO-2/);

      const refused = await run(['link', 'remove', added.id]);
      assert.equal(refused.code, 2, 'without a terminal, remove needs --force');
      ok(await run(['link', 'remove', added.id, '--force']));
      const gone = await run(['link', 'get', added.id]);
      assert.equal(gone.code, 4, gone.stderr);
    });

    it('link remove --all removes every link of an issue; --dry-run sends nothing', async () => {
      ok(await run(['link', 'add', 'DEMO-5', 'relates', 'to', 'DEMO-6']));
      ok(await run(['link', 'add', 'DEMO-7', 'duplicates', 'DEMO-5']));
      const dry = ok(await run(['link', 'remove', '--all', 'DEMO-5', '--dry-run']));
      assert.equal(dry.trimEnd().split('\n').length, 2);
      assert.match(dry, /^DELETE .*\/issueLink\/\d+$/m);
      assert.equal(
        (JSON.parse(ok(await run(['link', 'list', 'DEMO-5', '-o', 'json']))) as unknown[]).length,
        2,
      );
      ok(await run(['Remove-JiraIssueLink', '--all', 'DEMO-5', '--force']));
      assert.deepEqual(JSON.parse(ok(await run(['link', 'list', 'DEMO-5', '-o', 'json']))), []);
    });

    it('New-JiraIssueLinkRequest prints the request without linking', async () => {
      const out = ok(await run(['New-JiraIssueLinkRequest', 'DEMO-8', 'blocks', 'DEMO-9']));
      assert.match(out, /^POST .*\/rest\/api\/[23]\/issueLink\n/);
      const body = JSON.parse(out.slice(out.indexOf('\n') + 1)) as WireLink;
      assert.equal(body.inwardIssue?.key, 'DEMO-8', 'the source goes in inwardIssue');
      assert.equal(body.outwardIssue?.key, 'DEMO-9');
      assert.deepEqual(JSON.parse(ok(await run(['link', 'list', 'DEMO-8', '-o', 'json']))), []);
    });

    it('a bad link type exits 2 and names the types; a missing issue exits 4', async () => {
      const bad = await run(['link', 'add', 'DEMO-1', 'befriends', 'DEMO-2']);
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, /befriends/);
      assert.match(bad.stderr, /Blocks/);
      const missing = await run(['link', 'add', 'DEMO-1', 'blocks', 'DEMO-999']);
      assert.equal(missing.code, 4, missing.stderr);
      const noTo = await run(['link', 'add', 'DEMO-1', 'blocks']);
      assert.equal(noTo.code, 2, noTo.stderr);
    });

    it('remotelink add, list, update, and remove by id and by global id', async () => {
      const added = JSON.parse(
        ok(
          await run([
            'remotelink',
            'add',
            'DEMO-12',
            'https://ci.example.com/b/42',
            '--title',
            'Build 42',
            '--global-id',
            'ci-42',
            '-o',
            'json',
          ]),
        ),
      ) as WireRemoteLink;
      assert.equal(added.object.title, 'Build 42');
      const again = JSON.parse(
        ok(
          await run([
            'Add-JiraRemoteLink',
            'DEMO-12',
            'https://ci.example.com/b/42',
            '--title',
            'Build 42 (green)',
            '--global-id',
            'ci-42',
            '-o',
            'json',
          ]),
        ),
      ) as WireRemoteLink;
      assert.equal(again.id, added.id, 'the same global id updates the link');
      const second = JSON.parse(
        ok(
          await run([
            'remotelink',
            'add',
            'DEMO-12',
            'https://example.com/doc',
            '--title',
            'Doc',
            '-o',
            'json',
          ]),
        ),
      ) as WireRemoteLink;
      const listed = JSON.parse(
        ok(await run(['Get-JiraRemoteLink', 'DEMO-12', '-o', 'json'])),
      ) as WireRemoteLink[];
      assert.deepEqual(
        listed.map((l) => l.object.title),
        ['Build 42 (green)', 'Doc'],
      );
      const updated = JSON.parse(
        ok(
          await run([
            'remotelink',
            'update',
            'DEMO-12',
            String(second.id),
            'https://example.com/doc2',
            '--title',
            'Doc 2',
            '-o',
            'json',
          ]),
        ),
      ) as WireRemoteLink;
      assert.equal(updated.object.url, 'https://example.com/doc2');

      ok(await run(['remotelink', 'remove', 'DEMO-12', '--global-id', 'ci-42', '--force']));
      ok(await run(['Remove-JiraRemoteLink', 'DEMO-12', String(second.id), '--force']));
      assert.deepEqual(JSON.parse(ok(await run(['remotelink', 'list', 'DEMO-12', '-o', 'json']))), []);
    });

    it('remotelink: a bad URL exits 2, a missing issue exits 4', async () => {
      const badUrl = await run(['remotelink', 'add', 'DEMO-1', 'not a url', '--title', 'x']);
      assert.equal(badUrl.code, 2, badUrl.stderr);
      const missing = await run(['remotelink', 'list', 'DEMO-999']);
      assert.equal(missing.code, 4, missing.stderr);
    });
  });
}
