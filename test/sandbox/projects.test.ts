import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { api, assertConforms, call, FLAVORS, login, obj } from './helpers.js';

function list(value: unknown): Record<string, unknown>[] {
  assert.ok(Array.isArray(value), `expected an array: ${JSON.stringify(value)}`);
  return value.map(obj);
}

for (const flavor of FLAVORS) {
  describe(`project routes (${flavor})`, () => {
    it('lists projects, with the lead only when expanded, and hides what the caller cannot browse', async () => {
      const sb = createSandbox({ flavor });
      try {
        const path = `${api(flavor)}/project`;
        const plain = await call(sb, path, { headers: login(flavor, 'admin') });
        assert.equal(plain.status, 200);
        assertConforms(flavor, 'GET', path, plain);
        assert.deepEqual(
          list(plain.body).map((p) => [p.key, 'lead' in p]),
          [
            ['DEMO', false],
            ['SECRET', false],
          ],
        );
        const expanded = await call(sb, `${path}?expand=lead,description`, {
          headers: login(flavor, 'admin'),
        });
        assertConforms(flavor, 'GET', path, expanded);
        const lead = obj(list(expanded.body)[0]?.lead);
        assert.equal(lead.displayName, 'Sandbox Administrator');
        assert.equal(flavor === 'cloud' ? 'accountId' in lead : 'name' in lead, true);
        const bob = await call(sb, path, { headers: login(flavor, 'bob') });
        assert.deepEqual(
          list(bob.body).map((p) => p.key),
          ['DEMO'],
        );
        const hidden = await call(sb, `${path}/SECRET`, { headers: login(flavor, 'bob') });
        assert.equal(hidden.status, 404);
        assert.deepEqual(obj(hidden.body).errorMessages, ["No project could be found with key 'SECRET'."]);
        assert.equal((await call(sb, path)).status, 401);
      } finally {
        await sb.close();
      }
    });

    it('serves components and versions as arrays, and versions as ordered pages', async () => {
      const sb = createSandbox({ flavor });
      const headers = login(flavor, 'alice');
      try {
        for (const resource of ['components', 'versions']) {
          const path = `${api(flavor)}/project/DEMO/${resource}`;
          const reply = await call(sb, path, { headers });
          assertConforms(flavor, 'GET', path, reply);
          assert.equal(list(reply.body).length, 3);
        }
        const path = `${api(flavor)}/project/DEMO/version`;
        const page = await call(sb, `${path}?orderBy=-name&maxResults=2&startAt=1`, { headers });
        assertConforms(flavor, 'GET', path, page);
        const body = obj(page.body);
        assert.deepEqual(
          list(body.values).map((v) => v.name),
          ['1.1', '1.0'],
        );
        assert.equal(body.total, 3);
        assert.equal(body.isLast, true);
        const bad = await call(sb, `${path}?orderBy=colour`, { headers });
        assert.equal(bad.status, 400);
        const released = await call(sb, `${api(flavor)}/version/10000`, { headers });
        assertConforms(flavor, 'GET', `${api(flavor)}/version/10000`, released);
        assert.equal(obj(released.body).userReleaseDate, '16/Jan/26');
      } finally {
        await sb.close();
      }
    });

    if (flavor === 'cloud') {
      it('pages /project/search', async () => {
        const sb = createSandbox({ flavor });
        try {
          const path = `${api(flavor)}/project/search`;
          const reply = await call(sb, `${path}?maxResults=1&startAt=1&expand=lead`, {
            headers: login(flavor, 'admin'),
          });
          assertConforms(flavor, 'GET', path, reply);
          const body = obj(reply.body);
          assert.deepEqual(
            list(body.values).map((p) => p.key),
            ['SECRET'],
          );
          assert.equal(body.total, 2);
        } finally {
          await sb.close();
        }
      });
    }
  });
}
