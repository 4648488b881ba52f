import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationError, ConfigurationError, Jira } from '../../src/index.js';
import { CREDS, SANDBOX_URL, sandboxClient } from '../client/helpers/sandbox.js';

describe('auth methods on their flavor', () => {
  it('basic (user name + password) on Data Center', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      const me = await jira.myself();
      assert.equal(me.name, 'alice');
      assert.equal(me.displayName, 'Alice Anderson');
      assert.equal(sent.at(-1)?.headers.get('authorization'), `Basic ${btoa('alice:alice')}`);
    } finally {
      await sb.close();
    }
  });

  it('API token (email + token) on Cloud', async () => {
    const { sb, jira, sent } = sandboxClient('cloud', { auth: CREDS.cloudToken('bob') });
    try {
      const me = await jira.myself();
      assert.equal(me.displayName, 'Bob Brown');
      assert.equal(typeof me.accountId, 'string');
      assert.equal(me.name, undefined);
      assert.equal(
        sent.at(-1)?.headers.get('authorization'),
        `Basic ${btoa('bob@example.com:bob-api-token')}`,
      );
    } finally {
      await sb.close();
    }
  });

  it('personal access token (Bearer) on Data Center', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcPat('admin') });
    try {
      assert.equal((await jira.myself()).name, 'admin');
      assert.equal(sent.at(-1)?.headers.get('authorization'), 'Bearer admin-pat');
    } finally {
      await sb.close();
    }
  });

  it('custom headers, including your own Authorization', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', {
      auth: { type: 'headers', headers: { Authorization: 'Bearer bob-pat', 'X-Trace': 't-1' } },
    });
    try {
      assert.equal((await jira.myself()).name, 'bob');
      assert.equal(sent.at(-1)?.headers.get('x-trace'), 't-1');
    } finally {
      await sb.close();
    }
  });

  it('anonymous reads serverInfo but is refused /myself with a hint', async () => {
    const { sb, jira } = sandboxClient('cloud');
    try {
      assert.equal((await jira.serverInfo()).deployment, 'cloud');
      const error = await jira.myself().catch((e: unknown) => e);
      assert.ok(error instanceof AuthenticationError);
      assert.match(error.message, /Client must be authenticated to access this resource\..*Pass credentials/);
    } finally {
      await sb.close();
    }
  });

  it('a wrong password on Data Center is AUTHENTICATED_FAILED; the fourth try meets the CAPTCHA', async () => {
    const { sb, jira } = sandboxClient('datacenter', {
      auth: { type: 'basic', username: 'bob', password: 'wrong' },
      deployment: 'datacenter',
    });
    try {
      for (let i = 0; i < 3; i++) {
        const error = await jira.myself().catch((e: unknown) => e);
        assert.ok(error instanceof AuthenticationError);
        assert.match(error.message, /AUTHENTICATED_FAILED/);
      }
      const locked = await jira.myself({ auth: CREDS.dcBasic('bob') }).catch((e: unknown) => e);
      assert.ok(locked instanceof AuthenticationError);
      assert.equal(locked.status, 403);
      assert.match(locked.message, /CAPTCHA \(AUTHENTICATION_DENIED\): sign in once in a browser/);
    } finally {
      await sb.close();
    }
  });

  it('a bad API token on Cloud and an unknown PAT on Data Center are AuthenticationErrors', async () => {
    const cloud = sandboxClient('cloud', {
      auth: { type: 'apiToken', email: 'bob@example.com', token: 'nope' },
    });
    const dc = sandboxClient('datacenter', {
      auth: { type: 'pat', token: 'nope' },
      deployment: 'datacenter',
    });
    try {
      assert.ok((await cloud.jira.myself().catch((e: unknown) => e)) instanceof AuthenticationError);
      assert.ok((await dc.jira.myself().catch((e: unknown) => e)) instanceof AuthenticationError);
    } finally {
      await cloud.sb.close();
      await dc.sb.close();
    }
  });

  it('per-call auth wins over the client auth', async () => {
    const { sb, jira } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      assert.equal((await jira.myself({ auth: CREDS.dcPat('bob') })).name, 'bob');
      assert.equal((await jira.myself()).name, 'alice');
      const anonymous = await jira.myself({ auth: { type: 'anonymous' } }).catch((e: unknown) => e);
      assert.ok(anonymous instanceof AuthenticationError);
    } finally {
      await sb.close();
    }
  });

  it('refuses Basic or Bearer over plain http to a non-loopback host, unless allowed', async () => {
    const { sb, newClient, sent } = sandboxClient('datacenter');
    try {
      for (const auth of [CREDS.dcBasic('alice'), CREDS.dcPat('alice')]) {
        const jira = newClient({ auth, allowInsecureHttp: false, deployment: 'datacenter' });
        const before = sent.length;
        const error = await jira.myself().catch((e: unknown) => e);
        assert.ok(error instanceof ConfigurationError);
        assert.match(error.message, /^Refusing to send credentials over plain http:\/\/ to jira\.test/);
        assert.equal(sent.length, before, 'nothing was sent');
      }
      // Anonymous calls carry nothing to protect.
      assert.equal((await newClient({ allowInsecureHttp: false }).serverInfo()).deployment, 'datacenter');
      // The opt-in lets the call through.
      assert.equal(
        (await newClient({ auth: CREDS.dcBasic('alice'), allowInsecureHttp: true }).myself()).name,
        'alice',
      );
    } finally {
      await sb.close();
    }
  });

  it('allows credentials over plain http to loopback', async () => {
    const { sb } = sandboxClient('datacenter');
    const base = await sb.listen(0);
    try {
      const jira = new Jira({ server: base, auth: CREDS.dcBasic('alice') });
      assert.equal((await jira.myself()).name, 'alice');
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sb.close();
    }
  });

  it('rejects malformed credentials before sending', async () => {
    const jira = new Jira({ server: SANDBOX_URL, fetch: () => Promise.reject(new Error('must not send')) });
    await Promise.all([
      assert.rejects(
        jira.myself({ auth: { type: 'basic', username: 'a:b', password: 'x' } }),
        ConfigurationError,
      ),
      assert.rejects(jira.myself({ auth: { type: 'pat', token: 'two words' } }), ConfigurationError),
      assert.rejects(
        jira.myself({ auth: { type: 'headers', headers: { 'X-A': 'a\r\nInjected: 1' } } }),
        ConfigurationError,
      ),
    ]);
  });
});
