import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { type Auth, Jira, type JiraOptions, redact, redactHeaders } from '../../src/index.js';
import { CREDS, sandboxClient } from './helpers/sandbox.js';
import { closedPort } from './helpers/servers.js';

describe('redact', () => {
  it('scrubs Basic and Bearer values, secret query parameters, user info and cookies', () => {
    assert.equal(redact('Authorization: Basic YWxpY2U6YWxpY2U='), 'Authorization: [REDACTED]');
    assert.equal(redact('sent Bearer abc.DEF-123_x'), 'sent Bearer [REDACTED]');
    assert.equal(
      redact('Basic Authentication Failure - Reason : AUTHENTICATED_FAILED'),
      'Basic Authentication Failure - Reason : AUTHENTICATED_FAILED',
    );
    assert.equal(
      redact(
        'https://u:p@jira.example.com/rest?jql=a&token=t1&access_token=t2&os_password=p&nextPageToken=keep',
      ),
      'https://[REDACTED]@jira.example.com/rest?jql=a&token=[REDACTED]&access_token=[REDACTED]&os_password=[REDACTED]&nextPageToken=keep',
    );
    assert.equal(
      redact('?jwt=eyJ.x.y&client_secret=s&myPassword=q'),
      '?jwt=[REDACTED]&client_secret=[REDACTED]&myPassword=[REDACTED]',
    );
    assert.equal(redact('Cookie: JSESSIONID=ABC; x=1'), 'Cookie: [REDACTED]');
    assert.equal(
      redact('got JSESSIONID=ABC123; atlassian.xsrf.token=XYZ'),
      'got JSESSIONID=[REDACTED]; atlassian.xsrf.token=[REDACTED]',
    );
    assert.equal(redact('{"username":"a","password":"hunter2"}'), '{"username":"a","password":"[REDACTED]"}');
  });

  it('never lets a random Bearer or Basic credential through (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Basic', 'Bearer'),
        fc.stringMatching(/^[A-Za-z0-9+/=._-]{6,40}$/).filter((s) => /[0-9+/=._-]|[A-Z].*[A-Z]/.test(s)),
        fc.string({ maxLength: 20 }),
        (scheme, secret, prefix) => {
          const out = redact(`${prefix} ${scheme} ${secret}`);
          assert.ok(!out.includes(secret), out);
        },
      ),
    );
  });

  it('redactHeaders hides credential headers and keeps the useful ones', () => {
    assert.deepEqual(
      redactHeaders({
        Authorization: 'Basic x',
        Cookie: 'a=b',
        'X-Api-Token': 't',
        'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED',
        'X-AREQUESTID': '1x2',
      }),
      {
        authorization: '[REDACTED]',
        cookie: '[REDACTED]',
        'x-api-token': '[REDACTED]',
        'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
        'x-arequestid': '1x2',
      },
    );
    const headers = new Headers();
    headers.append('set-cookie', 'JSESSIONID=1; Path=/');
    assert.deepEqual(redactHeaders(headers), { 'set-cookie': '[REDACTED]' });
  });
});

describe('redaction: no secret in any error message, hook argument or debug line', () => {
  it('scans everything the library lets out during failing and succeeding calls', async () => {
    const seen: string[] = [];
    const record = (x: unknown) => seen.push(typeof x === 'string' ? x : inspect(x, { depth: 6 }));
    const wrong = 'Wr0ng-Pa55-QX9';
    const custom = 'custom-Secret-7781';
    const queryToken = 'q-Token-5521';
    const options: Partial<JiraOptions> = {
      debug: true,
      logger: record,
      onWarning: record,
      responseHeaderLog: { include: ['*'] },
      hooks: {
        beforeRequest: [(s) => void record(s)],
        afterResponse: [(s) => void record({ ...s, headers: [...s.headers.entries()] })],
        beforeRetry: [(s) => void record(s)],
      },
    };
    const attempt = async (p: Promise<unknown>) => {
      try {
        record(await p);
      } catch (error) {
        record(error);
        record(error instanceof Error ? error.message : error);
        record(JSON.stringify(error));
      }
    };

    const dc = sandboxClient('datacenter', options);
    const cloud = sandboxClient('cloud', options);
    const sessionCookies: string[] = [];
    try {
      const basic: Auth = { type: 'basic', username: 'alice', password: wrong };
      await attempt(dc.jira.myself({ auth: basic }));
      await attempt(dc.jira.myself({ auth: CREDS.dcPat('admin') }));
      await attempt(
        dc.jira.request(
          { path: '/rest/api/2/issue/NOPE-1', query: { token: queryToken } },
          { auth: CREDS.dcBasic('alice') },
        ),
      );
      const session = await dc.jira.sessions.create(CREDS.dcBasic('bob'), { keepCredential: false });
      sessionCookies.push(...Object.values(session.data.cookies));
      await attempt(dc.jira.myself());
      dc.sb.expireSessions();
      await attempt(dc.jira.myself());
      await attempt(cloud.jira.myself({ auth: CREDS.cloudToken('admin') }));
      await attempt(cloud.jira.myself({ auth: { type: 'headers', headers: { 'X-Custom-Auth': custom } } }));
      await attempt(
        cloud.jira.myself({ auth: { type: 'apiToken', email: 'bob@example.com', token: wrong } }),
      );
      const insecure = cloud.newClient({
        ...options,
        allowInsecureHttp: false,
        auth: CREDS.cloudToken('alice'),
      });
      await attempt(insecure.myself());
      const port = await closedPort();
      const offline = new Jira({
        ...options,
        server: `http://127.0.0.1:${port}`,
        retry: { retries: 1, baseDelayMs: 1 },
      });
      await attempt(
        offline.request(
          { path: '/rest/api/2/myself', query: { access_token: queryToken } },
          { auth: CREDS.dcPat('alice') },
        ),
      );
      try {
        new Jira({ server: `https://alice:${wrong}@jira.example.com` });
      } catch (error) {
        record(error);
      }
      try {
        new Jira({ server: 'https://jira.example.com', proxy: `gopher://u:${wrong}@proxy` });
      } catch (error) {
        record(error);
      }
    } finally {
      await dc.sb.close();
      await cloud.sb.close();
    }

    const secrets = [
      wrong,
      custom,
      queryToken,
      'admin-pat',
      'admin-api-token',
      btoa('alice:alice'),
      btoa('bob:bob'),
      btoa(`alice:${wrong}`),
      btoa('admin@example.com:admin-api-token'),
      ...sessionCookies,
    ];
    const text = seen.join('\n');
    assert.ok(seen.length > 50, `only ${seen.length} items were captured`);
    assert.match(text, /jirats: -> GET http:\/\/jira\.test\/rest\/api\/2\/myself/);
    assert.match(text, /AUTHENTICATED_FAILED/);
    for (const secret of secrets) assert.ok(!text.includes(secret), `leaked: ${secret}`);
  });
});
