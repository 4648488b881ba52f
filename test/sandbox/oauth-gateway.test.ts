import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { assertConforms, call, login, ORIGIN, obj } from './helpers.js';
import { bearer, CLOUD_ID, signIn } from './oauth-pages.js';

const GATEWAY = `/ex/jira/${CLOUD_ID}`;
const UNAUTHORIZED = { code: 401, message: 'Unauthorized' };
const SCOPE_MISMATCH = { code: 401, message: 'Unauthorized; scope does not match' };

/** A gateway reply with the gateway's base replaced by the site's, to compare with a direct reply. */
function asDirect(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replaceAll(`${ORIGIN}${GATEWAY}`, ORIGIN));
}

describe('OAuth 2.0 API gateway (cloud)', () => {
  const sb = createSandbox({
    flavor: 'cloud',
    oauth: { extraSites: [{ id: 'site-2', name: 'Second Site' }] },
  });
  let full: Record<string, string>;
  let readOnly: Record<string, string>;
  let workOnly: Record<string, string>;
  before(async () => {
    full = bearer((await signIn(sb)).access_token);
    readOnly = bearer((await signIn(sb, ['read:jira-work', 'read:jira-user'])).access_token);
    workOnly = bearer((await signIn(sb, ['read:jira-work', 'write:jira-work'], 'bob')).access_token);
  });
  after(() => sb.close());

  it('serves the REST API as the token user, with URLs pointing back at the gateway', async () => {
    const reply = await call(sb, `${GATEWAY}/rest/api/3/myself`, { headers: readOnly });
    assert.equal(reply.status, 200);
    assert.equal(obj(reply.body).accountId, '5f3c8a1b2d4e6f7a8b9c0d2f');
    assert.equal(reply.headers.get('x-aaccountid'), '5f3c8a1b2d4e6f7a8b9c0d2f');
    assert.ok(String(obj(reply.body).self).startsWith(`${ORIGIN}${GATEWAY}/rest/api/3/user`));
    assertConforms('cloud', 'GET', '/rest/api/3/myself', reply);
  });

  it('answers exactly as the direct API does, apart from the base URL', async () => {
    const reads = [
      '/rest/api/3/issue/DEMO-1',
      '/rest/api/2/issue/DEMO-2?expand=names',
      '/rest/api/3/project',
      '/rest/api/3/issue/NOPE-1',
    ];
    for (const path of reads) {
      const direct = await call(sb, path, { headers: login('cloud', 'alice') });
      const through = await call(sb, `${GATEWAY}${path}`, { headers: readOnly });
      assert.equal(through.status, direct.status, path);
      assert.deepEqual(asDirect(through.body), direct.body, path);
    }
    const search = { jql: 'project = DEMO ORDER BY key', fields: ['summary', 'status'], maxResults: 5 };
    const direct = await call(sb, '/rest/api/3/search/jql', {
      method: 'POST',
      headers: login('cloud', 'alice'),
      body: search,
    });
    const through = await call(sb, `${GATEWAY}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: readOnly,
      body: search,
    });
    assert.equal(through.status, 200, 'a read-only search is allowed with read:jira-work');
    assert.deepEqual(asDirect(through.body), direct.body);
    assertConforms('cloud', 'POST', '/rest/api/3/search/jql', through);
  });

  it('checks scopes: writes need write:jira-work, user reads need read:jira-user', async () => {
    const comment = {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'via OAuth' }] }],
      },
    };
    const refused = await call(sb, `${GATEWAY}/rest/api/3/issue/DEMO-1/comment`, {
      method: 'POST',
      headers: readOnly,
      body: comment,
    });
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, SCOPE_MISMATCH);
    const written = await call(sb, `${GATEWAY}/rest/api/3/issue/DEMO-1/comment`, {
      method: 'POST',
      headers: workOnly,
      body: comment,
    });
    assert.equal(written.status, 201);
    assert.equal(
      obj(obj(written.body).author).accountId,
      '5f3c8a1b2d4e6f7a8b9c0d3a',
      'written as the token user',
    );
    assertConforms('cloud', 'POST', '/rest/api/3/issue/{issueIdOrKey}/comment', written);

    for (const path of [
      '/rest/api/3/myself',
      '/rest/api/3/user/search?query=a',
      '/rest/api/3/groups/picker',
    ]) {
      const reply = await call(sb, `${GATEWAY}${path}`, { headers: workOnly });
      assert.equal(reply.status, 401, path);
      assert.deepEqual(reply.body, SCOPE_MISMATCH, path);
    }
    assert.equal((await call(sb, `${GATEWAY}/rest/api/3/issue/DEMO-1`, { headers: workOnly })).status, 200);
    const removed = await call(
      sb,
      `${GATEWAY}/rest/api/3/issue/DEMO-1/comment/${String(obj(written.body).id)}`,
      {
        method: 'DELETE',
        headers: workOnly,
      },
    );
    assert.equal(removed.status, 204);
  });

  it('takes bearer tokens on the gateway only, and only valid ones', async () => {
    const direct = await call(sb, '/rest/api/3/myself', { headers: full });
    assert.equal(direct.status, 401);
    assert.deepEqual(direct.body, {
      message: 'Client must be authenticated to access this resource.',
      'status-code': 401,
    });
    const spoofed = await call(sb, '/rest/api/3/myself', {
      headers: { ...full, 'X-JiraTS-Sandbox-Gateway-Site': CLOUD_ID },
    });
    assert.equal(spoofed.status, 401, 'a client cannot claim to come through the gateway');
    const spoofedAnonymous = await call(sb, '/rest/api/3/serverInfo', {
      headers: { 'X-JiraTS-Sandbox-Gateway-Site': CLOUD_ID },
    });
    assert.equal(spoofedAnonymous.status, 200);
    assert.equal(obj(spoofedAnonymous.body).baseUrl, ORIGIN);

    for (const headers of [{}, bearer('not-a-token'), login('cloud', 'alice')]) {
      const reply = await call(sb, `${GATEWAY}/rest/api/3/myself`, { headers });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, UNAUTHORIZED);
    }
  });

  it('answers 404 for an unknown cloudId, and serves extra sites', async () => {
    const unknown = await call(sb, '/ex/jira/00000000-0000-4000-8000-000000000000/rest/api/3/myself', {
      headers: full,
    });
    assert.equal(unknown.status, 404);
    const extra = await call(sb, '/ex/jira/site-2/rest/api/3/issue/DEMO-1', { headers: full });
    assert.equal(extra.status, 200);
    assert.ok(String(obj(extra.body).self).startsWith(`${ORIGIN}/ex/jira/site-2/rest/api/3/issue/`));
  });

  it('refuses expired and revoked access tokens with 401', async () => {
    const short = createSandbox({ flavor: 'cloud', oauth: { accessTokenTtlMs: 30 } });
    try {
      const tokens = await signIn(short);
      assert.equal(tokens.expires_in, 0);
      await new Promise((resolve) => setTimeout(resolve, 60));
      const reply = await call(short, `${GATEWAY}/rest/api/3/myself`, {
        headers: bearer(tokens.access_token),
      });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, UNAUTHORIZED);
    } finally {
      await short.close();
    }
    const tokens = await signIn(sb);
    const ok = await call(sb, `${GATEWAY}/rest/api/3/myself`, { headers: bearer(tokens.access_token) });
    assert.equal(ok.status, 200);
    sb.expireOAuthAccessTokens();
    const expired = await call(sb, `${GATEWAY}/rest/api/3/myself`, { headers: bearer(tokens.access_token) });
    assert.deepEqual([expired.status, expired.body], [401, UNAUTHORIZED]);
    const refreshed = await sb.fetch(`${ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: 'demo-app',
        refresh_token: tokens.refresh_token,
      }),
    });
    const renewed = (await refreshed.json()) as Record<string, unknown>;
    assert.equal(
      (await call(sb, `${GATEWAY}/rest/api/3/myself`, { headers: bearer(renewed.access_token) })).status,
      200,
    );
    sb.revokeOAuthGrants();
    const revoked = await call(sb, `${GATEWAY}/rest/api/3/myself`, { headers: bearer(renewed.access_token) });
    assert.deepEqual([revoked.status, revoked.body], [401, UNAUTHORIZED]);
  });

  it('works under a context path and on a real port (request bodies included)', async () => {
    const jira = createSandbox({ flavor: 'cloud', contextPath: '/jira' });
    try {
      const base = await jira.listen();
      const tokens = await signIn(jira, undefined, 'alice', '/jira');
      const headers = { ...bearer(tokens.access_token), 'Content-Type': 'application/json' };
      const myself = await fetch(`${base}${GATEWAY}/rest/api/3/myself`, { headers });
      assert.equal(myself.status, 200);
      assert.ok(
        String(((await myself.json()) as Record<string, unknown>).self).startsWith(`${base}${GATEWAY}/rest/`),
      );
      const search = await fetch(`${base}${GATEWAY}/rest/api/3/search/jql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ jql: 'key = DEMO-3', fields: ['summary'] }),
      });
      assert.equal(search.status, 200);
      const found = (await search.json()) as { issues: { key: string }[] };
      assert.deepEqual(
        found.issues.map((i) => i.key),
        ['DEMO-3'],
      );
      const outside = await fetch(`${base.replace(/\/jira$/, '')}${GATEWAY}/rest/api/3/serverInfo`);
      assert.equal(outside.status, 404, 'the gateway lives under the context path');
      const spoofed = await fetch(`${base}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { ...headers, 'X-JiraTS-Sandbox-Gateway-Site': CLOUD_ID },
        body: JSON.stringify({ jql: 'key = DEMO-3' }),
      });
      assert.equal(spoofed.status, 401, 'the marker is dropped and the body survives the copy');
      const basicSpoofed = await fetch(`${base}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: {
          ...login('cloud', 'alice'),
          'Content-Type': 'application/json',
          'X-JiraTS-Sandbox-Gateway-Site': CLOUD_ID,
        },
        body: JSON.stringify({ jql: 'key = DEMO-3' }),
      });
      assert.equal(basicSpoofed.status, 200);
      assert.equal(((await basicSpoofed.json()) as { issues: unknown[] }).issues.length, 1);
      const malformed = await fetch(`${base}/ex/jira/%E0%A4%A/rest/api/3/myself`, { headers });
      assert.equal(malformed.status, 404);
    } finally {
      await jira.close();
    }
  });

  it('does not exist on the datacenter flavor', async () => {
    const dc = createSandbox({ flavor: 'datacenter' });
    try {
      const reply = await call(dc, `${GATEWAY}/rest/api/2/myself`, { headers: login('datacenter', 'alice') });
      assert.equal(reply.status, 404);
      const spoofed = await call(dc, '/rest/api/2/myself', {
        headers: { Authorization: 'Bearer x', 'X-JiraTS-Sandbox-Gateway-Site': CLOUD_ID },
      });
      assert.equal(spoofed.status, 401);
    } finally {
      await dc.close();
    }
  });
});
