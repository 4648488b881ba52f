import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, type Flavor, type Sandbox } from '../../src/sandbox/index.js';
import { validateSchema } from '../support/openapi.js';
import { api, arr, assertConforms, call, FLAVORS, login, obj } from './helpers.js';

const text = (flavor: Flavor, words: string) =>
  flavor === 'cloud'
    ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] }
    : words;

async function fieldsOf(sb: Sandbox, flavor: Flavor, key: string) {
  const path = `${api(flavor)}/issue/${key}?fields=timespent,timeestimate,timetracking,worklog,progress`;
  return obj(obj((await call(sb, path, { headers: login(flavor, 'admin') })).body).fields);
}

for (const flavor of FLAVORS) {
  describe(`sandbox worklogs (${flavor})`, () => {
    const base = `${api(flavor)}/issue/DEMO-3/worklog`;

    it('every reply of the worklog lifecycle conforms to the OpenAPI document', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const created = await call(sb, base, {
          method: 'POST',
          headers: alice,
          body: {
            timeSpent: '1h 30m',
            started: '2026-01-05T10:00:00.000+0000',
            comment: text(flavor, 'pairing'),
          },
        });
        assert.equal(created.status, 201);
        assertConforms(flavor, 'POST', base, created);
        const worklog = obj(created.body);
        assert.equal(worklog.timeSpent, '1h 30m');
        assert.equal(worklog.timeSpentSeconds, 5400);
        assert.equal(worklog.started, '2026-01-05T10:00:00.000+0000');
        assert.match(JSON.stringify(worklog.comment), /pairing/);
        const id = String(worklog.id);

        const second = await call(sb, base, {
          method: 'POST',
          headers: alice,
          body: { timeSpentSeconds: '7200', started: '2026-01-06T09:00:00.000+0000' },
        });
        assert.equal(second.status, 201);
        assert.equal('comment' in obj(second.body), false);

        const page = await call(sb, `${base}?startAt=1&maxResults=1`, { headers: alice });
        assert.equal(page.status, 200);
        assertConforms(flavor, 'GET', base, page);
        assert.equal(obj(page.body).total, 2);
        assert.deepEqual(
          arr(obj(page.body).worklogs).map((w) => obj(w).timeSpent),
          ['2h'],
        );

        const one = await call(sb, `${base}/${id}`, { headers: alice });
        assertConforms(flavor, 'GET', `${base}/${id}`, one);
        assert.equal(obj(one.body).id, id);

        const edited = await call(sb, `${base}/${id}`, {
          method: 'PUT',
          headers: alice,
          body: { timeSpent: '1d' },
        });
        assert.equal(edited.status, 200);
        assertConforms(flavor, 'PUT', `${base}/${id}`, edited);
        assert.equal(obj(edited.body).timeSpentSeconds, 8 * 3600);
        assert.match(
          JSON.stringify(obj(edited.body).comment),
          /pairing/,
          'an update keeps what it does not send',
        );

        const fields = await fieldsOf(sb, flavor, 'DEMO-3');
        assert.equal(fields.timespent, 10 * 3600);
        assert.deepEqual(fields.timetracking, { timeSpent: '1d 2h', timeSpentSeconds: 36000 });
        assert.equal(obj(fields.worklog).total, 2);
        // Data Center's document has no time-tracking schema; Cloud's TimeTrackingDetails is checked.
        if (flavor === 'cloud') {
          const tracking = validateSchema(flavor, 'TimeTrackingDetails', fields.timetracking);
          assert.ok(tracking.ok, String(tracking.errors));
        }

        const removed = await call(sb, `${base}/${id}`, { method: 'DELETE', headers: alice });
        assert.equal(removed.status, 204);
        assertConforms(flavor, 'DELETE', `${base}/${id}`, removed);
        const gone = await call(sb, `${base}/${id}`, { headers: alice });
        assert.equal(gone.status, 404);
        assert.equal((await fieldsOf(sb, flavor, 'DEMO-3')).timespent, 7200);
      } finally {
        await sb.close();
      }
    });

    it('refuses missing or invalid time spent and unparseable start dates with field errors', async () => {
      const sb = createSandbox({ flavor });
      try {
        const headers = login(flavor, 'bob');
        const cases: [unknown, Record<string, string>][] = [
          [{}, { timeLogged: 'You must indicate the time spent working.' }],
          [{ timeSpent: 'an hour' }, { timeLogged: 'Invalid time duration entered.' }],
          [{ timeSpent: '1h 1h' }, { timeLogged: 'Invalid time duration entered.' }],
          [{ timeSpentSeconds: 0 }, { timeLogged: 'Invalid time duration entered.' }],
        ];
        for (const [body, errors] of cases) {
          const reply = await call(sb, base, { method: 'POST', headers, body });
          assert.equal(reply.status, 400, JSON.stringify(body));
          assert.deepEqual(obj(reply.body).errors, errors);
        }
        const badDate = await call(sb, base, {
          method: 'POST',
          headers,
          body: { timeSpent: '1h', started: 'yesterday' },
        });
        assert.equal(badDate.status, 400);
        assert.ok('started' in obj(obj(badDate.body).errors));
        assert.equal(obj((await fieldsOf(sb, flavor, 'DEMO-3')).worklog).total, 0);
      } finally {
        await sb.close();
      }
    });

    it('adjusts the remaining estimate: new sets it, auto reduces it, leave keeps it, delete gives it back', async () => {
      const sb = createSandbox({ flavor });
      try {
        const headers = login(flavor, 'alice');
        const log = (query: string, timeSpent: string) =>
          call(sb, `${base}${query}`, { method: 'POST', headers, body: { timeSpent } });
        assert.equal((await log('?adjustEstimate=new&newEstimate=1d', '1h')).status, 201);
        assert.equal((await fieldsOf(sb, flavor, 'DEMO-3')).timeestimate, 8 * 3600);
        const auto = await log('', '2h');
        assert.equal((await fieldsOf(sb, flavor, 'DEMO-3')).timeestimate, 6 * 3600);
        assert.equal((await log('?adjustEstimate=leave', '1h')).status, 201);
        assert.equal((await fieldsOf(sb, flavor, 'DEMO-3')).timeestimate, 6 * 3600);
        const id = String(obj(auto.body).id);
        const removed = await call(sb, `${base}/${id}`, { method: 'DELETE', headers });
        assert.equal(removed.status, 204);
        const fields = await fieldsOf(sb, flavor, 'DEMO-3');
        assert.equal(fields.timeestimate, 8 * 3600);
        assert.deepEqual(fields.progress, { progress: 7200, total: 7200 + 8 * 3600, percent: 20 });
        const bad = await log('?adjustEstimate=new', '1h');
        assert.equal(bad.status, 400);
        assert.deepEqual(obj(bad.body).errors, { newEstimate: 'Invalid time duration entered.' });
      } finally {
        await sb.close();
      }
    });

    it('only the author or an administrator changes a worklog; logging needs edit rights', async () => {
      const sb = createSandbox({ flavor });
      try {
        const created = await call(sb, base, {
          method: 'POST',
          headers: login(flavor, 'alice'),
          body: { timeSpent: '30m' },
        });
        const one = `${base}/${String(obj(created.body).id)}`;
        const byBob = await call(sb, one, {
          method: 'PUT',
          headers: login(flavor, 'bob'),
          body: { timeSpent: '1h' },
        });
        assert.equal(byBob.status, 403);
        assert.equal((await call(sb, one, { method: 'DELETE', headers: login(flavor, 'bob') })).status, 403);
        const byAdmin = await call(sb, one, {
          method: 'PUT',
          headers: login(flavor, 'admin'),
          body: { timeSpent: '1h' },
        });
        assert.equal(byAdmin.status, 200);
        assert.equal(obj(obj(byAdmin.body).updateAuthor).displayName !== undefined, true);
        const secret = `${api(flavor)}/issue/SECRET-1/worklog`;
        const denied = await call(sb, secret, {
          method: 'POST',
          headers: login(flavor, 'alice'),
          body: { timeSpent: '1h' },
        });
        assert.equal(denied.status, 403);
        const hidden = await call(sb, secret, { headers: login(flavor, 'bob') });
        assert.equal(hidden.status, 404);
      } finally {
        await sb.close();
      }
    });
  });
}
