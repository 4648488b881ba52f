import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import OAuth from 'oauth-1.0a';
import { createSandbox, DEMO_OAUTH1_CONSUMER } from '../../src/sandbox/index.js';
import { parseOAuthHeader, signatureBaseString } from '../../src/sandbox/oauth/oauth1-signature.js';
import { ORIGIN } from './helpers.js';
import { fetchPage, readForm, signInAndDecide, submit } from './oauth-pages.js';

const SERVLET = `${ORIGIN}/plugins/servlet/oauth`;
const CALLBACK = 'http://127.0.0.1:43118/callback';

interface Token {
  key: string;
  secret: string;
}

interface SignOptions {
  token?: Token;
  /** Extra oauth_* parameters (callback, verifier) that go in the header. */
  extra?: Record<string, string>;
  privateKey?: string;
  consumerKey?: string;
  method?: string;
  timestamp?: number;
  nonce?: string;
  form?: Record<string, string>;
}

/** Signs with the `oauth-1.0a` package (RSA-SHA1), independently of the sandbox's verifier. */
function sign(url: string, options: SignOptions = {}): Record<string, string> {
  const privateKey = options.privateKey ?? DEMO_OAUTH1_CONSUMER.privateKey;
  const oauth = new OAuth({
    consumer: { key: options.consumerKey ?? DEMO_OAUTH1_CONSUMER.consumerKey, secret: '' },
    signature_method: 'RSA-SHA1',
    hash_function: (base) => createSign('RSA-SHA1').update(base).sign(privateKey, 'base64'),
  });
  if (options.timestamp !== undefined) {
    const timestamp = options.timestamp;
    oauth.getTimeStamp = () => timestamp;
  }
  if (options.nonce !== undefined) {
    const nonce = options.nonce;
    oauth.getNonce = () => nonce;
  }
  const data = { ...options.extra, ...options.form };
  const signed = oauth.authorize({ url, method: options.method ?? 'GET', data }, options.token);
  return { Authorization: oauth.toHeader({ ...signed, ...options.extra }).Authorization };
}

async function post(
  url: string,
  headers: Record<string, string>,
  sb = provider,
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await sb.fetch(url, { method: 'POST', headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function parseForm(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

const provider = createSandbox({ flavor: 'datacenter' });

/** The whole dance for `user`: request token, sign-in and consent, access token. */
async function dance(user = 'alice'): Promise<Token> {
  const requested = await post(
    `${SERVLET}/request-token`,
    sign(`${SERVLET}/request-token`, { method: 'POST', extra: { oauth_callback: CALLBACK } }),
  );
  assert.equal(requested.status, 200, requested.text);
  const request = parseForm(requested.text);
  const done = await signInAndDecide(
    provider,
    await fetchPage(provider, `${SERVLET}/authorize?oauth_token=${request.oauth_token}`),
    user,
  );
  assert.equal(done.status, 302, done.html);
  const verifier = String(new URL(String(done.headers.get('location'))).searchParams.get('oauth_verifier'));
  const token = { key: String(request.oauth_token), secret: String(request.oauth_token_secret) };
  const exchanged = await post(
    `${SERVLET}/access-token`,
    sign(`${SERVLET}/access-token`, { method: 'POST', token, extra: { oauth_verifier: verifier } }),
  );
  assert.equal(exchanged.status, 200, exchanged.text);
  const access = parseForm(exchanged.text);
  return { key: String(access.oauth_token), secret: String(access.oauth_token_secret) };
}

function assertProblem(reply: { status: number; text: string; headers: Headers }, problem: string): void {
  assert.equal(reply.status, 401, reply.text);
  assert.equal(parseForm(reply.text).oauth_problem, problem);
  assert.equal(
    reply.headers.get('www-authenticate'),
    `OAuth realm="${encodeURIComponent(ORIGIN)}", oauth_problem="${problem}"`,
  );
}

describe('OAuth 1.0a signature base string', () => {
  it('matches the example of RFC 5849 §3.4.1.1', () => {
    const header =
      'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"';
    const params = parseOAuthHeader(header);
    assert.ok(params);
    const base = signatureBaseString(
      {
        method: 'POST',
        url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
        form: 'c2&a3=2+q',
      },
      params,
    );
    assert.equal(
      base,
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });
});

describe('OAuth 1.0a provider (datacenter)', () => {
  let access: Token;
  before(async () => {
    access = await dance();
  });
  after(() => provider.close());

  it('runs the dance and signs API calls as the user', async () => {
    const url = `${ORIGIN}/rest/api/2/myself`;
    const reply = await provider.fetch(url, { headers: sign(url, { token: access }) });
    assert.equal(reply.status, 200);
    assert.equal(((await reply.json()) as Record<string, unknown>).name, 'alice');
    assert.equal(reply.headers.get('x-ausername'), 'alice');

    const search = `${ORIGIN}/rest/api/2/search?jql=${encodeURIComponent('key = DEMO-1')}&fields=summary`;
    const found = await provider.fetch(search, { headers: sign(search, { token: access }) });
    assert.equal(found.status, 200);
    assert.equal(((await found.json()) as { total: number }).total, 1);
  });

  it('covers form bodies in the signature', async () => {
    const url = `${ORIGIN}/rest/api/2/myself`;
    const form = { a: '1 2', b: 'x&y' };
    const headers = {
      ...sign(url, { token: access, method: 'POST', form }),
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    const good = await provider.fetch(url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(form).toString(),
    });
    assert.notEqual(good.status, 401, 'the signature holds (the route itself may refuse the method)');
    const tampered = await provider.fetch(url, {
      method: 'POST',
      headers: {
        ...sign(url, { token: access, method: 'POST', form }),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1+2&b=changed',
    });
    assertProblem(
      { status: tampered.status, text: await tampered.text(), headers: tampered.headers },
      'signature_invalid',
    );
  });

  it('refuses a bad signature, an unknown consumer, another method and a replayed nonce', async () => {
    const url = `${ORIGIN}/rest/api/2/myself`;
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    assertProblem(await get(url, sign(url, { token: access, privateKey: otherKey })), 'signature_invalid');
    assertProblem(await get(url, sign(`${url}?other=1`, { token: access })), 'signature_invalid');
    assertProblem(
      await get(url, sign(url, { token: access, consumerKey: 'someone-else' })),
      'consumer_key_unknown',
    );
    const hmac = sign(url, { token: access }).Authorization?.replace('RSA-SHA1', 'HMAC-SHA1') ?? '';
    assertProblem(await get(url, { Authorization: hmac }), 'signature_method_rejected');

    const once = sign(url, { token: access, nonce: 'fixed-nonce' });
    assert.equal((await get(url, once)).status, 200);
    assertProblem(await get(url, once), 'nonce_used');
  });

  it('refuses a timestamp more than five minutes off, and unknown or revoked tokens', async () => {
    const url = `${ORIGIN}/rest/api/2/myself`;
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    assertProblem(await get(url, sign(url, { token: access, timestamp: old })), 'timestamp_refused');
    assertProblem(await get(url, sign(url, { token: { key: 'made-up', secret: 'x' } })), 'token_rejected');

    const mine = await dance('bob');
    assert.equal((await get(url, sign(url, { token: mine }))).status, 200);
    provider.revokeOAuthGrants();
    assertProblem(await get(url, sign(url, { token: mine })), 'token_rejected');
    assertProblem(await get(url, sign(url, { token: access })), 'token_rejected');
    access = await dance();
  });

  it('exchanges a request token only once, and only after approval with the right verifier', async () => {
    const requested = parseForm(
      (
        await post(
          `${SERVLET}/request-token`,
          sign(`${SERVLET}/request-token`, { method: 'POST', extra: { oauth_callback: CALLBACK } }),
        )
      ).text,
    );
    assert.equal(requested.oauth_callback_confirmed, 'true');
    const token = { key: String(requested.oauth_token), secret: String(requested.oauth_token_secret) };
    const exchange = (verifier: string) =>
      post(
        `${SERVLET}/access-token`,
        sign(`${SERVLET}/access-token`, { method: 'POST', token, extra: { oauth_verifier: verifier } }),
      );
    assertProblem(await exchange('guess'), 'permission_unknown');
    const done = await signInAndDecide(
      provider,
      await fetchPage(provider, `${SERVLET}/authorize?oauth_token=${token.key}`),
      'alice',
    );
    const verifier = String(new URL(String(done.headers.get('location'))).searchParams.get('oauth_verifier'));
    assertProblem(await exchange('wrong-verifier'), 'token_rejected');
    const ok = await exchange(verifier);
    assert.equal(ok.status, 200);
    const fields = parseForm(ok.text);
    assert.deepEqual(Object.keys(fields).sort(), [
      'oauth_authorization_expires_in',
      'oauth_expires_in',
      'oauth_session_handle',
      'oauth_token',
      'oauth_token_secret',
    ]);
    assertProblem(await exchange(verifier), 'token_rejected');
    const asApi = await get(`${ORIGIN}/rest/api/2/myself`, sign(`${ORIGIN}/rest/api/2/myself`, { token }));
    assertProblem(asApi, 'token_rejected');
  });

  it('redirects with permission_denied when the user denies, and shows the verifier for oob', async () => {
    const denyToken = parseForm(
      (
        await post(
          `${SERVLET}/request-token`,
          sign(`${SERVLET}/request-token`, { method: 'POST', extra: { oauth_callback: CALLBACK } }),
        )
      ).text,
    );
    const denied = await signInAndDecide(
      provider,
      await fetchPage(provider, `${SERVLET}/authorize?oauth_token=${denyToken.oauth_token}`),
      'alice',
      'deny',
    );
    assert.equal(denied.status, 302);
    const location = new URL(String(denied.headers.get('location')));
    assert.equal(location.searchParams.get('oauth_problem'), 'permission_denied');
    assert.equal(location.searchParams.get('oauth_token'), denyToken.oauth_token);
    const token = { key: String(denyToken.oauth_token), secret: String(denyToken.oauth_token_secret) };
    assertProblem(
      await post(
        `${SERVLET}/access-token`,
        sign(`${SERVLET}/access-token`, { method: 'POST', token, extra: { oauth_verifier: 'x' } }),
      ),
      'permission_denied',
    );

    const oob = parseForm(
      (
        await post(
          `${SERVLET}/request-token`,
          sign(`${SERVLET}/request-token`, { method: 'POST', extra: { oauth_callback: 'oob' } }),
        )
      ).text,
    );
    const page = await signInAndDecide(
      provider,
      await fetchPage(provider, `${SERVLET}/authorize?oauth_token=${oob.oauth_token}`),
      'bob',
    );
    assert.equal(page.status, 200);
    assert.match(page.html, /<code id="oauth_verifier">[A-Za-z0-9_-]+<\/code>/);
  });

  it('shows the sign-in form again after a wrong password, and an error page for an unknown token', async () => {
    const requested = parseForm(
      (
        await post(
          `${SERVLET}/request-token`,
          sign(`${SERVLET}/request-token`, { method: 'POST', extra: { oauth_callback: CALLBACK } }),
        )
      ).text,
    );
    const page = await fetchPage(provider, `${SERVLET}/authorize?oauth_token=${requested.oauth_token}`);
    assert.ok(readForm(page.html).hidden.flow);
    const wrong = await submit(provider, page, { username: 'alice', password: 'bob' });
    assert.match(wrong.html, /Wrong user name or password/);
    assert.equal((await fetchPage(provider, `${SERVLET}/authorize?oauth_token=nope`)).status, 400);
    const unsigned = await post(`${SERVLET}/request-token`, {});
    assertProblem(unsigned, 'parameter_absent');
    const noCallback = await post(
      `${SERVLET}/request-token`,
      sign(`${SERVLET}/request-token`, { method: 'POST' }),
    );
    assertProblem(noCallback, 'parameter_absent');
  });

  it('is not served on the cloud flavor, where OAuth 1.0a headers are refused', async () => {
    const cloud = createSandbox({ flavor: 'cloud' });
    try {
      const url = `${ORIGIN}/rest/api/3/myself`;
      const reply = await cloud.fetch(url, { headers: sign(url, { token: access }) });
      assert.equal(reply.status, 401);
      const servlet = await cloud.fetch(`${SERVLET}/request-token`, {
        method: 'POST',
        headers: sign(`${SERVLET}/request-token`, { method: 'POST', extra: { oauth_callback: CALLBACK } }),
      });
      assert.equal(servlet.status, 401);
    } finally {
      await cloud.close();
    }
  });
});

async function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await provider.fetch(url, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}
