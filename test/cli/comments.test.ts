import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  return (args: string[], input?: string) =>
    home.run([...args, '--server', url(flavor)], {
      env,
      ...(input === undefined ? {} : { input }),
    });
}

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

interface WireComment {
  id: string;
  body: unknown;
  author: { displayName: string };
}

for (const flavor of flavors) {
  describe(`jirats comment (${flavor})`, () => {
    const run = runner(flavor);
    const markdown = 'Fixed in **build 42**\n\n- one\n- two';

    it('add, list -o json, update and remove --force', async () => {
      const added = JSON.parse(
        ok(await run(['comment', 'add', 'DEMO-9', markdown, '-o', 'json'])),
      ) as WireComment;
      if (flavor === 'cloud') assert.equal((added.body as { type: string }).type, 'doc');
      else assert.match(String(added.body), /\*build 42\*/);

      const listed = JSON.parse(ok(await run(['comment', 'list', 'DEMO-9', '-o', 'json']))) as WireComment[];
      assert.equal(listed.at(-1)?.id, added.id);

      const csv = ok(await run(['comment', 'list', 'DEMO-9', '-o', 'csv']))
        .trimEnd()
        .split('\r\n');
      assert.equal(csv[0], 'id,author,created,body');
      assert.match(csv.at(-1) ?? '', new RegExp(`^${added.id},.*,Fixed in \\*\\*build 42\\*\\*$`));

      const file = join(home.dir, `update-${flavor}.md`);
      writeFileSync(file, 'Now in _build 43_');
      const updated = ok(await run(['comment', 'update', 'DEMO-9', added.id, '--body-file', file]));
      assert.match(updated, /Now in \*build 43\*/);

      const dry = ok(await run(['comment', 'remove', 'DEMO-9', added.id, '--dry-run']));
      assert.match(dry, new RegExp(`^DELETE .*/issue/DEMO-9/comment/${added.id}\\n$`));
      const still = JSON.parse(ok(await run(['comment', 'list', 'DEMO-9', '-o', 'json']))) as WireComment[];
      assert.ok(
        still.some((c) => c.id === added.id),
        'a dry run deletes nothing',
      );

      const refused = await run(['comment', 'remove', 'DEMO-9', added.id]);
      assert.equal(refused.code, 2, 'without a terminal, remove needs --force');

      ok(await run(['comment', 'remove', 'DEMO-9', added.id, '--force']));
      const after = JSON.parse(ok(await run(['comment', 'list', 'DEMO-9', '-o', 'json']))) as WireComment[];
      assert.ok(!after.some((c) => c.id === added.id));
    });

    it('reads the body from stdin and takes the JiraPS alias', async () => {
      const out = ok(
        await run(['Add-JiraIssueComment', 'DEMO-10', '--body-file', '-', '-o', 'ndjson'], 'from *stdin*'),
      );
      const comment = JSON.parse(out) as WireComment;
      const lines = ok(await run(['Get-JiraIssueComment', 'DEMO-10', '-o', 'ndjson']))
        .trimEnd()
        .split('\n');
      assert.equal((JSON.parse(lines.at(-1) ?? '{}') as WireComment).id, comment.id);
    });

    it('an empty body is a usage error (exit 2); a missing issue exits 4', async () => {
      const empty = await run(['comment', 'add', 'DEMO-1', '  ']);
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /empty/);
      const missing = await run(['comment', 'add', 'DEMO-999', 'hello']);
      assert.equal(missing.code, 4, missing.stderr);
      const listMissing = await run(['comment', 'list', 'NOPE-1']);
      assert.equal(listMissing.code, 4, listMissing.stderr);
    });

    it('another user may not delete the comment (exit 3)', async () => {
      const added = JSON.parse(
        ok(await run(['comment', 'add', 'DEMO-11', 'mine', '-o', 'json'])),
      ) as WireComment;
      const bob = runner(flavor, 'bob');
      const denied = await bob(['comment', 'remove', 'DEMO-11', added.id, '--force']);
      assert.equal(denied.code, 3, denied.stderr);
    });
  });
}
