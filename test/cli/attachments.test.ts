import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CliResult } from './helpers/cli.js';
import { FLAVORS, type Flavor, sandboxPerFlavor } from './helpers/flavor-sandboxes.js';

const { home, url } = sandboxPerFlavor();
const work = mkdtempSync(join(tmpdir(), 'jirats-cli-attach-'));
const flavors = FLAVORS;

after(() => rmSync(work, { recursive: true, force: true }));

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

const BINARY = new Uint8Array(2048).map((_v, i) => (i * 13) % 256);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

interface WireAttachment {
  id: string;
  filename: string;
  size: number;
}

for (const flavor of flavors) {
  describe(`jirats attachment (${flavor})`, () => {
    const run = runner(flavor);

    it('add, list -o json, download with a checksum match, remove --force', async () => {
      const src = mkdtempSync(join(work, 'src-'));
      const file = join(src, 'größe-日本.bin');
      writeFileSync(file, BINARY);
      writeFileSync(join(src, 'notes.txt'), 'hello');
      const added = JSON.parse(
        ok(await run(['attachment', 'add', 'DEMO-11', file, join(src, 'notes.txt'), '-o', 'json'])),
      ) as WireAttachment[];
      assert.deepEqual(
        added.map((a) => a.filename),
        ['größe-日本.bin', 'notes.txt'],
      );

      const listed = JSON.parse(
        ok(await run(['attachment', 'list', 'DEMO-11', '--name', '*.BIN', '-o', 'json'])),
      ) as WireAttachment[];
      assert.deepEqual(
        listed.map((a) => a.id),
        [added[0]?.id],
      );

      const out = mkdtempSync(join(work, 'out-'));
      const written = JSON.parse(
        ok(await run(['attachment', 'download', 'DEMO-11', '--name', 'größe*', '--dir', out, '-o', 'json'])),
      ) as { path: string }[];
      assert.equal(written[0]?.path, join(out, 'größe-日本.bin'));
      assert.equal(sha(readFileSync(join(out, 'größe-日本.bin'))), sha(BINARY));

      // A second download refuses to overwrite (exit 2) unless told to.
      const again = await run(['attachment', 'download', '--id', String(added[0]?.id), '--dir', out]);
      assert.equal(again.code, 2, again.stderr);
      ok(await run(['attachment', 'download', '--id', String(added[0]?.id), '--dir', out, '--overwrite']));
      assert.deepEqual(readdirSync(out), ['größe-日本.bin']);

      const dry = ok(await run(['attachment', 'remove', 'DEMO-11', '--name', '*', '--dry-run']));
      assert.equal(dry.trim().split('\n').length, 2);
      assert.match(dry, /^DELETE .*\/attachment\/\d+$/m);

      const refused = await run(['attachment', 'remove', '--id', String(added[1]?.id)]);
      assert.equal(refused.code, 2, 'no confirmation without a terminal');
      ok(await run(['attachment', 'remove', '--id', String(added[1]?.id), '--force']));
      const left = JSON.parse(
        ok(await run(['attachment', 'list', 'DEMO-11', '-o', 'json'])),
      ) as WireAttachment[];
      assert.deepEqual(
        left.map((a) => a.filename),
        ['größe-日本.bin'],
      );
    });

    it('bad input: a missing file or a folder is exit 2, a missing issue exit 4', async () => {
      const src = mkdtempSync(join(work, 'bad-'));
      mkdirSync(join(src, 'folder'));
      const missing = await run(['attachment', 'add', 'DEMO-11', join(src, 'nope.txt')]);
      assert.equal(missing.code, 2, missing.stderr);
      assert.match(missing.stderr, /no such file/);
      const folder = await run(['attachment', 'add', 'DEMO-11', join(src, 'folder')]);
      assert.equal(folder.code, 2, folder.stderr);
      writeFileSync(join(src, 'ok.txt'), 'x');
      const noIssue = await run(['attachment', 'add', 'DEMO-9999', join(src, 'ok.txt')]);
      assert.equal(noIssue.code, 4, noIssue.stderr);
      const noMatch = await run(['attachment', 'download', 'DEMO-11', '--name', 'nothing-*']);
      assert.equal(noMatch.code, 4, noMatch.stderr);
      const both = await run(['attachment', 'download', 'DEMO-11', '--id', '10000']);
      assert.equal(both.code, 2, both.stderr);
    });
  });

  describe(`jirats watcher (${flavor})`, () => {
    const run = runner(flavor);

    it('add by email, list -o json, remove by display name; missing issue exit 4', async () => {
      ok(await run(['watcher', 'add', 'DEMO-12', 'bob@example.com']));
      const listed = JSON.parse(ok(await run(['watcher', 'list', 'DEMO-12', '-o', 'json']))) as {
        emailAddress?: string;
        displayName: string;
      }[];
      const bob = listed.find((u) => u.emailAddress === 'bob@example.com');
      assert.ok(bob, 'bob watches');
      ok(await run(['Remove-JiraIssueWatcher', 'DEMO-12', bob.displayName]));
      const after = JSON.parse(ok(await run(['watcher', 'list', 'DEMO-12', '-o', 'json']))) as {
        emailAddress?: string;
      }[];
      assert.ok(!after.some((u) => u.emailAddress === 'bob@example.com'));
      const missing = await run(['watcher', 'list', 'DEMO-9999']);
      assert.equal(missing.code, 4, missing.stderr);
    });
  });
}
