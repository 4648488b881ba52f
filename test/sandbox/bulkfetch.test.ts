import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { arr, assertConforms, call, login, obj } from './helpers.js';

const PATH = '/rest/api/3/issue/bulkfetch';

describe('Cloud bulkfetch', () => {
  const sb = createSandbox({ flavor: 'cloud', generate: 150 });
  const dc = createSandbox({ flavor: 'datacenter' });
  after(async () => {
    await sb.close();
    await dc.close();
  });

  it('returns the asked issues in ascending id order with the asked fields, by key or id', async () => {
    const one = await call(sb, '/rest/api/3/issue/LOAD-1?fields=summary', {
      headers: login('cloud', 'admin'),
    });
    const idOfFirst = String(obj(one.body).id);
    const body = { issueIdsOrKeys: ['LOAD-3', idOfFirst, 'load-2'], fields: ['summary', 'status'] };
    const reply = await call(sb, PATH, { method: 'POST', headers: login('cloud', 'admin'), body });
    assert.equal(reply.status, 200);
    assertConforms('cloud', 'POST', PATH, reply);
    const issues = arr(obj(reply.body).issues).map(obj);
    assert.deepEqual(
      issues.map((i) => i.key),
      ['LOAD-1', 'LOAD-2', 'LOAD-3'],
    );
    const ids = issues.map((i) => Number(i.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    for (const issue of issues)
      assert.deepEqual(Object.keys(obj(issue.fields)).sort(), ['status', 'summary']);
    assert.deepEqual(obj(reply.body).issueErrors, []);
  });

  it('leaves out missing issues and issues the caller may not browse, as Jira does', async () => {
    const body = { issueIdsOrKeys: ['LOAD-1', 'NOPE-1', 'SECRET-1', '99999999'], fields: ['summary'] };
    const asBob = await call(sb, PATH, { method: 'POST', headers: login('cloud', 'bob'), body });
    assertConforms('cloud', 'POST', PATH, asBob);
    assert.deepEqual(
      arr(obj(asBob.body).issues).map((i) => obj(i).key),
      ['LOAD-1'],
    );
    const asAlice = await call(sb, PATH, { method: 'POST', headers: login('cloud', 'alice'), body });
    assert.deepEqual(
      arr(obj(asAlice.body).issues)
        .map((i) => obj(i).key)
        .sort(),
      ['LOAD-1', 'SECRET-1'],
    );
  });

  it('defaults to navigable fields and refuses an empty list or more than 100 entries', async () => {
    const headers = login('cloud', 'admin');
    const plain = await call(sb, PATH, { method: 'POST', headers, body: { issueIdsOrKeys: ['LOAD-5'] } });
    assertConforms('cloud', 'POST', PATH, plain);
    const fields = obj(obj(arr(obj(plain.body).issues)[0]).fields);
    assert.ok('summary' in fields && 'status' in fields && 'assignee' in fields);

    const many = Array.from({ length: 101 }, (_, i) => `LOAD-${i + 1}`);
    for (const issueIdsOrKeys of [[], many]) {
      const reply = await call(sb, PATH, { method: 'POST', headers, body: { issueIdsOrKeys } });
      assert.equal(reply.status, 400);
      assertConforms('cloud', 'POST', PATH, reply);
      assert.equal(arr(obj(reply.body).errorMessages).length, 1);
    }
    const hundred = await call(sb, PATH, {
      method: 'POST',
      headers,
      body: { issueIdsOrKeys: many.slice(0, 100) },
    });
    assert.equal(arr(obj(hundred.body).issues).length, 100);
  });

  it('does not exist on Data Center', async () => {
    const body = { issueIdsOrKeys: ['DEMO-1'] };
    const reply = await call(dc, '/rest/api/2/issue/bulkfetch', {
      method: 'POST',
      headers: login('datacenter', 'admin'),
      body,
    });
    assert.equal(reply.status, 404);
  });
});

describe('Cloud search/jql page sizes', () => {
  const sb = createSandbox({ flavor: 'cloud', generate: 6000 });
  after(() => sb.close());
  const jql = 'project = LOAD ORDER BY key ASC';

  it('serves up to 5000 ids per page when only ids are asked for, and 100 otherwise', async () => {
    const headers = login('cloud', 'admin');
    const path = '/rest/api/3/search/jql';
    const ids = await call(sb, path, {
      method: 'POST',
      headers,
      body: { jql, fields: ['id'], maxResults: 9000 },
    });
    assertConforms('cloud', 'POST', path, ids);
    assert.equal(arr(obj(ids.body).issues).length, 5000);
    assert.equal(obj(ids.body).isLast, false);
    const full = await call(sb, path, {
      method: 'POST',
      headers,
      body: { jql, fields: ['summary'], maxResults: 9000 },
    });
    assert.equal(arr(obj(full.body).issues).length, 100);
  });
});
