import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { assertConforms, call, keys, login, obj } from './helpers.js';

const JIRA_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;

describe('serverInfo', () => {
  const dc = createSandbox({ flavor: 'datacenter' });
  const cloud = createSandbox({ flavor: 'cloud' });
  after(async () => {
    await dc.close();
    await cloud.close();
  });

  it('reports Data Center 10.4.0 as deploymentType Server, with serverTime only for signed-in callers', async () => {
    const anonymous = await call(dc, '/rest/api/2/serverInfo');
    assert.equal(anonymous.status, 200);
    assertConforms('datacenter', 'GET', '/rest/api/2/serverInfo', anonymous);
    const info = obj(anonymous.body);
    assert.deepEqual(keys(info), [
      'baseUrl',
      'buildDate',
      'buildNumber',
      'databaseBuildNumber',
      'deploymentType',
      'scmInfo',
      'serverTitle',
      'version',
      'versionNumbers',
    ]);
    assert.equal(info.deploymentType, 'Server');
    assert.equal(info.version, '10.4.0');
    assert.deepEqual(info.versionNumbers, [10, 4, 0]);
    assert.equal(info.buildNumber, 10040001);
    assert.equal(info.baseUrl, 'http://jira.test');
    assert.equal(anonymous.headers.get('x-ausername'), 'anonymous');

    const signedIn = await call(dc, '/rest/api/2/serverInfo', { headers: login('datacenter', 'bob') });
    assertConforms('datacenter', 'GET', '/rest/api/2/serverInfo', signedIn);
    assert.match(String(obj(signedIn.body).serverTime), JIRA_TIME);
  });

  it('serves Data Center on /rest/api/latest too, but not on /rest/api/3', async () => {
    assert.equal((await call(dc, '/rest/api/latest/serverInfo')).status, 200);
    const v3 = await call(dc, '/rest/api/3/serverInfo');
    assert.equal(v3.status, 404);
    assert.deepEqual(v3.body, {
      message: 'null for uri: http://jira.test/rest/api/3/serverInfo',
      'status-code': 404,
    });
  });

  it('reports Cloud on both API versions with its display URLs and locale', async () => {
    for (const version of ['2', '3']) {
      const path = `/rest/api/${version}/serverInfo`;
      const reply = await call(cloud, path);
      assert.equal(reply.status, 200);
      assertConforms('cloud', 'GET', path, reply);
      const info = obj(reply.body);
      assert.equal(info.deploymentType, 'Cloud');
      assert.equal(info.version, '1001.0.0-SNAPSHOT');
      assert.deepEqual(info.versionNumbers, [1001, 0, 0]);
      assert.equal(info.displayUrl, 'http://jira.test');
      assert.deepEqual(info.defaultLocale, { locale: 'en_US' });
      assert.equal(info.serverTimeZone, 'Etc/UTC');
      assert.match(String(info.serverTime), JIRA_TIME);
      assert.equal(reply.headers.get('x-ausername'), null);
    }
  });

  it('takes the base URL from the request, whatever the host', async () => {
    const reply = await cloud.fetch('https://example.atlassian.test:8443/rest/api/3/serverInfo');
    assert.equal(obj(await reply.json()).baseUrl, 'https://example.atlassian.test:8443');
  });
});
