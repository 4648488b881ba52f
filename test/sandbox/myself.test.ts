import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { api, assertConforms, call, FLAVORS, keys, login, obj } from './helpers.js';

describe('myself', () => {
  const sandboxes = FLAVORS.map((flavor) => createSandbox({ flavor }));
  after(async () => {
    for (const sb of sandboxes) await sb.close();
  });

  it('gives Data Center users by name and key', async () => {
    const dc = sandboxes[1];
    assert.ok(dc);
    const reply = await call(dc, '/rest/api/2/myself', { headers: login('datacenter', 'alice') });
    assert.equal(reply.status, 200);
    assertConforms('datacenter', 'GET', '/rest/api/2/myself', reply);
    const me = obj(reply.body);
    assert.deepEqual(keys(me), [
      'active',
      'applicationRoles',
      'avatarUrls',
      'deleted',
      'displayName',
      'emailAddress',
      'expand',
      'groups',
      'key',
      'locale',
      'name',
      'self',
      'timeZone',
    ]);
    assert.equal(me.name, 'alice');
    assert.equal(me.key, 'JIRAUSER10001');
    assert.equal(me.self, 'http://jira.test/rest/api/2/user?username=alice');
    assert.deepEqual(keys(me.avatarUrls), ['16x16', '24x24', '32x32', '48x48']);
    assert.equal(reply.headers.get('x-ausername'), 'alice');
  });

  it('gives Cloud users by accountId and never exposes name or key', async () => {
    const cloud = sandboxes[0];
    assert.ok(cloud);
    for (const version of ['2', '3']) {
      const path = `/rest/api/${version}/myself`;
      const reply = await call(cloud, path, { headers: login('cloud', 'bob') });
      assert.equal(reply.status, 200);
      assertConforms('cloud', 'GET', path, reply);
      const me = obj(reply.body);
      assert.equal('name' in me, false);
      assert.equal('key' in me, false);
      assert.equal(me.accountId, '5f3c8a1b2d4e6f7a8b9c0d3a');
      assert.equal(me.accountType, 'atlassian');
      assert.equal(me.self, `http://jira.test/rest/api/${version}/user?accountId=5f3c8a1b2d4e6f7a8b9c0d3a`);
      assert.equal(reply.headers.get('x-aaccountid'), '5f3c8a1b2d4e6f7a8b9c0d3a');
    }
  });

  it('lists groups only when expanded', async () => {
    for (const [index, flavor] of FLAVORS.entries()) {
      const sb = sandboxes[index];
      assert.ok(sb);
      const plain = obj((await call(sb, `${api(flavor)}/myself`, { headers: login(flavor, 'admin') })).body);
      assert.deepEqual(plain.groups, { size: 2, items: [] });
      const path = `${api(flavor)}/myself?expand=groups`;
      const reply = await call(sb, path, { headers: login(flavor, 'admin') });
      assertConforms(flavor, 'GET', path, reply);
      const groups = obj(obj(reply.body).groups);
      assert.deepEqual(
        (groups.items as { name: string }[]).map((g) => g.name),
        ['jira-administrators', 'jira-software-users'],
      );
    }
  });

  it('answers 401 with the message/status-code body when nobody is signed in', async () => {
    for (const [index, flavor] of FLAVORS.entries()) {
      const sb = sandboxes[index];
      assert.ok(sb);
      const reply = await call(sb, `${api(flavor)}/myself`);
      assert.equal(reply.status, 401);
      assertConforms(flavor, 'GET', `${api(flavor)}/myself`, reply);
      assert.deepEqual(reply.body, {
        message: 'Client must be authenticated to access this resource.',
        'status-code': 401,
      });
    }
  });
});
