import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AuthenticationError,
  ConfigurationError,
  Jira,
  Session,
  type SessionData,
  SessionExpiredError,
} from '../../src/index.js';
import { CREDS, SANDBOX_URL, sandboxClient } from '../client/helpers/sandbox.js';

const paths = (sent: { method: string; url: string }[]) =>
  sent.map((r) => `${r.method} ${new URL(r.url).pathname}`);

describe('sessions', () => {
  it('Data Center + basic: logs in through /rest/auth/1/session and then sends only cookies', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      const session = await jira.sessions.create();
      assert.equal(jira.sessions.get(), session);
      assert.ok(paths(sent).includes('POST /rest/auth/1/session'));
      const login = sent.find((r) => r.url.endsWith('/rest/auth/1/session'));
      assert.equal(login?.headers.get('authorization'), null, 'the password goes in the body, not a header');
      assert.deepEqual(Object.keys(session.data.cookies).sort(), ['JSESSIONID', 'atlassian.xsrf.token']);
      assert.deepEqual(session.data.user, { name: 'alice', displayName: 'Alice Anderson' });

      const before = sent.length;
      assert.equal((await jira.myself()).name, 'alice');
      const call = sent[before];
      assert.equal(call?.headers.get('authorization'), null);
      assert.match(call?.headers.get('cookie') ?? '', /JSESSIONID=/);
    } finally {
      await sb.close();
    }
  });

  it('Cloud + API token: keeps tenant.session.token', async () => {
    const { sb, jira } = sandboxClient('cloud');
    try {
      const session = await jira.sessions.create(CREDS.cloudToken('alice'));
      assert.deepEqual(Object.keys(session.data.cookies), ['tenant.session.token']);
      assert.equal(session.data.user?.displayName, 'Alice Anderson');
      assert.equal(typeof session.data.user?.accountId, 'string');
      assert.equal((await jira.myself()).displayName, 'Alice Anderson');
    } finally {
      await sb.close();
    }
  });

  it('serializes to JSON and resumes in another client (another process) without the credential', async () => {
    const { sb, jira, newClient, sent } = sandboxClient('datacenter');
    try {
      const session = await jira.sessions.create(CREDS.dcBasic('bob'), { keepCredential: false });
      const stored: SessionData = JSON.parse(JSON.stringify(session));
      assert.equal(stored.credential, undefined);
      assert.equal(stored.server, SANDBOX_URL);

      const resumed = newClient({ auth: { type: 'session', session: stored } });
      const before = sent.length;
      assert.equal((await resumed.myself()).name, 'bob');
      assert.equal(sent[before]?.headers.get('authorization'), null);
      assert.equal(resumed.sessions.get()?.data.cookies.JSESSIONID, stored.cookies.JSESSIONID);
    } finally {
      await sb.close();
    }
  });

  it('expired, without a held credential: SessionExpiredError', async () => {
    const { sb, jira } = sandboxClient('datacenter');
    try {
      await jira.sessions.create(CREDS.dcBasic('alice'), { keepCredential: false });
      sb.expireSessions();
      const error = await jira.myself().catch((e: unknown) => e);
      assert.ok(error instanceof SessionExpiredError);
      assert.ok(error instanceof AuthenticationError);
      assert.match(error.message, /^Session expired: /);
    } finally {
      await sb.close();
    }
  });

  it('expired, with the credential held: renews once and repeats the call, even a POST', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter');
    try {
      const session = await jira.sessions.create(CREDS.dcBasic('alice'));
      const oldCookie = session.data.cookies.JSESSIONID;
      sb.expireSessions();
      const results = await Promise.all([jira.myself(), jira.myself(), jira.myself()]);
      assert.deepEqual(
        results.map((u) => u.name),
        ['alice', 'alice', 'alice'],
      );
      assert.notEqual(session.data.cookies.JSESSIONID, oldCookie);
      assert.equal(
        paths(sent).filter((p) => p === 'POST /rest/auth/1/session').length,
        2,
        'one renewal for three calls',
      );

      sb.expireSessions();
      const search = await jira.request<{ total: number }>({
        method: 'POST',
        path: '/rest/api/2/search',
        body: { jql: 'project = DEMO', maxResults: 0 },
      });
      assert.equal(typeof search.total, 'number');
    } finally {
      await sb.close();
    }
  });

  it('expired on Cloud with the token held: renews through /myself', async () => {
    const { sb, jira } = sandboxClient('cloud');
    try {
      const session = await jira.sessions.create(CREDS.cloudToken('bob'));
      const old = session.data.cookies['tenant.session.token'];
      sb.expireSessions();
      assert.equal((await jira.myself()).displayName, 'Bob Brown');
      assert.notEqual(session.data.cookies['tenant.session.token'], old);
    } finally {
      await sb.close();
    }
  });

  it('remove() logs out on Data Center and forgets the session', async () => {
    const { sb, jira, sent, newClient } = sandboxClient('datacenter');
    try {
      const session = await jira.sessions.create(CREDS.dcBasic('alice'), { keepCredential: false });
      const stored = session.toJSON();
      await jira.sessions.remove();
      assert.equal(jira.sessions.get(), undefined);
      assert.ok(paths(sent).includes('DELETE /rest/auth/1/session'));
      const reuse = await newClient({ auth: { type: 'session', session: stored } })
        .myself()
        .catch((e: unknown) => e);
      assert.ok(reuse instanceof SessionExpiredError, 'the server no longer accepts the cookie');
      // The client is back to its own (anonymous) auth.
      assert.ok((await jira.myself().catch((e: unknown) => e)) instanceof AuthenticationError);
      await jira.sessions.remove(); // nothing to remove: no error
    } finally {
      await sb.close();
    }
  });

  it('remove() on Cloud only forgets the session (no session resource there)', async () => {
    const { sb, jira, sent } = sandboxClient('cloud', { auth: CREDS.cloudToken('alice') });
    try {
      await jira.sessions.create();
      await jira.sessions.remove();
      assert.equal(jira.sessions.get(), undefined);
      assert.ok(!paths(sent).includes('DELETE /rest/auth/1/session'));
      assert.equal(
        (await jira.myself()).displayName,
        'Alice Anderson',
        'the client credential is used again',
      );
    } finally {
      await sb.close();
    }
  });

  it('a PAT session on Data Center (no cookie from Jira) authenticates with the held token', async () => {
    const { sb, jira } = sandboxClient('datacenter');
    try {
      const session = await jira.sessions.create(CREDS.dcPat('bob'));
      assert.deepEqual(session.data.cookies, {});
      assert.equal((await jira.myself()).name, 'bob');
      await assert.rejects(
        jira.sessions.create(CREDS.dcPat('bob'), { keepCredential: false }),
        ConfigurationError,
      );
    } finally {
      await sb.close();
    }
  });

  it('a headers session keeps and replays the headers', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter');
    try {
      const session = await jira.sessions.create(
        { type: 'headers', headers: { Authorization: 'Bearer alice-pat' } },
        { keepCredential: false },
      );
      assert.deepEqual(session.data.headers, { Authorization: 'Bearer alice-pat' });
      assert.equal((await jira.myself()).name, 'alice');
      assert.equal(sent.at(-1)?.headers.get('authorization'), 'Bearer alice-pat');
    } finally {
      await sb.close();
    }
  });

  it('per-call auth wins over the session', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter');
    try {
      await jira.sessions.create(CREDS.dcBasic('alice'));
      assert.equal((await jira.myself({ auth: CREDS.dcPat('bob') })).name, 'bob');
      assert.equal(sent.at(-1)?.headers.get('cookie'), null);
      assert.equal((await jira.myself()).name, 'alice');
    } finally {
      await sb.close();
    }
  });

  it('refuses bad session data, a session for another server, and an anonymous create', async () => {
    assert.throws(() => Session.fromJSON({ version: 2 } as unknown as SessionData), ConfigurationError);
    const data: SessionData = {
      version: 1,
      server: 'https://other.example.com',
      cookies: {},
      headers: {},
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    assert.throws(
      () => new Jira({ server: SANDBOX_URL, auth: { type: 'session', session: data } }),
      /belongs to/,
    );
    const { sb, jira } = sandboxClient('cloud');
    try {
      await assert.rejects(jira.sessions.create(), ConfigurationError);
    } finally {
      await sb.close();
    }
  });
});
