import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeQuery, isLoopback, normalizeServer, resolveUrl } from '../../src/client/url.js';
import { ConfigurationError, InputError, Jira, NotFoundError } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { CREDS, recordingFetch } from './helpers/sandbox.js';

describe('URLs', () => {
  it('normalizes the server URL and refuses bad ones', () => {
    assert.equal(normalizeServer('https://jira.example.com/'), 'https://jira.example.com');
    assert.equal(normalizeServer('https://jira.example.com/jira//'), 'https://jira.example.com/jira');
    assert.equal(normalizeServer('HTTP://Jira.Example.com:8080/jira'), 'http://jira.example.com:8080/jira');
    for (const bad of [
      'jira.example.com',
      'ftp://jira.example.com',
      'https://u:p@jira.example.com',
      'https://j/?a=1',
    ]) {
      assert.throws(() => normalizeServer(bad), ConfigurationError, bad);
    }
    assert.equal(
      new Jira({ server: 'https://jira.example.com/jira/' }).server,
      'https://jira.example.com/jira',
    );
  });

  it('joins paths under the context path and keeps absolute URLs on the same origin only', () => {
    const server = 'https://jira.example.com/jira';
    assert.equal(
      resolveUrl(server, '/rest/api/2/field').href,
      'https://jira.example.com/jira/rest/api/2/field',
    );
    assert.equal(
      resolveUrl(server, 'https://jira.example.com/jira/rest/api/2/issue/10000?expand=names', {
        fields: 'summary',
      }).href,
      'https://jira.example.com/jira/rest/api/2/issue/10000?expand=names&fields=summary',
    );
    assert.throws(() => resolveUrl(server, 'https://evil.example.com/rest/api/2/field'), /not on the server/);
    assert.throws(() => resolveUrl(server, 'rest/api/2/field'), /must start with '\/'/);
  });

  it('an unparsable request URL or a header HTTP cannot carry is refused before sending, as a JiraError', async () => {
    const sb = createSandbox({ flavor: 'datacenter' });
    const { fetch, sent } = recordingFetch(sb.fetch);
    const jira = new Jira({
      server: 'http://jira.test',
      auth: { type: 'headers', headers: { 'X-Token': 'good' } },
      fetch,
      allowInsecureHttp: true,
      deployment: 'datacenter',
    });
    await assert.rejects(jira.request({ path: 'http://' }), ConfigurationError);
    await assert.rejects(
      jira.request({ path: '/rest/api/2/myself', headers: { 'Bad Name': 'x' } }),
      InputError,
    );
    const secret = 'tok\u00e9n-\u{1f600}';
    const refused = await jira
      .request({ path: '/rest/api/2/myself', headers: { 'X-Token': secret } })
      .catch((e: unknown) => e);
    assert.ok(refused instanceof InputError);
    assert.ok(!refused.message.includes(secret), 'the value is never shown');
    const badAuth = new Jira({
      server: 'http://jira.test',
      auth: { type: 'headers', headers: { Authorization: 'Bearer a\nb' } },
      fetch,
      allowInsecureHttp: true,
      deployment: 'datacenter',
    });
    await assert.rejects(badAuth.myself(), ConfigurationError);
    assert.equal(sent.length, 0);
  });

  it('encodes queries: spaces as %20, arrays as repeated keys, booleans, undefined left out', () => {
    assert.equal(
      encodeQuery({
        jql: 'project = DEMO AND text ~ "a+b"',
        fields: ['summary', 'status'],
        validateQuery: false,
        x: undefined,
        n: 0,
      }),
      'jql=project%20%3D%20DEMO%20AND%20text%20~%20%22a%2Bb%22&fields=summary&fields=status&validateQuery=false&n=0',
    );
  });

  it('knows loopback hosts', () => {
    for (const url of [
      'http://localhost:1',
      'http://127.0.0.1',
      'http://127.8.9.10:80',
      'http://[::1]:2990',
      'http://a.localhost',
    ]) {
      assert.equal(isLoopback(new URL(url)), true, url);
    }
    for (const url of [
      'http://jira.test',
      'http://10.0.0.1',
      'http://128.0.0.1',
      'http://localhost.example.com',
    ]) {
      assert.equal(isLoopback(new URL(url)), false, url);
    }
  });

  it('works against a server under a context path (/jira), on a real port', async () => {
    const sb = createSandbox({ flavor: 'datacenter', contextPath: '/jira' });
    const base = await sb.listen(0);
    try {
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/jira$/);
      const jira = new Jira({ server: `${base}/`, auth: CREDS.dcBasic('alice') });
      const info = await jira.serverInfo();
      assert.equal(info.baseUrl, base);
      const issue = await jira.issues.get('DEMO-1');
      assert.equal(issue.self, `${base}/rest/api/2/issue/10000`);
      // A self link is an absolute URL on the server's origin: the escape hatch follows it as is.
      const again = await jira.request<{ key: string }>({ path: issue.self, query: { fields: 'summary' } });
      assert.equal(again.key, 'DEMO-1');
      const rootless = new Jira({ server: base.replace(/\/jira$/, ''), deployment: 'datacenter' });
      assert.ok(
        (await rootless.request({ path: '/rest/api/2/serverInfo' }).catch((e: unknown) => e)) instanceof
          NotFoundError,
      );
    } finally {
      await sb.close();
    }
  });
});
