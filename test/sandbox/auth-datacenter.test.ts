import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { assertConforms, basic, call, obj } from './helpers.js';

const NOT_AUTHENTICATED = {
  message: 'Client must be authenticated to access this resource.',
  'status-code': 401,
};

/** `name=value` pairs of the reply's Set-Cookie headers. */
function cookies(headers: Headers): Map<string, string> {
  return new Map(
    headers.getSetCookie().map((c) => {
      const pair = c.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
}

describe('Data Center authentication', () => {
  const sb = createSandbox({ flavor: 'datacenter' });
  after(() => sb.close());

  it('accepts Basic name:password, names the caller and opens a cookie session', async () => {
    const reply = await call(sb, '/rest/api/2/myself', { headers: basic('alice', 'alice') });
    assert.equal(reply.status, 200);
    assert.equal(obj(reply.body).name, 'alice');
    assert.equal(reply.headers.get('x-ausername'), 'alice');
    assert.equal(reply.headers.get('x-seraph-loginreason'), 'OK');
    assert.ok(reply.headers.get('x-arequestid'));
    const jar = cookies(reply.headers);
    assert.ok(jar.get('JSESSIONID'));
    assert.ok(jar.get('atlassian.xsrf.token'));
    // The cookie alone identifies the caller afterwards.
    const again = await call(sb, '/rest/api/2/myself', {
      headers: { Cookie: `JSESSIONID=${jar.get('JSESSIONID')}` },
    });
    assert.equal(again.status, 200);
    assert.equal(obj(again.body).name, 'alice');
  });

  it('refuses a wrong password with 401, Seraph headers and an HTML page, even on anonymous resources', async () => {
    for (const path of ['/rest/api/2/myself', '/rest/api/2/serverInfo']) {
      const reply = await call(sb, path, { headers: basic('admin', 'wrong') });
      assert.equal(reply.status, 401);
      assert.equal(reply.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
      assert.equal(reply.headers.get('x-ausername'), 'anonymous');
      assert.equal(reply.headers.get('www-authenticate'), 'OAuth realm="http%3A%2F%2Fjira.test"');
      assert.equal(reply.headers.get('content-type'), 'text/html;charset=UTF-8');
      assert.match(String(reply.body), /Basic Authentication Failure - Reason : AUTHENTICATED_FAILED/);
      assert.equal(reply.headers.getSetCookie().length, 0);
    }
    // Two failures so far; a success resets the count.
    assert.equal((await call(sb, '/rest/api/2/myself', { headers: basic('admin', 'admin') })).status, 200);
  });

  it('demands a CAPTCHA after three wrong passwords, refusing the right one too', async () => {
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await call(sb, '/rest/api/2/myself', { headers: basic('bob', `nope${i}`) })).status, 401);
    }
    const denied = await call(sb, '/rest/api/2/myself', { headers: basic('bob', 'bob') });
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('x-seraph-loginreason'), 'AUTHENTICATION_DENIED');
    assert.equal(
      denied.headers.get('x-authentication-denied-reason'),
      'CAPTCHA_CHALLENGE; login-url=http://jira.test/login.jsp',
    );
    assert.match(String(denied.body), /AUTHENTICATION_DENIED/);
    const login = await call(sb, '/rest/auth/1/session', {
      method: 'POST',
      body: { username: 'bob', password: 'bob' },
    });
    assert.equal(login.status, 403);
    assertConforms('datacenter', 'POST', '/rest/auth/1/session', login);
    // Other users and bob's PAT are unaffected.
    assert.equal((await call(sb, '/rest/api/2/myself', { headers: basic('alice', 'alice') })).status, 200);
    const pat = await call(sb, '/rest/api/2/myself', { headers: { Authorization: 'Bearer bob-pat' } });
    assert.equal(pat.status, 200);
  });

  it('accepts a personal access token without opening a session, and refuses an unknown one with JSON', async () => {
    const good = await call(sb, '/rest/api/2/myself', { headers: { Authorization: 'Bearer admin-pat' } });
    assert.equal(good.status, 200);
    assert.equal(obj(good.body).name, 'admin');
    assert.equal(good.headers.getSetCookie().length, 0);
    const bad = await call(sb, '/rest/api/2/issue/DEMO-1', {
      headers: { Authorization: 'Bearer not-a-pat' },
    });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.body, NOT_AUTHENTICATED);
    assert.equal(bad.headers.get('x-seraph-loginreason'), null);
  });

  it('treats no credentials as anonymous: serverInfo readable, myself 401, issues hidden', async () => {
    assert.equal((await call(sb, '/rest/api/2/serverInfo')).status, 200);
    const me = await call(sb, '/rest/api/2/myself');
    assert.equal(me.status, 401);
    assert.deepEqual(me.body, NOT_AUTHENTICATED);
    const issue = await call(sb, '/rest/api/2/issue/DEMO-1');
    assert.equal(issue.status, 404);
    assert.deepEqual(issue.body, { errorMessages: ['Issue Does Not Exist'], errors: {} });
  });

  it('logs in, reports and logs out a cookie session at /rest/auth/1/session', async () => {
    const path = '/rest/auth/1/session';
    const login = await call(sb, path, { method: 'POST', body: { username: 'alice', password: 'alice' } });
    assert.equal(login.status, 200);
    assertConforms('datacenter', 'POST', path, login);
    const session = obj(obj(login.body).session);
    assert.equal(session.name, 'JSESSIONID');
    assert.equal(cookies(login.headers).get('JSESSIONID'), session.value);
    assert.ok(Number(obj(obj(login.body).loginInfo).loginCount) >= 1);
    const cookie = { Cookie: `JSESSIONID=${String(session.value)}` };

    const current = await call(sb, path, { headers: cookie });
    assert.equal(current.status, 200);
    assertConforms('datacenter', 'GET', path, current);
    assert.equal(obj(current.body).name, 'alice');
    assert.equal(obj(current.body).self, 'http://jira.test/rest/api/latest/user?username=alice');

    const logout = await call(sb, path, { method: 'DELETE', headers: cookie });
    assert.equal(logout.status, 204);
    assertConforms('datacenter', 'DELETE', path, logout);
    assert.equal(logout.body, undefined);
    assert.equal(logout.headers.get('content-type'), 'text/html;charset=UTF-8');
    assert.equal((await call(sb, path, { headers: cookie })).status, 401);
    assert.equal((await call(sb, path)).status, 401);
  });

  it('refuses a wrong session login with 401 and a malformed one with 400', async () => {
    const path = '/rest/auth/1/session';
    const wrong = await call(sb, path, { method: 'POST', body: { username: 'admin', password: 'x' } });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, { errorMessages: ['Login failed'], errors: {} });
    const malformed = await call(sb, path, { method: 'POST', body: { username: 'admin' } });
    assert.equal(malformed.status, 400);
    assert.deepEqual(obj(malformed.body).errors, {});
  });

  it('answers 401 to an expired session cookie instead of treating the caller as anonymous', async () => {
    const local = createSandbox({ flavor: 'datacenter' });
    try {
      const login = await call(local, '/rest/auth/1/session', {
        method: 'POST',
        body: { username: 'admin', password: 'admin' },
      });
      const cookie = { Cookie: `JSESSIONID=${String(obj(obj(login.body).session).value)}` };
      assert.equal((await call(local, '/rest/api/2/myself', { headers: cookie })).status, 200);
      local.expireSessions();
      for (const path of ['/rest/api/2/myself', '/rest/api/2/serverInfo', '/rest/auth/1/session']) {
        const reply = await call(local, path, { headers: cookie });
        assert.equal(reply.status, 401, path);
        assert.deepEqual(reply.body, NOT_AUTHENTICATED);
      }
      // A credential sent along with the stale cookie still works, and opens a fresh session.
      const renewed = await call(local, '/rest/api/2/myself', {
        headers: { ...cookie, ...basic('admin', 'admin') },
      });
      assert.equal(renewed.status, 200);
      assert.ok(cookies(renewed.headers).get('JSESSIONID'));
    } finally {
      await local.close();
    }
  });

  it('expires sessions left idle longer than sessionTtlMs', async () => {
    const local = createSandbox({ flavor: 'datacenter', sessionTtlMs: 5 });
    try {
      const first = await call(local, '/rest/api/2/myself', { headers: basic('bob', 'bob') });
      const cookie = { Cookie: `JSESSIONID=${cookies(first.headers).get('JSESSIONID')}` };
      await new Promise((resolve) => setTimeout(resolve, 40));
      assert.equal((await call(local, '/rest/api/2/myself', { headers: cookie })).status, 401);
    } finally {
      await local.close();
    }
  });
});
