import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { validateResponse, validateSchema } from '../support/openapi.js';
import { api, arr, assertConforms, call, FLAVORS, keys, login, obj } from './helpers.js';

const GLOBAL_ID = 'system=https://support.example.com&id=7';

for (const flavor of FLAVORS) {
  describe(`sandbox remote links (${flavor})`, () => {
    /** Cloud documents the create reply; Data Center's document lists only an empty 200 bean for it. */
    function assertCreateReply(path: string, reply: { status: number; body: unknown }): void {
      const result =
        flavor === 'cloud'
          ? validateResponse(flavor, 'POST', path, reply.status, reply.body)
          : validateSchema('cloud', 'RemoteIssueLinkIdentifies', reply.body);
      assert.ok(result.ok, result.errors);
      assert.deepEqual(keys(reply.body), ['id', 'self']);
    }

    it('the remote link lifecycle conforms to the OpenAPI document', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const list = `${api(flavor)}/issue/DEMO-1/remotelink`;
        const link = {
          globalId: GLOBAL_ID,
          application: { type: 'com.example.support', name: 'Support' },
          relationship: 'causes',
          object: {
            url: 'https://support.example.com/7',
            title: 'Ticket 7',
            summary: 'Login fails',
            icon: { url16x16: 'https://support.example.com/icon.png', title: 'Support' },
            status: { resolved: false },
          },
        };
        const created = await call(sb, list, { method: 'POST', headers: alice, body: link });
        assert.equal(created.status, 201);
        assertCreateReply(list, created);
        const id = String(obj(created.body).id);
        assert.match(String(obj(created.body).self), new RegExp(`/issue/DEMO-1/remotelink/${id}$`));

        const again = await call(sb, list, {
          method: 'POST',
          headers: alice,
          body: { ...link, object: { ...link.object, title: 'Ticket 7 (closed)' } },
        });
        assert.equal(again.status, 200, 'a known global id updates');
        assertCreateReply(list, again);
        assert.equal(String(obj(again.body).id), id);

        const listed = await call(sb, list, { headers: alice });
        assertConforms(flavor, 'GET', list, listed);
        assert.equal(arr(listed.body).length, 1);
        const first = obj(arr(listed.body)[0]);
        assert.deepEqual(keys(first), ['application', 'globalId', 'id', 'object', 'relationship', 'self']);
        assert.equal(obj(first.object).title, 'Ticket 7 (closed)');

        const byGlobalId = await call(sb, `${list}?globalId=${encodeURIComponent(GLOBAL_ID)}`, {
          headers: alice,
        });
        assertConforms(flavor, 'GET', list, byGlobalId);
        assert.equal(obj(byGlobalId.body).id, Number(id), 'with a global id, the one link');

        const one = `${list}/${id}`;
        const read = await call(sb, one, { headers: alice });
        assertConforms(flavor, 'GET', one, read);

        const replaced = await call(sb, one, {
          method: 'PUT',
          headers: alice,
          body: { object: { url: 'https://example.com/x', title: 'X' } },
        });
        assert.equal(replaced.status, 204);
        assertConforms(flavor, 'PUT', one, replaced);
        const after = obj((await call(sb, one, { headers: alice })).body);
        assert.equal(after.globalId, undefined, 'a replace clears what it leaves out');

        const missingTitle = await call(sb, list, {
          method: 'POST',
          headers: alice,
          body: { object: { url: 'https://example.com' } },
        });
        assert.equal(missingTitle.status, 400);
        assert.deepEqual(obj(missingTitle.body).errors, { title: "'title' is required." });
        // Cloud's document gives this 400 only as an example (an ErrorCollection), with no schema.
        const shape = validateSchema(flavor, 'ErrorCollection', missingTitle.body);
        assert.ok(shape.ok, shape.errors);

        const removed = await call(sb, one, { method: 'DELETE', headers: alice });
        assert.equal(removed.status, 204);
        assertConforms(flavor, 'DELETE', one, removed);
        const gone = await call(sb, one, { headers: alice });
        assert.equal(gone.status, 404);
        assertConforms(flavor, 'GET', one, gone);
      } finally {
        await sb.close();
      }
    });

    it('deletes by global id, and guards hidden and read-only issues', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const list = `${api(flavor)}/issue/DEMO-2/remotelink`;
        const body = { globalId: GLOBAL_ID, object: { url: 'https://example.com/7', title: 'Seven' } };
        assert.equal((await call(sb, list, { method: 'POST', headers: alice, body })).status, 201);
        const byGlobalId = `${list}?globalId=${encodeURIComponent(GLOBAL_ID)}`;
        const removed = await call(sb, byGlobalId, { method: 'DELETE', headers: alice });
        assert.equal(removed.status, 204);
        assertConforms(flavor, 'DELETE', list, removed);
        assert.deepEqual((await call(sb, list, { headers: alice })).body, []);
        const noId = await call(sb, list, { method: 'DELETE', headers: alice });
        assert.equal(noId.status, 400);

        const hidden = await call(sb, `${api(flavor)}/issue/SECRET-1/remotelink`, {
          headers: login(flavor, 'bob'),
        });
        assert.equal(hidden.status, 404);
        const readOnly = await call(sb, `${api(flavor)}/issue/SECRET-1/remotelink`, {
          method: 'POST',
          headers: alice,
          body,
        });
        assert.equal(readOnly.status, 403);
        assertConforms(flavor, 'POST', `${api(flavor)}/issue/SECRET-1/remotelink`, readOnly);
      } finally {
        await sb.close();
      }
    });
  });
}
