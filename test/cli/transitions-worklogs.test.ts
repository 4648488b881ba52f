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

interface WireWorklog {
  id: string;
  timeSpentSeconds: number;
  started: string;
}

for (const flavor of flavors) {
  describe(`jirats transition and worklog (${flavor})`, () => {
    const run = runner(flavor);

    it('lists transitions and runs one by name with a comment and time spent', async () => {
      const listed = JSON.parse(ok(await run(['transition', 'list', 'DEMO-13', '-o', 'json']))) as {
        name: string;
      }[];
      assert.deepEqual(
        listed.map((t) => t.name),
        ['To Do', 'In Progress', 'Done'],
      );
      const moved = JSON.parse(
        ok(
          await run([
            'transition',
            'run',
            'DEMO-13',
            'in progress',
            '--comment',
            'Started on **this**',
            '--time-spent',
            '45m',
            '-o',
            'json',
          ]),
        ),
      ) as { fields: { status: { name: string } } };
      assert.equal(moved.fields.status.name, 'In Progress');
      const worklogs = JSON.parse(
        ok(await run(['worklog', 'list', 'DEMO-13', '-o', 'json'])),
      ) as WireWorklog[];
      assert.deepEqual(
        worklogs.map((w) => w.timeSpentSeconds),
        [2700],
      );
      const back = ok(await run(['issue', 'transition', 'DEMO-13', '11']));
      assert.match(back, /status\s+To Do/);
      const done = ok(await run(['Invoke-JiraIssueTransition', 'DEMO-13', 'Done']));
      assert.match(done, /status\s+Done/);
      assert.match(done, /resolution\s+Done/);
    });

    it('an unknown transition name exits 2 and names the choices; an unavailable id exits 5', async () => {
      const unknown = await run(['transition', 'run', 'DEMO-12', 'Teleport']);
      assert.equal(unknown.code, 2);
      assert.equal(unknown.stdout, '');
      assert.match(unknown.stderr, /Start Progress \(4\)/);
      const unavailable = await run(['transition', 'run', 'DEMO-12', '701']);
      assert.equal(unavailable.code, 5);
      assert.match(unavailable.stderr, /Transition id '701' is not valid for this issue/);
      const missing = await run(['transition', 'list', 'DEMO-999']);
      assert.equal(missing.code, 4);
    });

    it('worklog add, list -o json, update and remove --force', async () => {
      const added = JSON.parse(
        ok(
          await run([
            'worklog',
            'add',
            'DEMO-14',
            '--time-spent',
            '1h 30m',
            '--started',
            '2026-01-05T09:00:00Z',
            '--comment',
            'Pairing',
            '-o',
            'json',
          ]),
        ),
      ) as WireWorklog;
      assert.equal(added.timeSpentSeconds, 5400);
      assert.equal(added.started, '2026-01-05T09:00:00.000+0000');
      const listed = JSON.parse(
        ok(await run(['Get-JiraIssueWorklog', 'DEMO-14', '-o', 'json'])),
      ) as WireWorklog[];
      assert.deepEqual(
        listed.map((w) => w.id),
        [added.id],
      );
      const updated = ok(await run(['worklog', 'update', 'DEMO-14', added.id, '--time-spent', '2h']));
      assert.match(updated, /time spent\s+2h/);
      const dry = ok(await run(['worklog', 'remove', 'DEMO-14', added.id, '--dry-run']));
      assert.match(dry, new RegExp(`^DELETE .*/issue/DEMO-14/worklog/${added.id}\\n$`));
      const refused = await run(['worklog', 'remove', 'DEMO-14', added.id]);
      assert.equal(refused.code, 2, 'no confirmation without a terminal');
      ok(await run(['worklog', 'remove', 'DEMO-14', added.id, '--force']));
      assert.deepEqual(JSON.parse(ok(await run(['worklog', 'list', 'DEMO-14', '-o', 'json']))), []);
    });

    it('an invalid time spent exits 2 and a missing issue exits 4', async () => {
      const invalid = await run(['worklog', 'add', 'DEMO-14', '--time-spent', 'a while']);
      assert.equal(invalid.code, 2);
      assert.match(invalid.stderr, /'a while' is not a time span/);
      const missingTime = await run(['worklog', 'add', 'DEMO-14']);
      assert.equal(missingTime.code, 2);
      const missing = await run(['worklog', 'add', 'DEMO-999', '--time-spent', '1h']);
      assert.equal(missing.code, 4);
    });
  });
}
