import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { api, assertConforms, call, FLAVORS, login, obj } from './helpers.js';

for (const flavor of FLAVORS) {
  describe(`sandbox comments (${flavor})`, () => {
    const body = (markdownish: string) =>
      flavor === 'cloud'
        ? {
            type: 'doc',
            version: 1,
            content: [{ type: 'paragraph', content: [{ type: 'text', text: markdownish }] }],
          }
        : markdownish;

    it('every reply of the comment lifecycle conforms to the OpenAPI document', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const base = `${api(flavor)}/issue/DEMO-1/comment`;
        const created = await call(sb, base, {
          method: 'POST',
          headers: alice,
          body: { body: body('hello') },
        });
        assert.equal(created.status, 201);
        assertConforms(flavor, 'POST', base, created);
        const id = String(obj(created.body).id);

        const listed = await call(sb, `${base}?startAt=0&maxResults=1`, { headers: alice });
        assert.equal(listed.status, 200);
        assertConforms(flavor, 'GET', base, listed);
        const page = obj(listed.body);
        assert.equal(page.maxResults, 1);
        assert.ok(Number(page.total) >= 1);

        const one = await call(sb, `${base}/${id}`, { headers: alice });
        assertConforms(flavor, 'GET', `${base}/${id}`, one);

        const edited = await call(sb, `${base}/${id}`, {
          method: 'PUT',
          headers: alice,
          body: { body: body('changed'), visibility: { type: 'group', value: 'jira-users' } },
        });
        assert.equal(edited.status, 200);
        assertConforms(flavor, 'PUT', `${base}/${id}`, edited);
        assert.deepEqual(obj(edited.body).visibility, { type: 'group', value: 'jira-users' });

        const removed = await call(sb, `${base}/${id}`, { method: 'DELETE', headers: alice });
        assert.equal(removed.status, 204);
        assert.equal(removed.body, undefined);
        if (flavor === 'datacenter') assert.match(removed.headers.get('content-type') ?? '', /^text\/html/);
        assertConforms(flavor, 'DELETE', `${base}/${id}`, removed);

        const gone = await call(sb, `${base}/${id}`, { headers: alice });
        assert.equal(gone.status, 404);
      } finally {
        await sb.close();
      }
    });

    it('an empty body is a 400 with the comment field error', async () => {
      const sb = createSandbox({ flavor });
      try {
        const path = `${api(flavor)}/issue/DEMO-1/comment`;
        const reply = await call(sb, path, {
          method: 'POST',
          headers: login(flavor, 'alice'),
          body: { body: flavor === 'cloud' ? { type: 'doc', version: 1, content: [] } : '' },
        });
        assert.equal(reply.status, 400);
        assert.deepEqual(reply.body, {
          errorMessages: [],
          errors: { comment: 'Comment body can not be empty!' },
        });
      } finally {
        await sb.close();
      }
    });

    it('v2 takes wiki markup and stores it as Markdown', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const path = '/rest/api/2/issue/DEMO-1/comment';
        const created = await call(sb, path, {
          method: 'POST',
          headers: alice,
          body: { body: 'a *bold* word' },
        });
        assert.equal(created.status, 201);
        assert.equal(obj(created.body).body, 'a *bold* word');
        if (flavor === 'cloud') {
          const id = String(obj(created.body).id);
          const v3 = await call(sb, `/rest/api/3/issue/DEMO-1/comment/${id}`, { headers: alice });
          const doc = JSON.stringify(obj(v3.body).body);
          assert.match(doc, /"strong"/, 'the bold survives into ADF');
        }
      } finally {
        await sb.close();
      }
    });
  });
}
