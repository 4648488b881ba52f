import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AuthenticationError,
  ConfigurationError,
  Jira,
  type OAuth2Auth,
  OAuthError,
} from '../../src/index.js';
import { createSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { recordingFetch } from '../client/helpers/sandbox.js';
import { BASE, CLIENT_ID, CLOUD_ID, signInOAuth2 } from './oauth-helpers.js';

const SITE = `${BASE}/ex/jira/${CLOUD_ID}`;

/** A Cloud sandbox, alice's tokens, and a way to make OAuth 2.0 clients that record what they send. */
async function setup(sandboxOptions: SandboxOptions = {}, scopes?: string[]) {
  const sb = createSandbox({ flavor: 'cloud', ...sandboxOptions });
  const { auth } = await signInOAuth2(sb, scopes ? { scopes } : {});
  const { fetch, sent } = recordingFetch(sb.fetch);
  const refreshed: OAuth2Auth[] = [];
  const events: string[] = [];
  const client = (a: OAuth2Auth, onTokenRefresh?: (next: OAuth2Auth) => Promise<void>) =>
    new Jira({
      auth: a,
      fetch: (input, init) => {
        events.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
      allowInsecureHttp: true,
      retry: { retries: 0 },
      oauth: {
        authorizationServer: BASE,
        apiGateway: BASE,
        onTokenRefresh:
          onTokenRefresh ??
          (async (next) => {
            await new Promise((r) => setTimeout(r, 5));
            refreshed.push(next);
            events.push('onTokenRefresh');
          }),
      },
    });
  const tokenRequests = () => sent.filter((r) => r.url.endsWith('/oauth/token')).length;
  return { sb, auth, client, sent, refreshed, events, tokenRequests };
}

const expired = (auth: OAuth2Auth): OAuth2Auth => ({
  ...auth,
  expiresAt: new Date(Date.now() - 1000).toISOString(),
});

describe('OAuth 2.0 client against the sandbox', () => {
  it('looks the site up once through accessible-resources and calls the gateway as the user', async () => {
    const { sb, auth, client, sent } = await setup();
    try {
      const jira = client(auth);
      assert.equal(jira.server, `${BASE}/ex/jira`);
      const users = await Promise.all([jira.myself(), jira.myself(), jira.myself()]);
      assert.deepEqual(
        users.map((u) => u.displayName),
        ['Alice Anderson', 'Alice Anderson', 'Alice Anderson'],
      );
      assert.equal(jira.server, SITE);
      assert.equal(sent.filter((r) => r.url.endsWith('/oauth/token/accessible-resources')).length, 1);
      assert.ok(
        sent.filter((r) => r.url.includes('/myself')).every((r) => r.url.startsWith(`${SITE}/rest/`)),
      );
      assert.match(sent.at(-1)?.headers.get('authorization') ?? '', /^Bearer /);
    } finally {
      await sb.close();
    }
  });

  it('a refresh after the site lookup hands over the cloudId it found', async () => {
    const { sb, auth, client, refreshed } = await setup();
    try {
      const jira = client(auth);
      await jira.myself();
      sb.expireOAuthAccessTokens();
      await jira.myself();
      assert.equal(refreshed.length, 1);
      assert.equal(refreshed[0]?.cloudId, CLOUD_ID);
    } finally {
      await sb.close();
    }
  });

  it('uses the cloudId it is given without a lookup', async () => {
    const { sb, auth, client, sent } = await setup();
    try {
      const jira = client({ ...auth, cloudId: CLOUD_ID });
      assert.equal(jira.server, SITE);
      assert.equal((await jira.myself()).displayName, 'Alice Anderson');
      assert.equal(sent.filter((r) => r.url.includes('accessible-resources')).length, 0);
    } finally {
      await sb.close();
    }
  });

  it('asks for a cloudId when the token reaches several sites', async () => {
    const { sb, auth, client } = await setup({
      oauth: { extraSites: [{ id: '99999999-2222-4333-8444-555555555555', name: 'Second' }] },
    });
    try {
      await assert.rejects(client(auth).myself(), (e: unknown) => {
        assert.ok(e instanceof ConfigurationError);
        assert.match(e.message, /cloudId/);
        assert.match(e.message, /99999999-2222-4333-8444-555555555555/);
        return true;
      });
    } finally {
      await sb.close();
    }
  });

  it('20 concurrent calls with an expiring token make exactly one refresh', async () => {
    const { sb, auth, client, refreshed, tokenRequests } = await setup();
    try {
      const jira = client({ ...expired(auth), cloudId: CLOUD_ID });
      const users = await Promise.all(Array.from({ length: 20 }, () => jira.myself()));
      assert.equal(users.length, 20);
      assert.equal(tokenRequests(), 1);
      assert.equal(refreshed.length, 1);
      const next = refreshed[0] as OAuth2Auth;
      assert.notEqual(next.accessToken, auth.accessToken);
      assert.notEqual(next.refreshToken, auth.refreshToken);
      assert.equal(next.clientId, CLIENT_ID);
      assert.equal(next.clientSecret, auth.clientSecret);
      assert.equal(next.cloudId, CLOUD_ID);
      assert.ok(Date.parse(next.expiresAt ?? '') > Date.now() + 60_000);
    } finally {
      await sb.close();
    }
  });

  it('refreshes a token that expires within 60 seconds before using it', async () => {
    const { sb, auth, client, tokenRequests, sent } = await setup();
    try {
      const soon = new Date(Date.now() + 30_000).toISOString();
      const jira = client({ ...auth, expiresAt: soon, cloudId: CLOUD_ID });
      await jira.myself();
      assert.equal(tokenRequests(), 1);
      // Only the new token was sent to Jira.
      const calls = sent.filter((r) => r.url.includes('/myself'));
      assert.equal(calls.length, 1);
      assert.notEqual(calls[0]?.headers.get('authorization'), `Bearer ${auth.accessToken}`);
    } finally {
      await sb.close();
    }
  });

  it('a 401 triggers one refresh and one retry, and onTokenRefresh has the tokens before the retry', async () => {
    const { sb, auth, client, events, refreshed, tokenRequests } = await setup();
    try {
      const jira = client({ ...auth, cloudId: CLOUD_ID });
      await jira.myself();
      sb.expireOAuthAccessTokens();
      events.length = 0;
      assert.equal((await jira.myself()).displayName, 'Alice Anderson');
      assert.equal(tokenRequests(), 1);
      assert.equal(refreshed.length, 1);
      const path = `/ex/jira/${CLOUD_ID}/rest/api/3/myself`;
      const myselfPath = events.find((e) => e.includes('/myself'))?.split(' ')[1] ?? path;
      assert.deepEqual(events, [
        `GET ${myselfPath}`,
        'POST /oauth/token',
        'onTokenRefresh',
        `GET ${myselfPath}`,
      ]);
    } finally {
      await sb.close();
    }
  });

  it('the replaced refresh token is refused with invalid_grant', async () => {
    const { sb, auth, client, refreshed } = await setup();
    try {
      await client({ ...expired(auth), cloudId: CLOUD_ID }).myself();
      assert.equal(refreshed.length, 1);
      const stale = client({ ...expired(auth), cloudId: CLOUD_ID }, async () => {});
      await assert.rejects(stale.myself(), (e: unknown) => {
        assert.ok(e instanceof OAuthError);
        assert.ok(e instanceof AuthenticationError);
        assert.equal(e.code, 'invalid_grant');
        assert.doesNotMatch(e.message, new RegExp(auth.refreshToken ?? 'x'));
        return true;
      });
    } finally {
      await sb.close();
    }
  });

  it('a revoked grant fails with invalid_grant after one refresh attempt', async () => {
    const { sb, auth, client, tokenRequests } = await setup();
    try {
      const jira = client({ ...auth, cloudId: CLOUD_ID });
      sb.revokeOAuthGrants();
      await assert.rejects(
        jira.myself(),
        (e: unknown) => e instanceof OAuthError && e.code === 'invalid_grant',
      );
      assert.equal(tokenRequests(), 1);
    } finally {
      await sb.close();
    }
  });

  it('without a refresh token an expired token gives expired_token and sends nothing', async () => {
    const { sb, auth, client, sent } = await setup({}, ['read:jira-work', 'read:jira-user']);
    try {
      assert.equal(auth.refreshToken, undefined);
      const before = sent.length;
      await assert.rejects(
        client({ ...expired(auth), cloudId: CLOUD_ID }).myself(),
        (e: unknown) => e instanceof OAuthError && e.code === 'expired_token',
      );
      assert.equal(sent.length, before);
    } finally {
      await sb.close();
    }
  });

  it('a missing scope stays a 401 naming the scope problem', async () => {
    const { sb, auth, client } = await setup({}, ['read:jira-work', 'read:jira-user', 'offline_access']);
    try {
      const jira = client({ ...auth, cloudId: CLOUD_ID });
      await assert.rejects(
        jira.request({ method: 'POST', path: '/rest/api/3/issue', body: { fields: {} } }),
        (e: unknown) => e instanceof AuthenticationError && /scope does not match/.test(e.message),
      );
    } finally {
      await sb.close();
    }
  });

  it('per-call oauth2 auth calls as that user', async () => {
    const { sb, auth, client } = await setup();
    try {
      const { auth: bob } = await signInOAuth2(sb, { user: 'bob' });
      const jira = client({ ...auth, cloudId: CLOUD_ID });
      assert.equal((await jira.myself({ auth: { ...bob, cloudId: CLOUD_ID } })).displayName, 'Bob Brown');
      assert.equal((await jira.myself()).displayName, 'Alice Anderson');
    } finally {
      await sb.close();
    }
  });

  it('refuses to send a refresh token over plain http to another host', async () => {
    const { sb, auth, sent } = await setup();
    try {
      const jira = new Jira({
        auth: { ...expired(auth), cloudId: CLOUD_ID },
        fetch: sb.fetch,
        oauth: { authorizationServer: BASE, apiGateway: BASE },
      });
      const before = sent.length;
      await assert.rejects(
        jira.myself(),
        (e: unknown) => e instanceof ConfigurationError && /http/.test(e.message),
      );
      assert.equal(sent.length, before);
    } finally {
      await sb.close();
    }
  });

  it('refuses an oauth2 auth without an access token at construction', () => {
    assert.throws(
      () => new Jira({ auth: { type: 'oauth2', clientId: CLIENT_ID, accessToken: '' } }),
      ConfigurationError,
    );
    assert.throws(() => new Jira({ server: undefined as unknown as string }), ConfigurationError);
  });
});
