import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, type Jira, JiraError, PermissionError } from '../../src/index.js';
import { CREDS, type SentRequest, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];

// Seeded DEMO issues: DEMO-11 is a Task in To Do, DEMO-12 a Bug in Open (classic workflow).
const TASK = 'DEMO-11';
const BUG = 'DEMO-12';

async function withSandbox(
  flavor: Flavor,
  body: (ctx: ReturnType<typeof sandboxClient>) => Promise<void>,
  user: 'admin' | 'alice' | 'bob' = 'alice',
): Promise<void> {
  const auth = flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
  const ctx = sandboxClient(flavor, { auth, deployment: flavor });
  try {
    await body(ctx);
  } finally {
    await ctx.sb.close();
  }
}

async function state(jira: Jira, key: string) {
  const issue = await jira.issues.get(key, { fields: ['status', 'resolution', 'resolutiondate'] });
  const resolution = issue.fields.resolution as { name?: string } | null;
  return {
    status: issue.status,
    resolution: resolution?.name ?? null,
    resolved: issue.fields.resolutiondate,
  };
}

const posts = (sent: SentRequest[]) =>
  sent.filter((r) => r.method === 'POST' && r.url.includes('/transitions'));

for (const flavor of FLAVORS) {
  describe(`issue transitions (${flavor})`, () => {
    it('lists the transitions of each issue type’s workflow, with screen fields on request', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const task = await jira.issues.transitions.list(TASK);
        assert.deepEqual(
          task.map((t) => [t.id, t.name, t.to.name, t.to.category?.key]),
          [
            ['11', 'To Do', 'To Do', 'new'],
            ['21', 'In Progress', 'In Progress', 'indeterminate'],
            ['31', 'Done', 'Done', 'done'],
          ],
        );
        assert.equal(task[0]?.fields, undefined);
        const bug = await jira.issues.transitions.list(BUG, { fields: true });
        assert.deepEqual(
          bug.map((t) => t.name),
          ['Start Progress', 'Resolve Issue', 'Close Issue'],
        );
        const resolution = bug.find((t) => t.id === '5')?.fields?.resolution;
        assert.equal(resolution?.required, true);
        assert.equal(resolution?.allowedValues?.length, 4);
      });
    });

    it('transitions by name in any case and by id; a comment and time spent come along', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await jira.issues.transition(BUG, 'start progress', {
          comment: 'Picking this up **now**',
          timeSpent: '1h 30m',
        });
        assert.equal((await state(jira, BUG)).status, 'In Progress');
        const comments = [];
        for await (const c of jira.issues.comments.list(BUG)) comments.push(c);
        assert.equal(comments.at(-1)?.body, 'Picking this up **now**');
        const worklogs = [];
        for await (const w of jira.issues.worklogs.list(BUG)) worklogs.push(w);
        assert.equal(worklogs.length, 1);
        assert.equal(worklogs[0]?.timeSpentSeconds, 5400);
        const wire = JSON.parse(posts(sent).at(-1)?.body ?? '{}');
        assert.deepEqual(wire.transition, { id: '4' });

        const before = posts(sent).length;
        await jira.issues.transition(BUG, 301);
        assert.equal((await state(jira, BUG)).status, 'Open');
        assert.equal(posts(sent).length, before + 1);
      });
    });

    it('a full cycle: resolve sets the resolution and date, close keeps it, reopen clears it', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        await jira.issues.transition(BUG, 'Resolve Issue', { resolution: "won't do" });
        const resolved = await state(jira, BUG);
        assert.deepEqual([resolved.status, resolved.resolution], ['Resolved', "Won't Do"]);
        assert.equal(typeof resolved.resolved, 'string');
        await jira.issues.transition(BUG, 'Closed');
        const closed = await state(jira, BUG);
        assert.deepEqual([closed.status, closed.resolution], ['Closed', "Won't Do"]);
        await jira.issues.transition(BUG, 'reopen issue');
        const reopened = await state(jira, BUG);
        assert.deepEqual([reopened.status, reopened.resolution, reopened.resolved], ['Reopened', null, null]);

        await assert.rejects(jira.issues.transition(TASK, 'Done', { resolution: 'Nope' }), InputError);
        await jira.issues.transition(TASK, 'Done', { resolution: 'duplicate' });
        assert.equal((await state(jira, TASK)).resolution, 'Duplicate');
        await jira.issues.transition(TASK, 'Done');
        assert.equal((await state(jira, TASK)).resolution, 'Duplicate', 'a looped Done keeps the resolution');
        await jira.issues.transition(TASK, 'to do');
        assert.equal((await state(jira, TASK)).resolution, null);
      });
    });

    it('assigns and unassigns with the transition, and sets screen fields by name', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        await jira.issues.transition(TASK, 'In Progress', {
          assignee: 'bob@example.com',
          fields: { Summary: 'Renamed on the way' },
        });
        const issue = await jira.issues.get(TASK, { fields: ['assignee', 'summary'] });
        assert.equal(issue.assignee?.displayName, (await jira.users.find('bob@example.com')).displayName);
        assert.equal(issue.summary, 'Renamed on the way');
        await jira.issues.transition(TASK, 'To Do', { assignee: null });
        assert.equal((await jira.issues.get(TASK, { fields: ['assignee'] })).assignee, null);
      });
    });

    it('an unknown name is an InputError listing what is available, and nothing is posted', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await assert.rejects(jira.issues.transition(BUG, 'Fly away'), (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.match(
            error.message,
            /no transition 'Fly away'; available: Start Progress \(4\) -> In Progress/,
          );
          return true;
        });
        await assert.rejects(jira.issues.transition(BUG, 'Start', { timeSpent: 'a while' }), InputError);
        assert.equal(posts(sent).length, 0);
        assert.equal((await state(jira, BUG)).status, 'Open');
      });
    });

    it('an id the status does not offer is a JiraError 400 and the issue stays put', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        await assert.rejects(jira.issues.transition(BUG, '701'), (error: unknown) => {
          assert.ok(error instanceof JiraError);
          assert.equal(error.status, 400);
          assert.deepEqual(error.errorMessages, ["Transition id '701' is not valid for this issue."]);
          return true;
        });
        assert.equal((await state(jira, BUG)).status, 'Open');
      });
    });

    it('needs edit rights: alice may browse SECRET but not transition it', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        assert.ok((await jira.issues.transitions.list('SECRET-1')).length > 0);
        await assert.rejects(jira.issues.transition('SECRET-1', '21'), PermissionError);
      });
    });
  });
}
