import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { seedState, statusId } from '../../src/sandbox/seed.js';
import { arr, assertConforms, call, keys, login, obj, type Reply } from './helpers.js';

const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
const ALL_DEMO = 'project = DEMO ORDER BY key ASC';

/** A search reply checked against the spec. */
async function search(
  sb: Sandbox,
  flavor: 'cloud' | 'datacenter',
  path: string,
  init: Parameters<typeof call>[2] = {},
) {
  const reply = await call(sb, path, init);
  assertConforms(flavor, init.method ?? 'GET', path, reply);
  return reply;
}

function issueKeys(reply: Reply): string[] {
  return arr(obj(reply.body).issues).map((i) => String(obj(i).key));
}

describe('Data Center search (offset paging)', () => {
  const sb = createSandbox({ flavor: 'datacenter' });
  const big = createSandbox({ flavor: 'datacenter', generate: 1100 });
  after(async () => {
    await sb.close();
    await big.close();
  });
  const bob = login('datacenter', 'bob');

  it('pages with startAt and maxResults, reporting total on every page', async () => {
    const seen: string[] = [];
    for (let startAt = 0; startAt < 30; startAt += 7) {
      const path = `/rest/api/2/search?jql=${encodeURIComponent(ALL_DEMO)}&startAt=${startAt}&maxResults=7&fields=summary`;
      const reply = await search(sb, 'datacenter', path, { headers: bob });
      const body = obj(reply.body);
      assert.deepEqual(keys(body), ['expand', 'issues', 'maxResults', 'startAt', 'total']);
      assert.equal(body.total, 30);
      assert.equal(body.startAt, startAt);
      assert.equal(body.maxResults, 7);
      seen.push(...issueKeys(reply));
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 30 }, (_, i) => `DEMO-${i + 1}`),
    );
  });

  it('defaults to 50 per page and *navigable fields, and silently caps maxResults at 1000', async () => {
    const plain = obj(
      (
        await search(sb, 'datacenter', `/rest/api/2/search?jql=${encodeURIComponent(ALL_DEMO)}`, {
          headers: bob,
        })
      ).body,
    );
    assert.equal(plain.maxResults, 50);
    const first = obj(arr(plain.issues)[0]);
    assert.equal(first.expand, 'operations,versionedRepresentations,editmeta,changelog,renderedFields');
    const fields = keys(first.fields);
    assert.ok(fields.includes('summary') && fields.includes('status'));
    assert.ok(!fields.includes('comment') && !fields.includes('worklog'));

    const capped = await search(
      big,
      'datacenter',
      '/rest/api/2/search?jql=project%20%3D%20LOAD&maxResults=5000&fields=key',
      {
        headers: bob,
      },
    );
    assert.equal(obj(capped.body).maxResults, 1000);
    assert.equal(arr(obj(capped.body).issues).length, 1000);
    assert.equal(obj(capped.body).total, 1100);
    const none = obj(
      (
        await search(big, 'datacenter', '/rest/api/2/search?jql=project%3DLOAD&maxResults=0', {
          headers: bob,
        })
      ).body,
    );
    assert.deepEqual(none.issues, []);
    assert.equal(none.total, 1100);
  });

  it('takes POST bodies with field and expand arrays, putting names on the result', async () => {
    const body = {
      jql: 'assignee = currentUser() ORDER BY key',
      maxResults: 3,
      fields: ['summary', 'assignee'],
      expand: ['names'],
    };
    const reply = await search(sb, 'datacenter', '/rest/api/2/search', {
      method: 'POST',
      headers: bob,
      body,
    });
    const result = obj(reply.body);
    assert.deepEqual(result.names, { summary: 'Summary', assignee: 'Assignee' });
    const issues = arr(result.issues).map((i) => obj(i));
    assert.equal(issues.length, 3);
    for (const issue of issues) assert.equal(obj(obj(issue.fields).assignee).name, 'bob');
    assert.equal('names' in (issues[0] ?? {}), false);
  });

  it('searches only what the caller may browse', async () => {
    const count = async (headers: Record<string, string>) =>
      obj((await search(sb, 'datacenter', '/rest/api/2/search?jql=&maxResults=0', { headers })).body).total;
    assert.equal(await count(bob), 30);
    assert.equal(await count(login('datacenter', 'alice')), 32);
    assert.equal(await count({}), 0);
    const hidden = await search(sb, 'datacenter', '/rest/api/2/search?jql=project%20%3D%20SECRET', {
      headers: bob,
    });
    assert.equal(hidden.status, 400);
    assert.deepEqual(hidden.body, {
      errorMessages: ["The value 'SECRET' does not exist for the field 'project'."],
      errors: {},
    });
  });

  it("answers bad JQL and bad parameters with 400 and Jira's error body", async () => {
    const bad = await search(sb, 'datacenter', '/rest/api/2/search?jql=project%20%3D', { headers: bob });
    assert.equal(bad.status, 400);
    assert.match(String(arr(obj(bad.body).errorMessages)[0]), /^Error in the JQL Query: /);
    const param = await search(sb, 'datacenter', '/rest/api/2/search?startAt=abc', { headers: bob });
    assert.equal(param.status, 400);
  });

  it('has no Cloud search/jql endpoint', async () => {
    assert.equal((await call(sb, '/rest/api/2/search/jql?jql=project%3DDEMO', { headers: bob })).status, 404);
  });
});

describe('Cloud search (token paging)', () => {
  const sb = createSandbox({ flavor: 'cloud' });
  const big = createSandbox({ flavor: 'cloud', generate: 5100 });
  after(async () => {
    await sb.close();
    await big.close();
  });
  const bob = login('cloud', 'bob');

  it('walks pages with nextPageToken until isLast, with no total', async () => {
    for (const version of ['2', '3']) {
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const query = `jql=${encodeURIComponent(ALL_DEMO)}&maxResults=7&fields=summary${token ? `&nextPageToken=${token}` : ''}`;
        const reply = await search(sb, 'cloud', `/rest/api/${version}/search/jql?${query}`, { headers: bob });
        const body = obj(reply.body);
        assert.equal('total' in body || 'startAt' in body || 'maxResults' in body, false);
        token = typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined;
        assert.equal(body.isLast, token === undefined);
        seen.push(...issueKeys(reply));
        pages += 1;
      } while (token);
      assert.equal(pages, 5);
      assert.deepEqual(
        seen,
        Array.from({ length: 30 }, (_, i) => `DEMO-${i + 1}`),
      );
    }
  });

  it('returns ids only by default, the envelope when fields are asked for', async () => {
    const ids = obj(
      (await search(sb, 'cloud', '/rest/api/3/search/jql?jql=project%3DDEMO&maxResults=3', { headers: bob }))
        .body,
    );
    for (const issue of arr(ids.issues)) assert.deepEqual(keys(issue), ['id']);
    const path = '/rest/api/3/search/jql';
    const body = {
      jql: 'project = DEMO AND key = DEMO-9',
      fields: ['summary', 'description'],
      expand: 'names',
    };
    const full = obj((await search(sb, 'cloud', path, { method: 'POST', headers: bob, body })).body);
    const issue = obj(arr(full.issues)[0]);
    assert.deepEqual(keys(issue), ['expand', 'fields', 'id', 'key', 'self']);
    assert.equal(obj(obj(issue.fields).description).type, 'doc');
    assert.deepEqual(full.names, { summary: 'Summary', description: 'Description' });
    const v2 = obj(
      (
        await search(sb, 'cloud', '/rest/api/2/search/jql?jql=key%3DDEMO-9&fields=description', {
          headers: bob,
        })
      ).body,
    );
    assert.equal(typeof obj(obj(arr(v2.issues)[0]).fields).description, 'string');
  });

  it('caps pages at 100 with fields and 5000 for ids only', async () => {
    const withFields = obj(
      (
        await search(
          big,
          'cloud',
          '/rest/api/3/search/jql?jql=project%3DLOAD&maxResults=500&fields=summary',
          { headers: bob },
        )
      ).body,
    );
    assert.equal(arr(withFields.issues).length, 100);
    const idsOnly = obj(
      (
        await search(big, 'cloud', '/rest/api/3/search/jql?jql=project%3DLOAD&maxResults=9000', {
          headers: bob,
        })
      ).body,
    );
    assert.equal(arr(idsOnly.issues).length, 5000);
    assert.equal(idsOnly.isLast, false);
    const standard = obj(
      (await search(big, 'cloud', '/rest/api/3/search/jql?jql=project%3DLOAD', { headers: bob })).body,
    );
    assert.equal(arr(standard.issues).length, 50);
  });

  it('refuses unbounded JQL and a token from another query', async () => {
    for (const jql of ['', 'ORDER BY key DESC']) {
      const reply = await search(sb, 'cloud', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`, {
        headers: bob,
      });
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.body, { errorMessages: [UNBOUNDED], errors: {} });
    }
    const first = obj(
      (await search(sb, 'cloud', '/rest/api/3/search/jql?jql=project%3DDEMO&maxResults=5', { headers: bob }))
        .body,
    );
    const token = String(first.nextPageToken);
    const reused = await search(
      sb,
      'cloud',
      `/rest/api/3/search/jql?jql=project%3DSECRET&nextPageToken=${token}`,
      {
        headers: login('cloud', 'alice'),
      },
    );
    assert.equal(reused.status, 400);
  });

  it('answers 410 on the removed /search, on both API versions and methods', async () => {
    for (const path of ['/rest/api/3/search', '/rest/api/2/search']) {
      for (const method of ['GET', 'POST']) {
        const reply = await search(sb, 'cloud', path, {
          method,
          headers: bob,
          body: method === 'POST' ? { jql: 'project = DEMO' } : undefined,
        });
        assert.equal(reply.status, 410);
        assert.match(
          String(arr(obj(reply.body).errorMessages)[0]),
          /^The requested API has been removed\. .*CHANGE-2046$/,
        );
      }
    }
  });

  it('counts matches approximately, within what the caller may browse', async () => {
    const path = '/rest/api/3/search/approximate-count';
    const count = async (headers: Record<string, string>, jql: string) =>
      (await search(sb, 'cloud', path, { method: 'POST', headers, body: { jql } })).body;
    const done = seedState().issues.filter((i) => i.projectKey === 'DEMO' && i.statusId === statusId('Done'));
    assert.ok(done.length > 0);
    assert.deepEqual(await count(bob, 'project in (DEMO) AND status = Done'), { count: done.length });
    assert.deepEqual(await count(login('cloud', 'alice'), 'created >= "2026-01-01"'), { count: 32 });
    assert.deepEqual(await count(bob, 'created >= "2026-01-01"'), { count: 30 });
    const unbounded = await call(sb, path, { method: 'POST', headers: bob, body: { jql: '' } });
    assert.equal(unbounded.status, 400);
  });
});
