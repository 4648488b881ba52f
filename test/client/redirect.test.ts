import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Auth, Jira, JiraError } from '../../src/index.js';
import { httpServer, sendJson, type TestServer } from './helpers/servers.js';

describe('redirects: credentials never follow to another origin', () => {
  let jiraServer: TestServer;
  let other: TestServer;

  before(async () => {
    other = await httpServer((req, res) => sendJson(res, 200, { at: 'other', path: req.url }));
    jiraServer = await httpServer((req, res) => {
      const path = req.url.split('?')[0];
      if (path === '/same') {
        res.writeHead(302, { Location: '/target' });
        res.end();
      } else if (path === '/cross') {
        res.writeHead(307, { Location: `${other.url}/elsewhere` });
        res.end();
      } else if (path === '/post303') {
        res.writeHead(303, { Location: '/result' });
        res.end();
      } else if (path === '/loop') {
        res.writeHead(302, { Location: '/loop' });
        res.end();
      } else sendJson(res, 200, { at: 'jira', path: req.url, method: req.method });
    });
  });
  after(async () => {
    await jiraServer.close();
    await other.close();
  });

  const basic: Auth = { type: 'basic', username: 'alice', password: 'alice-secret' };

  it('keeps credentials on a same-origin redirect', async () => {
    const jira = new Jira({ server: jiraServer.url, auth: basic });
    assert.deepEqual(await jira.request({ path: '/same' }), { at: 'jira', path: '/target', method: 'GET' });
    const target = jiraServer.requests.at(-1);
    assert.equal(target?.url, '/target');
    assert.match(String(target?.headers.authorization), /^Basic /);
  });

  it('drops Authorization on a redirect to another origin', async () => {
    const jira = new Jira({ server: jiraServer.url, auth: basic });
    assert.deepEqual(await jira.request({ path: '/cross' }), { at: 'other', path: '/elsewhere' });
    const hop = other.requests.at(-1);
    assert.equal(hop?.headers.authorization, undefined);
    assert.equal(hop?.headers['user-agent'], 'jirats/0.1.0');
  });

  it('drops custom auth headers and session cookies on a redirect to another origin', async () => {
    const jira = new Jira({
      server: jiraServer.url,
      auth: { type: 'headers', headers: { 'X-Api-Key': 'k-123' } },
    });
    await jira.request({ path: '/cross' });
    assert.equal(other.requests.at(-1)?.headers['x-api-key'], undefined);
    assert.equal(jiraServer.requests.at(-1)?.headers['x-api-key'], 'k-123');

    const session = {
      version: 1 as const,
      server: jiraServer.url,
      cookies: { JSESSIONID: 'abc123' },
      headers: {},
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const resumed = new Jira({ server: jiraServer.url, auth: { type: 'session', session } });
    await resumed.request({ path: '/cross' });
    assert.equal(jiraServer.requests.at(-1)?.headers.cookie, 'JSESSIONID=abc123');
    assert.equal(other.requests.at(-1)?.headers.cookie, undefined);
  });

  it('turns a POST answered with 303 into a GET without a body', async () => {
    const jira = new Jira({ server: jiraServer.url });
    assert.deepEqual(await jira.request({ method: 'POST', path: '/post303', body: { a: 1 } }), {
      at: 'jira',
      path: '/result',
      method: 'GET',
    });
    assert.equal(jiraServer.requests.at(-1)?.body, '');
  });

  it('stops after five redirects', async () => {
    const jira = new Jira({ server: jiraServer.url });
    const before = jiraServer.requests.length;
    const error = await jira.request({ path: '/loop' }).catch((e: unknown) => e);
    assert.ok(error instanceof JiraError);
    assert.match(error.message, /Too many redirects/);
    assert.equal(jiraServer.requests.length - before, 6);
  });
});
