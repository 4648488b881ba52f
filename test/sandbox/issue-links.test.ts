import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { addIssueLink, dropIssueLinks, linksOf } from '../../src/sandbox/issue-link-store.js';
import { ISSUE_LINK_TYPES } from '../../src/sandbox/model.js';
import { seedState } from '../../src/sandbox/seed.js';
import { Store } from '../../src/sandbox/store.js';
import { validateSchema } from '../support/openapi.js';
import { api, arr, assertConforms, call, FLAVORS, keys, login, obj } from './helpers.js';

for (const flavor of FLAVORS) {
  describe(`sandbox issue links (${flavor})`, () => {
    const refSchema = flavor === 'cloud' ? 'LinkedIssue' : 'IssueRefJsonBean';
    const typeSchema = flavor === 'cloud' ? 'IssueLinkType' : 'IssueLinkTypeJsonBean';

    it('create (201, empty), read, list on both issues and delete conform to the OpenAPI document', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const create = `${api(flavor)}/issueLink`;
        const created = await call(sb, create, {
          method: 'POST',
          headers: alice,
          body: { type: { name: 'Blocks' }, inwardIssue: { key: 'DEMO-1' }, outwardIssue: { key: 'DEMO-2' } },
        });
        assert.equal(created.status, 201);
        assert.equal(created.body, undefined, 'Jira answers the create with an empty body');
        assertConforms(flavor, 'POST', create, created);

        const source = await call(sb, `${api(flavor)}/issue/DEMO-1?fields=issuelinks`, { headers: alice });
        assertConforms(flavor, 'GET', `${api(flavor)}/issue/DEMO-1`, source);
        const [onSource] = arr(obj(obj(source.body).fields).issuelinks);
        assert.deepEqual(keys(onSource), ['id', 'outwardIssue', 'self', 'type']);
        const link = obj(onSource);
        assert.equal(obj(link.outwardIssue).key, 'DEMO-2');
        assert.deepEqual(keys(link.type), ['id', 'inward', 'name', 'outward', 'self']);
        for (const [name, value] of [
          [refSchema, link.outwardIssue],
          [typeSchema, link.type],
        ] as const) {
          const result = validateSchema(flavor, name, value);
          assert.ok(result.ok, `${name}: ${result.errors}`);
        }
        const destination = await call(sb, `${api(flavor)}/issue/DEMO-2?fields=issuelinks`, {
          headers: alice,
        });
        const [onDestination] = arr(obj(obj(destination.body).fields).issuelinks);
        assert.deepEqual(keys(onDestination), ['id', 'inwardIssue', 'self', 'type']);
        assert.equal(obj(obj(onDestination).inwardIssue).key, 'DEMO-1');

        const one = `${create}/${String(link.id)}`;
        const read = await call(sb, one, { headers: alice });
        assert.equal(read.status, 200);
        assertConforms(flavor, 'GET', one, read);
        assert.equal(obj(obj(read.body).inwardIssue).key, 'DEMO-1', 'read by id, inwardIssue is the source');
        assert.equal(obj(obj(read.body).outwardIssue).key, 'DEMO-2');

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

    it('a link whose other issue was deleted no longer shows', async () => {
      const sb = createSandbox({ flavor });
      try {
        const admin = login(flavor, 'admin');
        const create = `${api(flavor)}/issueLink`;
        const body = {
          type: { name: 'Relates' },
          inwardIssue: { key: 'DEMO-20' },
          outwardIssue: { key: 'DEMO-21' },
        };
        assert.equal((await call(sb, create, { method: 'POST', headers: admin, body })).status, 201);
        const issueLinks = async (key: string) =>
          arr(
            obj(
              obj((await call(sb, `${api(flavor)}/issue/${key}?fields=issuelinks`, { headers: admin })).body)
                .fields,
            ).issuelinks,
          );
        const [link] = await issueLinks('DEMO-20');
        const id = String(obj(link).id);
        const removed = await call(sb, `${api(flavor)}/issue/DEMO-21`, { method: 'DELETE', headers: admin });
        assert.equal(removed.status, 204);
        assert.deepEqual(await issueLinks('DEMO-20'), []);
        assert.equal((await call(sb, `${create}/${id}`, { headers: admin })).status, 404);
      } finally {
        await sb.close();
      }
    });

    it('answers a bad type, a hidden issue and a read-only project as Jira does', async () => {
      const sb = createSandbox({ flavor });
      try {
        const create = `${api(flavor)}/issueLink`;
        const send = (user: 'alice' | 'bob', body: unknown) =>
          call(sb, create, { method: 'POST', headers: login(flavor, user), body });
        const badType = await send('alice', {
          type: { name: 'Befriends' },
          inwardIssue: { key: 'DEMO-1' },
          outwardIssue: { key: 'DEMO-2' },
        });
        assert.equal(badType.status, 404);
        assert.deepEqual(obj(badType.body).errorMessages, [
          "No issue link type with name 'Befriends' found.",
        ]);
        assertConforms(flavor, 'POST', create, badType);

        const hidden = await send('bob', {
          type: { name: 'Blocks' },
          inwardIssue: { key: 'DEMO-1' },
          outwardIssue: { key: 'SECRET-1' },
        });
        assert.equal(hidden.status, 404);
        assertConforms(flavor, 'POST', create, hidden);

        // alice browses SECRET but may not edit it: the source's project decides.
        const readOnly = await send('alice', {
          type: { id: '10000' },
          inwardIssue: { key: 'SECRET-1' },
          outwardIssue: { key: 'DEMO-1' },
        });
        assert.equal(readOnly.status, 403);
        const shape = validateSchema(flavor, 'ErrorCollection', readOnly.body);
        assert.ok(shape.ok, shape.errors);
        const intoSecret = await send('alice', {
          type: { id: '10000' },
          inwardIssue: { key: 'DEMO-1' },
          outwardIssue: { key: 'SECRET-1' },
        });
        assert.equal(intoSecret.status, 201, 'linking toward a read-only issue needs only browsing it');
      } finally {
        await sb.close();
      }
    });
  });
}

describe('issue link store', () => {
  it('dropIssueLinks forgets every link of a deleted issue and keeps the others', () => {
    const store = new Store(seedState());
    const [a, b, c] = ['DEMO-1', 'DEMO-2', 'DEMO-3'].map((key) => store.issue(key));
    const blocks = ISSUE_LINK_TYPES[0];
    assert.ok(a && b && c && blocks);
    addIssueLink(store, blocks, a, b, 'admin');
    addIssueLink(store, blocks, c, a, 'admin');
    addIssueLink(store, blocks, b, c, 'admin');
    assert.equal(addIssueLink(store, blocks, a, b, 'admin').id, linksOf(store, a)[0]?.id, 'no duplicates');
    dropIssueLinks(store, a.id);
    assert.deepEqual(linksOf(store, a), []);
    assert.deepEqual(
      linksOf(store, b).map((l) => [l.sourceId, l.destinationId]),
      [[b.id, c.id]],
    );
  });
});
