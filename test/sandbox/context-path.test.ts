import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { call, FLAVORS, login, obj } from './helpers.js';

describe('context path', () => {
  const sandboxes = FLAVORS.map((flavor) => createSandbox({ flavor, contextPath: 'jira/' }));
  after(async () => {
    for (const sb of sandboxes) await sb.close();
  });

  it('serves every route under it and puts it in every URL it returns', async () => {
    for (const [index, flavor] of FLAVORS.entries()) {
      const sb = sandboxes[index];
      assert.ok(sb);
      const version = flavor === 'cloud' ? '3' : '2';
      const info = await call(sb, `/jira/rest/api/${version}/serverInfo`);
      assert.equal(obj(info.body).baseUrl, 'http://jira.test/jira');
      const issue = await call(sb, `/jira/rest/api/${version}/issue/DEMO-4`, {
        headers: login(flavor, 'admin'),
      });
      assert.equal(issue.status, 200);
      const urls = JSON.stringify(issue.body).match(/https?:\/\/jira\.test[^"]*/g) ?? [];
      assert.ok(urls.length > 10);
      for (const url of urls) assert.ok(url.startsWith('http://jira.test/jira/'), url);
    }
  });

  it('answers 404 outside it: an HTML page, or the REST body under /rest', async () => {
    const sb = sandboxes[1];
    assert.ok(sb);
    const outside = await call(sb, '/rest/api/2/serverInfo');
    assert.equal(outside.status, 404);
    assert.equal(outside.headers.get('content-type'), 'text/html;charset=UTF-8');
    const unknown = await call(sb, '/jira/rest/api/2/nothing-here');
    assert.deepEqual(unknown.body, {
      message: 'null for uri: http://jira.test/jira/rest/api/2/nothing-here',
      'status-code': 404,
    });
  });

  it('scopes cookies to it', async () => {
    const sb = sandboxes[1];
    assert.ok(sb);
    const reply = await call(sb, '/jira/rest/api/2/myself', { headers: login('datacenter', 'alice') });
    for (const cookie of reply.headers.getSetCookie()) assert.match(cookie, /; Path=\/jira(;|$)/);
  });

  it('rejects a malformed context path', () => {
    assert.throws(() => createSandbox({ contextPath: '/a b' }), /Invalid context path/);
  });
});
