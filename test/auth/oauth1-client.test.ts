import assert from 'node:assert/strict';
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { oauth1Authorization } from '../../src/auth/oauth1.js';
import {
  AuthenticationError,
  ConfigurationError,
  Jira,
  type OAuth1Auth,
  OAuthError,
  oauth1AccessToken,
  oauth1RequestToken,
  redact,
} from '../../src/index.js';
import { createSandbox, DEMO_OAUTH1_CONSUMER, type Sandbox } from '../../src/sandbox/index.js';
import { recordingFetch } from '../client/helpers/sandbox.js';
import { approveInSandbox, BASE } from './oauth-helpers.js';

const CALLBACK = 'http://127.0.0.1:8766/callback';
const { consumerKey, privateKey, publicKey } = DEMO_OAUTH1_CONSUMER;

/** RFC 3986 percent-encoding as RFC 5849 §3.6 wants it. */
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The header's parameters, decoded. */
function headerParams(header: string): Map<string, string> {
  assert.match(header, /^OAuth /);
  const out = new Map<string, string>();
  for (const m of header.slice(6).matchAll(/([\w-]+)="([^"]*)"/g))
    out.set(m[1] ?? '', decodeURIComponent(m[2] ?? ''));
  return out;
}

/** RFC 5849 §3.4.1 signature base string, written independently of the signer. */
function baseString(method: string, url: URL, header: Map<string, string>, form?: URLSearchParams): string {
  const params: [string, string][] = [];
  for (const [k, v] of header) if (k !== 'realm' && k !== 'oauth_signature') params.push([k, v]);
  for (const [k, v] of url.searchParams) params.push([k, v]);
  for (const [k, v] of form ?? []) params.push([k, v]);
  const pairs = params
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  const normalized = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return [method.toUpperCase(), enc(`${url.protocol}//${url.host}${url.pathname}`), enc(normalized)].join(
    '&',
  );
}

function verifies(header: string, method: string, url: URL, key: string, form?: URLSearchParams): boolean {
  const params = headerParams(header);
  return createVerify('RSA-SHA1')
    .update(baseString(method, url, params, form))
    .verify(key, params.get('oauth_signature') ?? '', 'base64');
}

/** The OAuth 1.0a dance against a Data Center sandbox: alice's access token. */
async function signInOAuth1(sb: Sandbox, user = 'alice'): Promise<OAuth1Auth> {
  const request = await oauth1RequestToken({
    server: BASE,
    consumerKey,
    privateKey,
    callback: CALLBACK,
    fetch: sb.fetch,
  });
  assert.equal(
    request.authorizeUrl,
    `${BASE}/plugins/servlet/oauth/authorize?oauth_token=${enc(request.token)}`,
  );
  const { location } = await approveInSandbox(sb.fetch, request.authorizeUrl, { user });
  const back = new URL(location ?? '');
  assert.equal(`${back.origin}${back.pathname}`, CALLBACK);
  assert.equal(back.searchParams.get('oauth_token'), request.token);
  return oauth1AccessToken({
    server: BASE,
    consumerKey,
    privateKey,
    token: request.token,
    tokenSecret: request.tokenSecret,
    verifier: back.searchParams.get('oauth_verifier') ?? '',
    fetch: sb.fetch,
  });
}

function dcClient(sb: Sandbox, auth: OAuth1Auth) {
  const { fetch, sent } = recordingFetch(sb.fetch);
  return {
    jira: new Jira({ server: BASE, auth, fetch, allowInsecureHttp: true, retry: { retries: 0 } }),
    sent,
  };
}

describe('OAuth 1.0a signing', () => {
  it('signs method, URL, query (spaces, +, repeats) and form parameters per RFC 5849', () => {
    const url = new URL(
      'HTTP://Jira.Example.com:80/jira/rest/api/2/search?jql=project+%3D+A%20B&expand=b&expand=a&x=%2B',
    );
    const form = new URLSearchParams({ a: 'x y', 'b!': "it's" });
    const header = oauth1Authorization(
      { consumerKey, privateKey, token: 'tok', tokenSecret: 'ignored' },
      { method: 'post', url, form, oauthParams: { oauth_verifier: 'v 1' } },
    );
    const params = headerParams(header);
    assert.equal(params.get('oauth_consumer_key'), consumerKey);
    assert.equal(params.get('oauth_token'), 'tok');
    assert.equal(params.get('oauth_signature_method'), 'RSA-SHA1');
    assert.equal(params.get('oauth_version'), '1.0');
    assert.equal(params.get('oauth_verifier'), 'v 1');
    assert.ok(Math.abs(Number(params.get('oauth_timestamp')) - Date.now() / 1000) < 5);
    assert.ok(verifies(header, 'POST', url, publicKey, form));
    // The form parameters count: leaving them out breaks the signature.
    assert.ok(!verifies(header, 'POST', url, publicKey));
    // So does the method.
    assert.ok(!verifies(header, 'GET', url, publicKey, form));
    const again = headerParams(
      oauth1Authorization({ consumerKey, privateKey, token: 'tok' }, { method: 'GET', url }),
    );
    assert.notEqual(again.get('oauth_nonce'), params.get('oauth_nonce'));
  });

  it('redacts a signed Authorization header but keeps an oauth_problem challenge readable', () => {
    const header = oauth1Authorization(
      { consumerKey, privateKey, token: 's3cr3t-token' },
      { method: 'GET', url: new URL(BASE) },
    );
    const text = redact(
      `sent Authorization ${header} and callback ${CALLBACK}?oauth_token=s3cr3t-token&oauth_verifier=v3r`,
    );
    assert.ok(
      !text.includes('s3cr3t-token') && !text.includes('v3r') && !text.includes('oauth_signature='),
      text,
    );
    const challenge = 'OAuth realm="http%3A%2F%2Fjira.test", oauth_problem="token_rejected"';
    assert.equal(redact(challenge), challenge);
  });

  it('refuses a private key that is not PEM', () => {
    assert.throws(
      () =>
        new Jira({
          server: BASE,
          auth: { type: 'oauth1', consumerKey, privateKey: 'nope', token: 't', tokenSecret: '' },
        }),
      ConfigurationError,
    );
  });

  it('signs every attempt afresh: a retried request gets a new nonce', async () => {
    const nonces: string[] = [];
    const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const header = new Headers(init?.headers).get('authorization') ?? '';
      nonces.push(headerParams(header).get('oauth_nonce') ?? '');
      return nonces.length === 1
        ? new Response('busy', { status: 503, headers: { 'Retry-After': '0' } })
        : Response.json({ name: 'alice', displayName: 'Alice Anderson', active: true });
    };
    const jira = new Jira({
      server: 'http://127.0.0.1:9',
      auth: { type: 'oauth1', consumerKey, privateKey, token: 't', tokenSecret: '' },
      fetch,
      deployment: 'datacenter',
      retry: { retries: 1, baseDelayMs: 1 },
    });
    assert.equal((await jira.myself()).displayName, 'Alice Anderson');
    assert.equal(nonces.length, 2);
    assert.notEqual(nonces[0], nonces[1]);
  });
});

describe('OAuth 1.0a against the Data Center sandbox', () => {
  it('the dance gives an access token that signs calls as the user', async () => {
    const sb = createSandbox({ flavor: 'datacenter' });
    try {
      const auth = await signInOAuth1(sb, 'bob');
      assert.equal(auth.type, 'oauth1');
      assert.equal(auth.consumerKey, consumerKey);
      const { jira, sent } = dcClient(sb, auth);
      assert.equal((await jira.myself()).name, 'bob');
      const found = await jira.request<{ total: number }>({
        path: '/rest/api/2/search',
        query: { jql: 'order by created DESC', maxResults: 1, fields: ['summary', 'status'] },
      });
      assert.equal(typeof found.total, 'number');
      const header = sent.at(-1)?.headers.get('authorization') ?? '';
      assert.equal(headerParams(header).get('oauth_token'), auth.token);
      assert.ok(verifies(header, 'GET', new URL(sent.at(-1)?.url ?? ''), publicKey));
    } finally {
      await sb.close();
    }
  });

  it('a wrong key is refused with signature_invalid, a revoked token with token_rejected', async () => {
    const sb = createSandbox({ flavor: 'datacenter' });
    try {
      const auth = await signInOAuth1(sb);
      const other = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      await assert.rejects(
        dcClient(sb, { ...auth, privateKey: other.privateKey }).jira.myself(),
        (e: unknown) => {
          assert.ok(e instanceof OAuthError);
          assert.ok(e instanceof AuthenticationError);
          assert.equal(e.code, 'signature_invalid');
          assert.equal(e.status, 401);
          return true;
        },
      );
      sb.revokeOAuthGrants();
      await assert.rejects(
        dcClient(sb, auth).jira.myself(),
        (e: unknown) => e instanceof OAuthError && e.code === 'token_rejected',
      );
    } finally {
      await sb.close();
    }
  });

  it('a denied request token is reported through the callback, and a wrong key cannot get one', async () => {
    const sb = createSandbox({ flavor: 'datacenter' });
    try {
      const request = await oauth1RequestToken({
        server: BASE,
        consumerKey,
        privateKey,
        callback: CALLBACK,
        fetch: sb.fetch,
      });
      const { location } = await approveInSandbox(sb.fetch, request.authorizeUrl, { decision: 'deny' });
      assert.equal(new URL(location ?? '').searchParams.get('oauth_problem'), 'permission_denied');
      const other = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      await assert.rejects(
        oauth1RequestToken({
          server: BASE,
          consumerKey,
          privateKey: other.privateKey,
          callback: 'oob',
          fetch: sb.fetch,
        }),
        (e: unknown) => e instanceof OAuthError && e.code === 'signature_invalid',
      );
      await assert.rejects(
        oauth1RequestToken({
          server: BASE,
          consumerKey: 'unknown',
          privateKey,
          callback: 'oob',
          fetch: sb.fetch,
        }),
        (e: unknown) => e instanceof OAuthError && e.code === 'consumer_key_unknown',
      );
    } finally {
      await sb.close();
    }
  });

  it('oob shows the verifier on a page, and it completes the dance', async () => {
    const sb = createSandbox({ flavor: 'datacenter' });
    try {
      const request = await oauth1RequestToken({
        server: BASE,
        consumerKey,
        privateKey,
        callback: 'oob',
        fetch: sb.fetch,
      });
      const { location, html } = await approveInSandbox(sb.fetch, request.authorizeUrl);
      assert.equal(location, undefined);
      const verifier = /id="oauth_verifier">([^<]+)</.exec(html)?.[1] ?? '';
      assert.ok(verifier);
      const auth = await oauth1AccessToken({
        server: BASE,
        consumerKey,
        privateKey,
        token: request.token,
        tokenSecret: request.tokenSecret,
        verifier,
        fetch: sb.fetch,
      });
      assert.equal((await dcClient(sb, auth).jira.myself()).name, 'alice');
      await assert.rejects(
        oauth1AccessToken({
          server: BASE,
          consumerKey,
          privateKey,
          token: request.token,
          tokenSecret: '',
          verifier,
          fetch: sb.fetch,
        }),
        OAuthError,
      );
    } finally {
      await sb.close();
    }
  });
});
