import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, type Flavor, type Sandbox } from '../../src/sandbox/index.js';
import { api, arr, assertConforms, call, FLAVORS, login, obj } from './helpers.js';

// Seeded DEMO issues: DEMO-11 is a Task in To Do, DEMO-12 a Bug in Open (classic workflow).
const TASK = 'DEMO-11';
const BUG = 'DEMO-12';

async function transitionsOf(sb: Sandbox, flavor: Flavor, key: string, query = '') {
  const path = `${api(flavor)}/issue/${key}/transitions${query}`;
  const reply = await call(sb, path, { headers: login(flavor, 'alice') });
  assert.equal(reply.status, 200);
  assertConforms(flavor, 'GET', path, reply);
  return arr(obj(reply.body).transitions).map(obj);
}

async function issueFields(sb: Sandbox, flavor: Flavor, key: string, extra = '') {
  const path = `${api(flavor)}/issue/${key}?fields=status,resolution,resolutiondate,comment,worklog,timespent${extra}`;
  const reply = await call(sb, path, { headers: login(flavor, 'admin') });
  assert.equal(reply.status, 200);
  return obj(reply.body);
}

function post(
  sb: Sandbox,
  flavor: Flavor,
  key: string,
  body: unknown,
  who: 'admin' | 'alice' | 'bob' = 'alice',
) {
  return call(sb, `${api(flavor)}/issue/${key}/transitions`, {
    method: 'POST',
    headers: login(flavor, who),
    body,
  });
}

const text = (flavor: Flavor, words: string) =>
  flavor === 'cloud'
    ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] }
    : words;

for (const flavor of FLAVORS) {
  describe(`sandbox transitions (${flavor})`, () => {
    it('lists the simplified workflow for a Task and the classic one for a Bug', async () => {
      const sb = createSandbox({ flavor });
      try {
        const task = await transitionsOf(sb, flavor, TASK);
        assert.deepEqual(
          task.map((t) => [t.id, t.name, obj(t.to).name]),
          [
            ['11', 'To Do', 'To Do'],
            ['21', 'In Progress', 'In Progress'],
            ['31', 'Done', 'Done'],
          ],
        );
        assert.equal('fields' in (task[0] ?? {}), false);
        assert.equal('isGlobal' in (task[0] ?? {}), flavor === 'cloud');
        const bug = await transitionsOf(sb, flavor, BUG, '?expand=transitions.fields');
        assert.deepEqual(
          bug.map((t) => [t.id, t.name, obj(t.to).name]),
          [
            ['4', 'Start Progress', 'In Progress'],
            ['5', 'Resolve Issue', 'Resolved'],
            ['2', 'Close Issue', 'Closed'],
          ],
        );
        assert.deepEqual(bug[0]?.fields, {});
        const resolution = obj(obj(bug[1]?.fields).resolution);
        assert.equal(resolution.required, true);
        assert.ok(arr(resolution.allowedValues).some((v) => obj(v).name === "Won't Do"));
        const expanded = await issueFields(sb, flavor, BUG, '&expand=transitions');
        assert.deepEqual(
          arr(expanded.transitions).map((t) => obj(t).name),
          ['Start Progress', 'Resolve Issue', 'Close Issue'],
        );
        const one = await transitionsOf(sb, flavor, BUG, '?transitionId=5');
        assert.deepEqual(
          one.map((t) => t.id),
          ['5'],
        );
      } finally {
        await sb.close();
      }
    });

    it('resolves a Bug with a resolution, comment and worklog, then reopening clears the resolution', async () => {
      const sb = createSandbox({ flavor });
      try {
        const before = obj((await issueFields(sb, flavor, BUG)).fields);
        const resolved = await post(sb, flavor, BUG, {
          transition: { id: '5' },
          fields: { resolution: { name: "Won't Do" } },
          update: {
            comment: [{ add: { body: text(flavor, 'Not worth fixing') } }],
            worklog: [{ add: { timeSpent: '1h 30m', started: '2026-01-05T10:00:00.000+0000' } }],
          },
        });
        assert.equal(resolved.status, 204);
        const after = await issueFields(sb, flavor, BUG, '&expand=changelog');
        const fields = obj(after.fields);
        assert.equal(obj(fields.status).name, 'Resolved');
        assert.equal(obj(fields.resolution).name, "Won't Do");
        assert.match(String(fields.resolutiondate), /^\d{4}-\d\d-\d\dT.*\+0000$/);
        const comments = arr(obj(fields.comment).comments).map(obj);
        assert.equal(comments.length, arr(obj(before.comment).comments).length + 1);
        assert.match(JSON.stringify(comments.at(-1)?.body), /Not worth fixing/);
        const worklog = obj(fields.worklog);
        assert.equal(worklog.total, 1);
        assert.equal(obj(arr(worklog.worklogs)[0]).timeSpentSeconds, 5400);
        assert.equal(obj(arr(worklog.worklogs)[0]).started, '2026-01-05T10:00:00.000+0000');
        assert.equal(fields.timespent, 5400);
        const items = arr(obj(after.changelog).histories)
          .flatMap((h) => arr(obj(h).items))
          .map(obj)
          .map((i) => `${String(i.field)}:${String(i.toString)}`);
        assert.ok(items.includes('status:Resolved'), items.join());
        assert.ok(items.includes("resolution:Won't Do"), items.join());

        const reopened = await post(sb, flavor, BUG, { transition: { id: '3' } });
        assert.equal(reopened.status, 204);
        const again = obj((await issueFields(sb, flavor, BUG)).fields);
        assert.equal(obj(again.status).name, 'Reopened');
        assert.equal(again.resolution, null);
        assert.equal(again.resolutiondate, null);
      } finally {
        await sb.close();
      }
    });

    it('Done on the simplified workflow sets resolution Done; To Do clears it', async () => {
      const sb = createSandbox({ flavor });
      try {
        assert.equal((await post(sb, flavor, TASK, { transition: { id: 31 } })).status, 204);
        const done = obj((await issueFields(sb, flavor, TASK)).fields);
        assert.equal(obj(done.resolution).name, 'Done');
        assert.equal((await post(sb, flavor, TASK, { transition: { id: '11' } })).status, 204);
        const open = obj((await issueFields(sb, flavor, TASK)).fields);
        assert.equal(obj(open.status).name, 'To Do');
        assert.equal(open.resolution, null);
      } finally {
        await sb.close();
      }
    });

    it('refuses a transition not available from the current status and leaves the issue alone', async () => {
      const sb = createSandbox({ flavor });
      try {
        const bad = await post(sb, flavor, BUG, { transition: { id: '701' } });
        assert.equal(bad.status, 400);
        assert.deepEqual(bad.body, {
          errorMessages: ["Transition id '701' is not valid for this issue."],
          errors: {},
        });
        const path = `${api(flavor)}/issue/${BUG}/transitions`;
        assertConforms(flavor, 'POST', path, bad);
        const resolution = await post(sb, flavor, BUG, {
          transition: { id: '4' },
          fields: { resolution: { name: 'Done' } },
        });
        assert.equal(resolution.status, 400);
        assert.match(String(obj(obj(resolution.body).errors).resolution), /cannot be set/);
        const badTime = await post(sb, flavor, BUG, {
          transition: { id: '4' },
          update: { worklog: [{ add: { timeSpent: 'soon' } }] },
        });
        assert.equal(badTime.status, 400);
        assert.deepEqual(obj(badTime.body).errors, { timeLogged: 'Invalid time duration entered.' });
        const fields = obj((await issueFields(sb, flavor, BUG)).fields);
        assert.equal(obj(fields.status).name, 'Open');
        assert.equal(obj(fields.worklog).total, 0);
      } finally {
        await sb.close();
      }
    });

    it('needs edit rights (403) and hides what the caller may not browse (404)', async () => {
      const sb = createSandbox({ flavor });
      try {
        const denied = await post(sb, flavor, 'SECRET-1', { transition: { id: '21' } }, 'alice');
        assert.equal(denied.status, 403);
        const hidden = await post(sb, flavor, 'SECRET-1', { transition: { id: '21' } }, 'bob');
        assert.equal(hidden.status, 404);
        const list = await call(sb, `${api(flavor)}/issue/SECRET-1/transitions`, {
          headers: login(flavor, 'bob'),
        });
        assert.equal(list.status, 404);
      } finally {
        await sb.close();
      }
    });
  });
}
