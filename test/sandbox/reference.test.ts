import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { api, assertConforms, call, FLAVORS, login, obj } from './helpers.js';

const LISTS = ['/field', '/priority', '/status', '/statuscategory', '/issuetype', '/resolution'];

function list(value: unknown): Record<string, unknown>[] {
  assert.ok(Array.isArray(value), `expected a list: ${JSON.stringify(value)}`);
  return value.map(obj);
}

describe('reference data routes', () => {
  const sandboxes = FLAVORS.map((flavor) => ({ flavor, sb: createSandbox({ flavor }) }));
  after(async () => {
    for (const { sb } of sandboxes) await sb.close();
  });

  it('serves every list on both flavors, conforming to the OpenAPI documents', async () => {
    for (const { flavor, sb } of sandboxes) {
      for (const resource of LISTS) {
        const path = `${api(flavor)}${resource}`;
        const reply = await call(sb, path, { headers: login(flavor, 'alice') });
        assert.equal(reply.status, 200, path);
        assertConforms(flavor, 'GET', path, reply);
        assert.ok(list(reply.body).length > 0, path);
      }
      const path = `${api(flavor)}/issueLinkType`;
      const reply = await call(sb, path, { headers: login(flavor, 'alice') });
      assertConforms(flavor, 'GET', path, reply);
      const types = list(obj(reply.body).issueLinkTypes);
      assert.deepEqual(
        types.map((t) => [t.id, t.name]),
        [
          ['10000', 'Blocks'],
          ['10001', 'Cloners'],
          ['10002', 'Duplicate'],
          ['10003', 'Relates'],
        ],
      );
      assert.equal(types[0]?.inward, 'is blocked by');
      assert.equal(types[0]?.self, `http://jira.test${api(flavor)}/issueLinkType/10000`);
    }
  });

  it('lists system and custom fields; Cloud adds key', async () => {
    for (const { flavor, sb } of sandboxes) {
      const fields = list((await call(sb, `${api(flavor)}/field`, { headers: login(flavor, 'alice') })).body);
      const summary = fields.find((f) => f.id === 'summary');
      assert.equal(summary?.custom, false);
      assert.deepEqual(summary?.schema, { type: 'string', system: 'summary' });
      const points = fields.find((f) => f.id === 'customfield_10016');
      assert.equal(points?.name, 'Story Points');
      assert.equal(points?.custom, true);
      assert.deepEqual(points?.clauseNames, ['cf[10016]', 'Story Points']);
      assert.equal('key' in obj(summary), flavor === 'cloud');
    }
  });

  it('gives Cloud issue types a hierarchyLevel and Data Center none', async () => {
    for (const { flavor, sb } of sandboxes) {
      const types = list(
        (await call(sb, `${api(flavor)}/issuetype`, { headers: login(flavor, 'alice') })).body,
      );
      const epic = types.find((t) => t.name === 'Epic');
      const subtask = types.find((t) => t.subtask === true);
      if (flavor === 'cloud') {
        assert.equal(epic?.hierarchyLevel, 1);
        assert.equal(subtask?.hierarchyLevel, -1);
      } else {
        assert.equal('hierarchyLevel' in obj(epic), false);
      }
    }
  });

  it('finds a status by id or name (any case) and answers 404 for an unknown one', async () => {
    for (const { flavor, sb } of sandboxes) {
      const headers = login(flavor, 'alice');
      for (const wanted of ['3', 'In Progress', 'in progress']) {
        const path = `${api(flavor)}/status/${encodeURIComponent(wanted)}`;
        const reply = await call(sb, path, { headers });
        assert.equal(reply.status, 200, path);
        assertConforms(flavor, 'GET', `${api(flavor)}/status/3`, reply);
        assert.equal(obj(reply.body).id, '3');
        const category = obj(obj(reply.body).statusCategory);
        assert.equal(category.key, 'indeterminate');
        assert.equal(category.colorName, flavor === 'cloud' ? 'yellow' : 'inprogress');
      }
      const missing = await call(sb, `${api(flavor)}/status/Nope`, { headers });
      assert.equal(missing.status, 404);
      assertConforms(flavor, 'GET', `${api(flavor)}/status/Nope`, missing);
      assert.deepEqual(obj(missing.body).errorMessages, [
        "The status with id or name 'Nope' does not exist.",
      ]);
    }
  });

  it('gives one link type by id and 404 for an unknown id', async () => {
    for (const { flavor, sb } of sandboxes) {
      const headers = login(flavor, 'alice');
      const reply = await call(sb, `${api(flavor)}/issueLinkType/10003`, { headers });
      assertConforms(flavor, 'GET', `${api(flavor)}/issueLinkType/10003`, reply);
      assert.equal(obj(reply.body).name, 'Relates');
      const missing = await call(sb, `${api(flavor)}/issueLinkType/99`, { headers });
      assert.equal(missing.status, 404);
      assertConforms(flavor, 'GET', `${api(flavor)}/issueLinkType/99`, missing);
    }
  });

  it('serves Data Center reference data on /rest/api/latest with v2 self links', async () => {
    const dc = sandboxes.find((s) => s.flavor === 'datacenter')?.sb;
    assert.ok(dc);
    const reply = await call(dc, '/rest/api/latest/status/Done', { headers: login('datacenter', 'bob') });
    assert.equal(reply.status, 200);
    assert.equal(obj(reply.body).self, 'http://jira.test/rest/api/2/status/10001');
  });

  it('lists the four status categories and the priorities highest first', async () => {
    for (const { flavor, sb } of sandboxes) {
      const headers = login(flavor, 'alice');
      const categories = list((await call(sb, `${api(flavor)}/statuscategory`, { headers })).body);
      assert.deepEqual(
        categories.map((c) => c.key),
        ['undefined', 'new', 'indeterminate', 'done'],
      );
      const priorities = list((await call(sb, `${api(flavor)}/priority`, { headers })).body);
      assert.deepEqual(
        priorities.map((p) => p.name),
        ['Highest', 'High', 'Medium', 'Low', 'Lowest'],
      );
    }
  });
});
