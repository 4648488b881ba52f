import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { ORIGIN } from './helpers.js';
import {
  ALL_SCOPES,
  authorizationCode,
  authorizeUrl,
  bearer,
  CLIENT_ID,
  CLIENT_SECRET,
  CLOUD_ID,
  fetchPage,
  pkce,
  REDIRECT_URI,
  readForm,
  signIn,
  signInAndDecide,
  submit,
  tokenRequest,
} from './oauth-pages.js';

async function resources(sb: Sandbox, token: unknown): Promise<{ status: number; body: unknown }> {
  const response = await sb.fetch(`${ORIGIN}/oauth/token/accessible-resources`, { headers: bearer(token) });
  return { status: response.status, body: await response.json() };
}

function refreshWith(sb: Sandbox, refreshToken: unknown, secret?: string) {
  return tokenRequest(sb, {
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    ...(secret ? { client_secret: secret } : {}),
    refresh_token: String(refreshToken),
  });
}

describe('OAuth 2.0 authorization server (cloud)', () => {
  const sb = createSandbox({
    flavor: 'cloud',
    oauth: { extraSites: [{ id: 'site-2', name: 'Second Site' }] },
  });
  after(() => sb.close());

  it('runs the PKCE code flow: sign-in page, wrong password, consent, code, tokens', async () => {
    const { verifier, challenge } = pkce();
    const page = await fetchPage(sb, authorizeUrl({ challenge, state: 'xyz' }));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.html, /name="username"/);
    assert.match(page.html, /name="password"/);
    assert.doesNotMatch(page.html, new RegExp(challenge), 'the challenge stays server-side');

    const wrong = await submit(sb, page, { username: 'alice', password: 'nope' });
    assert.equal(wrong.status, 200);
    assert.match(wrong.html, /Wrong user name or password/);
    assert.match(wrong.html, /Sign in<\/button>/);

    const consent = await submit(sb, wrong, { username: 'alice', password: 'alice' });
    assert.match(consent.html, /Alice Anderson/);
    for (const scope of ALL_SCOPES) assert.ok(consent.html.includes(scope), scope);
    assert.match(consent.html, />Deny<\/button>/);
    const done = await submit(sb, consent, { decision: 'accept' });
    assert.equal(done.status, 302);
    const location = new URL(String(done.headers.get('location')));
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
    assert.equal(location.searchParams.get('state'), 'xyz');
    const code = String(location.searchParams.get('code'));

    const reply = await tokenRequest(
      sb,
      {
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      },
      { form: true },
    );
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body).sort(), [
      'access_token',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    assert.equal(reply.body.token_type, 'Bearer');
    assert.equal(reply.body.expires_in, 3600);
    assert.equal(reply.body.scope, ALL_SCOPES.join(' '));
    assert.notEqual(reply.body.access_token, reply.body.refresh_token);

    // The consent step was used up: posting it again is refused.
    assert.equal((await submit(sb, consent, { decision: 'accept' })).status, 400);
  });

  it('runs the code flow with a client secret (JSON body), and with Basic client authentication', async () => {
    const code = await authorizationCode(sb, { scopes: ['read:jira-work'] });
    const reply = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code,
      redirect_uri: REDIRECT_URI,
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.scope, 'read:jira-work');
    assert.equal(reply.body.refresh_token, undefined, 'no refresh token without offline_access');

    const second = await authorizationCode(sb, { scopes: ['read:jira-work'] });
    const response = await sb.fetch(`${ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: second,
        redirect_uri: REDIRECT_URI,
      }).toString(),
    });
    assert.equal(response.status, 200);
  });

  it('redirects with access_denied when the user denies', async () => {
    const done = await signInAndDecide(sb, await fetchPage(sb, authorizeUrl({ state: 's1' })), 'bob', 'deny');
    assert.equal(done.status, 302);
    const location = new URL(String(done.headers.get('location')));
    assert.equal(location.searchParams.get('error'), 'access_denied');
    assert.ok(location.searchParams.get('error_description'));
    assert.equal(location.searchParams.get('state'), 's1');
    assert.equal(location.searchParams.get('code'), null);
  });

  it('shows an error page (no redirect) for an unknown client or a redirect URI it may not use', async () => {
    for (const url of [
      authorizeUrl({ clientId: 'other-app' }),
      authorizeUrl({ redirectUri: 'https://evil.example/callback' }),
      authorizeUrl({ redirectUri: 'http://192.168.1.5/callback' }),
    ]) {
      const page = await fetchPage(sb, url);
      assert.equal(page.status, 400, url);
      assert.equal(page.headers.get('location'), null);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    }
    for (const redirectUri of ['http://localhost:9/cb', 'http://[::1]:9/cb']) {
      assert.equal((await fetchPage(sb, authorizeUrl({ redirectUri }))).status, 200, redirectUri);
    }
  });

  it('redirects with an error for a bad request from a known client', async () => {
    const page = await fetchPage(sb, authorizeUrl({ challenge: 'short' }));
    assert.equal(page.status, 302);
    assert.equal(new URL(String(page.headers.get('location'))).searchParams.get('error'), 'invalid_request');
    const noAudience = await fetchPage(sb, authorizeUrl().replace('audience=api.atlassian.com&', ''));
    assert.equal(
      new URL(String(noAudience.headers.get('location'))).searchParams.get('error'),
      'invalid_request',
    );
  });

  it('escapes what it echoes into the pages', async () => {
    const page = await fetchPage(sb, authorizeUrl());
    const again = await submit(sb, page, { username: '<img src=x onerror=alert(1)>', password: 'x' });
    assert.doesNotMatch(again.html, /<img/);
    assert.match(again.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.equal(readForm(again.html).hidden.flow, readForm(page.html).hidden.flow);
  });

  it('refuses a reused code, and revokes what the first exchange issued', async () => {
    const code = await authorizationCode(sb, { scopes: ['read:jira-work'] });
    const params = {
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code,
      redirect_uri: REDIRECT_URI,
    };
    const first = await tokenRequest(sb, params);
    assert.equal(first.status, 200);
    assert.equal((await resources(sb, first.body.access_token)).status, 200);
    const second = await tokenRequest(sb, params);
    assert.equal(second.status, 403);
    assert.equal(second.body.error, 'invalid_grant');
    assert.equal(typeof second.body.error_description, 'string');
    assert.equal((await resources(sb, first.body.access_token)).status, 401);
  });

  it('checks the verifier, the client, the secret and the redirect URI', async () => {
    const { challenge } = pkce();
    const code = await authorizationCode(sb, { challenge });
    const base = { grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: REDIRECT_URI };
    const cases: [Record<string, string>, number, string][] = [
      [{ ...base, code_verifier: pkce().verifier }, 403, 'invalid_grant'],
      [base, 401, 'invalid_client'],
      [{ ...base, client_secret: 'wrong-secret' }, 401, 'invalid_client'],
      [{ ...base, client_id: 'other-app', code_verifier: pkce().verifier }, 401, 'invalid_client'],
      [
        { ...base, redirect_uri: 'http://127.0.0.1:1/other', client_secret: CLIENT_SECRET },
        403,
        'invalid_grant',
      ],
      [{ ...base, grant_type: 'password' }, 400, 'unsupported_grant_type'],
      [{ client_id: CLIENT_ID, code }, 400, 'invalid_request'],
    ];
    for (const [params, status, error] of cases) {
      const reply = await tokenRequest(sb, params);
      assert.equal(reply.status, status, JSON.stringify(params));
      assert.equal(reply.body.error, error, JSON.stringify(params));
      assert.doesNotMatch(JSON.stringify(reply.body), /wrong-secret|demo-app-secret/);
    }
    // A code exchanged without its verifier (with the secret) is refused too: PKCE binds the code.
    const noVerifier = await tokenRequest(sb, { ...base, client_secret: CLIENT_SECRET });
    assert.equal(noVerifier.status, 403);
    const unreadable = await sb.fetch(`${ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    assert.equal(unreadable.status, 400);
  });

  it('rotates refresh tokens; reusing an old one revokes the whole grant', async () => {
    const tokens = await signIn(sb);
    const first = await refreshWith(sb, tokens.refresh_token);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.notEqual(first.body.refresh_token, tokens.refresh_token);
    assert.notEqual(first.body.access_token, tokens.access_token);
    assert.equal(first.body.scope, ALL_SCOPES.join(' '));
    const second = await refreshWith(sb, first.body.refresh_token);
    assert.equal(second.status, 200);
    assert.equal((await resources(sb, second.body.access_token)).status, 200);

    const reused = await refreshWith(sb, tokens.refresh_token);
    assert.equal(reused.status, 403);
    assert.equal(reused.body.error, 'invalid_grant');
    assert.equal(
      (await refreshWith(sb, second.body.refresh_token)).status,
      403,
      'the newest refresh token is gone too',
    );
    assert.equal((await resources(sb, second.body.access_token)).status, 401, 'so are the access tokens');
  });

  it('needs the client secret to refresh a grant made with the secret', async () => {
    const code = await authorizationCode(sb);
    const tokens = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      code,
      redirect_uri: REDIRECT_URI,
    });
    const without = await refreshWith(sb, tokens.body.refresh_token);
    assert.equal(without.status, 401);
    assert.equal(without.body.error, 'invalid_client');
    assert.equal((await refreshWith(sb, tokens.body.refresh_token, CLIENT_SECRET)).status, 200);
  });

  it('refuses expired refresh tokens (hook and idle lifetime)', async () => {
    const tokens = await signIn(sb);
    sb.expireOAuthRefreshTokens();
    const reply = await refreshWith(sb, tokens.refresh_token);
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error, 'invalid_grant');

    const short = createSandbox({ flavor: 'cloud', oauth: { refreshTokenTtlMs: 40 } });
    try {
      const fresh = await signIn(short);
      const ok = await refreshWith(short, fresh.refresh_token);
      assert.equal(ok.status, 200);
      await new Promise((resolve) => setTimeout(resolve, 80));
      assert.equal((await refreshWith(short, ok.body.refresh_token)).status, 403);
    } finally {
      await short.close();
    }
  });

  it('revokes a grant through /oauth/revoke', async () => {
    const tokens = await signIn(sb);
    const unknown = await sb.fetch(`${ORIGIN}/oauth/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: tokens.refresh_token, client_id: 'other-app' }),
    });
    assert.equal(unknown.status, 401);
    assert.equal((await resources(sb, tokens.access_token)).status, 200);
    const revoke = await sb.fetch(`${ORIGIN}/oauth/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: String(tokens.refresh_token), client_id: CLIENT_ID }).toString(),
    });
    assert.equal(revoke.status, 200);
    assert.equal((await resources(sb, tokens.access_token)).status, 401);
    assert.equal((await refreshWith(sb, tokens.refresh_token)).status, 403);
    const again = await sb.fetch(`${ORIGIN}/oauth/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 'never-issued', client_id: CLIENT_ID }),
    });
    assert.equal(again.status, 200, 'unknown tokens are fine');
  });

  it('lists accessible resources for a valid token only', async () => {
    const tokens = await signIn(sb, ['read:jira-work', 'offline_access']);
    const reply = await resources(sb, tokens.access_token);
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, [
      {
        id: CLOUD_ID,
        name: 'JiraTS Sandbox',
        url: ORIGIN,
        scopes: ['read:jira-work', 'offline_access'],
        avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png',
      },
      {
        id: 'site-2',
        name: 'Second Site',
        url: 'https://second-site.atlassian.net',
        scopes: ['read:jira-work', 'offline_access'],
        avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png',
      },
    ]);
    const bad = await resources(sb, 'not-a-token');
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.body, { code: 401, message: 'Unauthorized' });
    sb.revokeOAuthGrants();
    assert.equal((await resources(sb, tokens.access_token)).status, 401);
    assert.equal((await refreshWith(sb, tokens.refresh_token)).status, 403);
  });

  it('serves nothing of this on the datacenter flavor', async () => {
    const dc = createSandbox({ flavor: 'datacenter' });
    try {
      assert.equal((await fetchPage(dc, authorizeUrl())).status, 404);
      const reply = await dc.fetch(`${ORIGIN}/oauth/token`, { method: 'POST', body: '{}' });
      assert.equal(reply.status, 404);
    } finally {
      await dc.close();
    }
  });
});
