import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  accessibleResources,
  completeOAuth2Authorization,
  Jira,
  OAuthError,
  redact,
  revokeOAuth2Token,
  startOAuth2Authorization,
} from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import {
  ALL_SCOPES,
  approveInSandbox,
  BASE,
  CLIENT_ID,
  CLIENT_SECRET,
  CLOUD_ID,
  REDIRECT_URI,
  signInOAuth2,
} from './oauth-helpers.js';

const start = () =>
  startOAuth2Authorization({
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scopes: ALL_SCOPES,
    authorizationServer: BASE,
  });

const noNetwork = async (): Promise<Response> => {
  throw new Error('no request expected');
};

describe('OAuth 2.0 authorization helpers', () => {
  it('builds the authorization URL with PKCE S256, state, audience and consent', () => {
    const a = start();
    const b = start();
    const url = new URL(a.url);
    assert.equal(`${url.origin}${url.pathname}`, `${BASE}/authorize`);
    const q = url.searchParams;
    assert.equal(q.get('audience'), 'api.atlassian.com');
    assert.equal(q.get('client_id'), CLIENT_ID);
    assert.equal(q.get('scope'), ALL_SCOPES.join(' '));
    assert.equal(q.get('redirect_uri'), REDIRECT_URI);
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('prompt'), 'consent');
    assert.equal(q.get('state'), a.state);
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.equal(q.get('code_challenge'), createHash('sha256').update(a.codeVerifier).digest('base64url'));
    assert.equal(q.get('code_verifier'), null);
    assert.match(a.codeVerifier, /^[A-Za-z0-9_-]{43,128}$/);
    assert.notEqual(a.state, b.state);
    assert.notEqual(a.codeVerifier, b.codeVerifier);
    const real = new URL(
      startOAuth2Authorization({ clientId: 'x', redirectUri: REDIRECT_URI, scopes: [] }).url,
    );
    assert.equal(real.origin, 'https://auth.atlassian.com');
  });

  it('exchanges the code of an approved sign-in (public client: PKCE only) and the code is single use', async () => {
    const sb = createSandbox({ flavor: 'cloud' });
    try {
      const s = start();
      const { location } = await approveInSandbox(sb.fetch, s.url, { user: 'bob' });
      assert.ok(location?.startsWith(REDIRECT_URI));
      const options = {
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        codeVerifier: s.codeVerifier,
        expectedState: s.state,
        callbackUrl: location ?? '',
        authorizationServer: BASE,
        fetch: sb.fetch,
      };
      const { auth, scopes } = await completeOAuth2Authorization(options);
      assert.deepEqual(scopes, ALL_SCOPES);
      assert.equal(auth.type, 'oauth2');
      assert.equal(auth.clientSecret, undefined);
      assert.equal(auth.cloudId, undefined);
      assert.ok(auth.refreshToken);
      assert.ok(Math.abs(Date.parse(auth.expiresAt ?? '') - (Date.now() + 3_600_000)) < 60_000);
      const jira = new Jira({
        auth: { ...auth, cloudId: CLOUD_ID },
        fetch: sb.fetch,
        allowInsecureHttp: true,
        oauth: { apiGateway: BASE },
      });
      assert.equal((await jira.myself()).displayName, 'Bob Brown');
      await assert.rejects(completeOAuth2Authorization(options), (e: unknown) => {
        assert.ok(e instanceof OAuthError);
        assert.equal(e.code, 'invalid_grant');
        assert.equal(e.status, 403);
        const code = new URL(location ?? '').searchParams.get('code') ?? 'none';
        assert.ok(!e.message.includes(code) && !e.message.includes(s.codeVerifier));
        return true;
      });
    } finally {
      await sb.close();
    }
  });

  it('refuses a callback whose state does not match, before any request', async () => {
    const s = start();
    await assert.rejects(
      completeOAuth2Authorization({
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        codeVerifier: s.codeVerifier,
        expectedState: s.state,
        callbackUrl: `${REDIRECT_URI}?code=abc&state=forged`,
        authorizationServer: BASE,
        fetch: noNetwork,
      }),
      (e: unknown) => e instanceof OAuthError && e.code === 'state_mismatch' && !e.message.includes(s.state),
    );
  });

  it('reports a denied sign-in as access_denied', async () => {
    const sb = createSandbox({ flavor: 'cloud' });
    try {
      const s = start();
      const { location } = await approveInSandbox(sb.fetch, s.url, { decision: 'deny' });
      await assert.rejects(
        completeOAuth2Authorization({
          clientId: CLIENT_ID,
          redirectUri: REDIRECT_URI,
          codeVerifier: s.codeVerifier,
          expectedState: s.state,
          callbackUrl: location ?? '',
          authorizationServer: BASE,
          fetch: noNetwork,
        }),
        (e: unknown) => e instanceof OAuthError && e.code === 'access_denied',
      );
    } finally {
      await sb.close();
    }
  });

  it('a wrong verifier is invalid_grant and a wrong client secret invalid_client', async () => {
    const sb = createSandbox({ flavor: 'cloud' });
    try {
      for (const [change, code] of [
        [{ codeVerifier: 'x'.repeat(64) }, 'invalid_grant'],
        [{ clientSecret: 'not-the-secret' }, 'invalid_client'],
      ] as const) {
        const s = start();
        const { location } = await approveInSandbox(sb.fetch, s.url);
        const options = {
          clientId: CLIENT_ID,
          redirectUri: REDIRECT_URI,
          codeVerifier: s.codeVerifier,
          expectedState: s.state,
          callbackUrl: location ?? '',
          authorizationServer: BASE,
          fetch: sb.fetch,
        };
        await assert.rejects(
          completeOAuth2Authorization({ ...options, ...change }),
          (e: unknown) => e instanceof OAuthError && e.code === code && !e.message.includes('not-the-secret'),
        );
      }
    } finally {
      await sb.close();
    }
  });

  it('lists accessible resources, and refuses a bad token', async () => {
    const sb = createSandbox({ flavor: 'cloud' });
    try {
      const { auth } = await signInOAuth2(sb);
      const sites = await accessibleResources({
        accessToken: auth.accessToken,
        apiGateway: BASE,
        fetch: sb.fetch,
      });
      assert.equal(sites.length, 1);
      assert.equal(sites[0]?.id, CLOUD_ID);
      assert.equal(sites[0]?.name, 'JiraTS Sandbox');
      assert.equal(sites[0]?.url, BASE);
      assert.ok(sites[0]?.scopes.includes('read:jira-work'));
      await assert.rejects(
        accessibleResources({ accessToken: 'nope', apiGateway: BASE, fetch: sb.fetch }),
        (e: unknown) => e instanceof OAuthError && e.status === 401,
      );
    } finally {
      await sb.close();
    }
  });

  it('revoking a token ends the grant', async () => {
    const sb = createSandbox({ flavor: 'cloud' });
    try {
      const { auth } = await signInOAuth2(sb);
      await revokeOAuth2Token({
        token: auth.refreshToken ?? '',
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        authorizationServer: BASE,
        fetch: sb.fetch,
      });
      await assert.rejects(
        accessibleResources({ accessToken: auth.accessToken, apiGateway: BASE, fetch: sb.fetch }),
        (e: unknown) => e instanceof OAuthError && e.status === 401,
      );
      const jira = new Jira({
        auth: { ...auth, cloudId: CLOUD_ID },
        fetch: sb.fetch,
        allowInsecureHttp: true,
        oauth: { apiGateway: BASE, authorizationServer: BASE },
      });
      await assert.rejects(
        jira.myself(),
        (e: unknown) => e instanceof OAuthError && e.code === 'invalid_grant',
      );
    } finally {
      await sb.close();
    }
  });

  it('redacts the secrets of an OAuth redirect and token body from text', () => {
    const text = redact(
      `${REDIRECT_URI}?code=c0de&state=st4te&code_verifier=v3r and {"refresh_token":"r3f","client_secret":"s3c","code_verifier":"v3r"}`,
    );
    for (const secret of ['c0de', 'st4te', 'v3r', 'r3f', 's3c']) assert.ok(!text.includes(secret), text);
  });
});
