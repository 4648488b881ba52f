import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { assertConforms, basic, call, obj } from './helpers.js';

const NOT_AUTHENTICATED = {
  message: 'Client must be authenticated to access this resource.',
  'status-code': 401,
};

function sessionToken(headers: Headers): string | undefined {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('tenant.session.token='));
  return cookie?.split(';')[0]?.slice('tenant.session.token='.length);
}

describe('Cloud authentication', () => {
  const sb = createSandbox({ flavor: 'cloud' });
  after(() => sb.close());

  it('accepts Basic email:API token, gives the account id and a session cookie that works alone', async () => {
    const reply = await call(sb, '/rest/api/3/myself', {
      headers: basic('alice@example.com', 'alice-api-token'),
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('x-aaccountid'), '5f3c8a1b2d4e6f7a8b9c0d2f');
    assert.equal(reply.headers.get('x-ausername'), null);
    assert.ok(reply.headers.get('x-arequestid'));
    const token = sessionToken(reply.headers);
    assert.ok(token);
    const again = await call(sb, '/rest/api/3/myself', {
      headers: { Cookie: `tenant.session.token=${token}` },
    });
    assert.equal(again.status, 200);
    assert.equal(obj(again.body).accountId, '5f3c8a1b2d4e6f7a8b9c0d2f');
  });

  it('refuses a bad token with 401, the Seraph reason and the JSON body', async () => {
    const reply = await call(sb, '/rest/api/3/myself', {
      headers: basic('alice@example.com', 'stale-token'),
    });
    assert.equal(reply.status, 401);
    assert.equal(reply.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
    assert.match(String(reply.headers.get('www-authenticate')), /^OAuth realm=/);
    assert.deepEqual(reply.body, NOT_AUTHENTICATED);
    assertConforms('cloud', 'GET', '/rest/api/3/myself', reply);
  });

  it('refuses passwords, user names and bearer tokens: only email + API token signs in', async () => {
    const attempts = [
      basic('alice@example.com', 'alice'),
      basic('alice', 'alice-api-token'),
      { Authorization: 'Bearer alice-pat' },
    ];
    for (const headers of attempts) {
      const reply = await call(sb, '/rest/api/3/myself', { headers });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, NOT_AUTHENTICATED);
    }
  });

  it('never demands a CAPTCHA', async () => {
    for (let i = 0; i < 5; i += 1) {
      assert.equal(
        (await call(sb, '/rest/api/3/myself', { headers: basic('bob@example.com', 'x') })).status,
        401,
      );
    }
    assert.equal(
      (await call(sb, '/rest/api/3/myself', { headers: basic('bob@example.com', 'bob-api-token') })).status,
      200,
    );
  });

  it('has no /rest/auth/1/session', async () => {
    const reply = await call(sb, '/rest/auth/1/session', {
      method: 'POST',
      body: { username: 'admin', password: 'admin' },
    });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, {
      message: 'null for uri: http://jira.test/rest/auth/1/session',
      'status-code': 404,
    });
  });

  it('answers 401 to an expired session cookie', async () => {
    const first = await call(sb, '/rest/api/3/myself', {
      headers: basic('admin@example.com', 'admin-api-token'),
    });
    const cookie = { Cookie: `tenant.session.token=${sessionToken(first.headers)}` };
    sb.expireSessions();
    const reply = await call(sb, '/rest/api/3/myself', { headers: cookie });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, NOT_AUTHENTICATED);
  });

  it('treats no credentials as anonymous: serverInfo readable, issues hidden with the Cloud text', async () => {
    assert.equal((await call(sb, '/rest/api/3/serverInfo')).status, 200);
    const issue = await call(sb, '/rest/api/3/issue/DEMO-1');
    assert.equal(issue.status, 404);
    assert.deepEqual(issue.body, {
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
  });
});
