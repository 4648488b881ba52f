import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absorbSetCookies, cookieHeader, parseSetCookie } from '../../src/auth/cookies.js';
import { Jira, type SessionData } from '../../src/index.js';
import { httpServer } from '../client/helpers/servers.js';

describe('cookie jar', () => {
  it('parses Set-Cookie lines, quoted values and deletions', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    assert.deepEqual(parseSetCookie('JSESSIONID=ABC; Path=/jira; HttpOnly', now), {
      name: 'JSESSIONID',
      value: 'ABC',
      expired: false,
    });
    assert.deepEqual(parseSetCookie('a="q v"; Secure', now), { name: 'a', value: 'q v', expired: false });
    assert.equal(parseSetCookie('JSESSIONID=; Max-Age=0', now)?.expired, true);
    assert.equal(parseSetCookie('x=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT', now)?.expired, true);
    assert.equal(parseSetCookie('x=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT', now)?.expired, false);
    assert.equal(parseSetCookie('novalue', now), undefined);
  });

  it('updates a jar from response headers and renders the Cookie header', () => {
    const jar: Record<string, string> = { JSESSIONID: 'old', keep: 'k' };
    const headers = new Headers();
    headers.append('Set-Cookie', 'JSESSIONID=new; Path=/');
    headers.append('Set-Cookie', 'keep=; Max-Age=0');
    headers.append('Set-Cookie', 'atlassian.xsrf.token=T1|lin; Path=/');
    assert.equal(absorbSetCookies(jar, headers), true);
    assert.deepEqual(jar, { JSESSIONID: 'new', 'atlassian.xsrf.token': 'T1|lin' });
    assert.equal(cookieHeader(jar), 'JSESSIONID=new; atlassian.xsrf.token=T1|lin');
    assert.equal(absorbSetCookies(jar, new Headers()), false);
    assert.equal(cookieHeader({}), undefined);
  });

  it('cookies set by later responses update the session and go out with the next call', async () => {
    let n = 0;
    const server = await httpServer((req, res) => {
      n++;
      const headers: Record<string, string | string[]> = { 'Content-Type': 'application/json' };
      if (n === 1) headers['Set-Cookie'] = ['JSESSIONID=rotated; Path=/', 'extra=1; Path=/'];
      if (n === 2) headers['Set-Cookie'] = 'extra=; Max-Age=0';
      res.writeHead(200, headers);
      res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
    });
    try {
      const session: SessionData = {
        version: 1,
        server: server.url,
        cookies: { JSESSIONID: 'first' },
        headers: {},
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      const jira = new Jira({
        server: server.url,
        auth: { type: 'session', session },
        deployment: 'datacenter',
      });
      assert.deepEqual(await jira.request({ path: '/a' }), { cookie: 'JSESSIONID=first' });
      assert.deepEqual(await jira.request({ path: '/b' }), { cookie: 'JSESSIONID=rotated; extra=1' });
      assert.deepEqual(await jira.request({ path: '/c' }), { cookie: 'JSESSIONID=rotated' });
      assert.deepEqual(jira.sessions.get()?.toJSON().cookies, { JSESSIONID: 'rotated' });
      assert.deepEqual(session.cookies, { JSESSIONID: 'first' }, "the caller's data is copied, not changed");
    } finally {
      await server.close();
    }
  });
});
