/**
 * The Data Center flavor's OAuth 1.0a provider (Jira's Application Links, RSA-SHA1 only): the request-token,
 * authorize and access-token servlets, and the check of signed REST calls. Refusals carry the problem in
 * `WWW-Authenticate` and in a form-encoded body, as Jira's do.
 */
import type { UserRecord } from '../model.js';
import type { SandboxApp } from '../routes/context.js';
import type { Store } from '../store.js';
import { DEMO_OAUTH1_CONSUMER } from './demo-consumer.js';
import { LoginFlows } from './login-flow.js';
import {
  parseOAuthHeader,
  type SignedRequest,
  signatureBaseString,
  verifyRsaSha1,
} from './oauth1-signature.js';
import { OAuth1Tokens, type RequestTokenRecord, TIMESTAMP_WINDOW_SECONDS } from './oauth1-tokens.js';
import { errorPage, htmlResponse, verifierPage } from './pages.js';
import { randomToken, sameSecret } from './secrets.js';
import type { OAuth1Outcome } from './verifier.js';

export interface OAuth1Consumer {
  consumerKey: string;
  publicKey: string;
  /** Shown on the sign-in and consent pages. */
  name: string;
}

const CONSUMERS: readonly OAuth1Consumer[] = [
  {
    consumerKey: DEMO_OAUTH1_CONSUMER.consumerKey,
    publicKey: DEMO_OAUTH1_CONSUMER.publicKey,
    name: 'JiraTS Demo Consumer',
  },
];

/** Jira's access tokens last five years; it reports that in seconds. */
const ACCESS_TOKEN_LIFETIME_SECONDS = 157_680_000;
/** What a consumer gets on Data Center: the user's own access, shown on the consent page. */
const OAUTH1_PERMISSIONS = ['Read and write data in Jira as you'];

type Checked =
  | { ok: true; params: Map<string, string>; consumer: OAuth1Consumer }
  | { ok: false; response: Response };

export class OAuth1Provider {
  readonly tokens = new OAuth1Tokens();
  private readonly flows: LoginFlows;
  private readonly servlet: string;

  constructor(
    private readonly store: Store,
    private readonly contextPath: string,
  ) {
    this.servlet = `${contextPath}/plugins/servlet/oauth`;
    this.flows = new LoginFlows(store, {
      signIn: `${this.servlet}/authorize/sign-in`,
      consent: `${this.servlet}/authorize/consent`,
    });
  }

  /** Mounts the three servlets (before Jira's own authentication runs). */
  register(app: SandboxApp): void {
    app.post(`${this.servlet}/request-token`, async (c) =>
      this.requestToken(
        await signedFacts(c.req.raw),
        this.base(c.req.url),
        c.req.header('authorization') ?? null,
      ),
    );
    app.get(`${this.servlet}/authorize`, (c) => this.authorize(c.req.query('oauth_token') ?? ''));
    app.post(`${this.servlet}/authorize/sign-in`, async (c) => this.flows.signIn(await c.req.parseBody()));
    app.post(`${this.servlet}/authorize/consent`, async (c) => this.flows.consent(await c.req.parseBody()));
    app.post(`${this.servlet}/access-token`, async (c) =>
      this.accessToken(
        await signedFacts(c.req.raw),
        this.base(c.req.url),
        c.req.header('authorization') ?? null,
      ),
    );
  }

  /** A signed REST call: the access token's user, or the refusal. */
  verifyApiCall(request: SignedRequest, authorization: string, base: string): OAuth1Outcome {
    const checked = this.check(request, authorization, base);
    if (!checked.ok) return checked;
    const access = this.tokens.accessToken(checked.params.get('oauth_token') ?? '');
    if (!access || access.consumerKey !== checked.consumer.consumerKey) {
      return { ok: false, response: problem(base, 'token_rejected') };
    }
    const user = this.store.userByName(access.userName);
    if (!user?.active) return { ok: false, response: problem(base, 'permission_denied') };
    return { ok: true, user };
  }

  private requestToken(request: SignedRequest, base: string, authorization: string | null): Response {
    const checked = this.check(request, authorization, base);
    if (!checked.ok) return checked.response;
    if (checked.params.get('oauth_token')) return problem(base, 'token_rejected');
    const callback = checked.params.get('oauth_callback') ?? '';
    if (callback === '') return problem(base, 'parameter_absent', 'oauth_callback');
    if (callback !== 'oob' && !/^https?:\/\/[^\s]+$/i.test(callback))
      return problem(base, 'parameter_rejected', 'oauth_callback');
    const issued = this.tokens.issueRequestToken(checked.consumer.consumerKey, callback);
    return formReply({
      oauth_token: issued.token,
      oauth_token_secret: issued.secret,
      oauth_callback_confirmed: 'true',
    });
  }

  private authorize(token: string): Response {
    const record = this.tokens.requestToken(token);
    if (!record || record.userName !== null || record.denied) {
      return htmlResponse(
        400,
        errorPage(
          'Invalid request token',
          'The request token is unknown, used or expired. Start again from the application.',
        ),
      );
    }
    const consumer = CONSUMERS.find((c) => c.consumerKey === record.consumerKey);
    return this.flows.start({
      appName: consumer?.name ?? record.consumerKey,
      scopes: OAUTH1_PERMISSIONS,
      finish: (user, accepted) => finishAuthorization(record, user, accepted),
    });
  }

  private accessToken(request: SignedRequest, base: string, authorization: string | null): Response {
    const checked = this.check(request, authorization, base);
    if (!checked.ok) return checked.response;
    const record = this.tokens.requestToken(checked.params.get('oauth_token') ?? '');
    if (!record || record.consumerKey !== checked.consumer.consumerKey)
      return problem(base, 'token_rejected');
    if (record.denied) return problem(base, 'permission_denied');
    if (record.userName === null || record.verifier === null) return problem(base, 'permission_unknown');
    const verifier = checked.params.get('oauth_verifier') ?? '';
    if (verifier === '') return problem(base, 'parameter_absent', 'oauth_verifier');
    if (!sameSecret(verifier, record.verifier)) return problem(base, 'token_rejected');
    const access = this.tokens.exchange(record, record.userName);
    return formReply({
      oauth_token: access.token,
      oauth_token_secret: access.secret,
      oauth_expires_in: String(ACCESS_TOKEN_LIFETIME_SECONDS),
      oauth_session_handle: access.sessionHandle,
      oauth_authorization_expires_in: String(ACCESS_TOKEN_LIFETIME_SECONDS),
    });
  }

  /** The checks every signed request passes: parameters, method, consumer, timestamp, signature, nonce. */
  private check(request: SignedRequest, authorization: string | null, base: string): Checked {
    const params = parseOAuthHeader(authorization);
    if (!params) return { ok: false, response: problem(base, 'parameter_absent', 'oauth_consumer_key') };
    const required = [
      'oauth_consumer_key',
      'oauth_signature_method',
      'oauth_signature',
      'oauth_timestamp',
      'oauth_nonce',
    ];
    const absent = required.filter((name) => !params.get(name));
    if (absent.length > 0)
      return { ok: false, response: problem(base, 'parameter_absent', absent.join('&')) };
    const version = params.get('oauth_version');
    if (version !== undefined && version !== '1.0')
      return { ok: false, response: problem(base, 'version_rejected') };
    if (params.get('oauth_signature_method') !== 'RSA-SHA1') {
      return { ok: false, response: problem(base, 'signature_method_rejected') };
    }
    const consumer = CONSUMERS.find((c) => c.consumerKey === params.get('oauth_consumer_key'));
    if (!consumer) return { ok: false, response: problem(base, 'consumer_key_unknown') };
    const timestamp = Number(params.get('oauth_timestamp'));
    if (
      !Number.isInteger(timestamp) ||
      Math.abs(this.tokens.nowSeconds() - timestamp) > TIMESTAMP_WINDOW_SECONDS
    ) {
      return { ok: false, response: problem(base, 'timestamp_refused') };
    }
    const baseString = signatureBaseString(request, params);
    if (!verifyRsaSha1(baseString, params.get('oauth_signature') ?? '', consumer.publicKey)) {
      return { ok: false, response: problem(base, 'signature_invalid') };
    }
    // Only after the signature holds, so forged requests cannot use up a consumer's nonces.
    const nonceFresh = this.tokens.useNonce(
      consumer.consumerKey,
      params.get('oauth_token') ?? '',
      params.get('oauth_nonce') ?? '',
      timestamp,
    );
    if (!nonceFresh) return { ok: false, response: problem(base, 'nonce_used') };
    return { ok: true, params, consumer };
  }

  private base(url: string): string {
    return `${new URL(url).origin}${this.contextPath}`;
  }
}

/** Where the browser goes once the user decided: back to the consumer, or the out-of-band page. */
function finishAuthorization(record: RequestTokenRecord, user: UserRecord, accepted: boolean): Response {
  if (!accepted) {
    record.denied = true;
    if (record.callback === 'oob')
      return htmlResponse(
        200,
        errorPage('Access denied', 'You denied the application access to your account.'),
      );
    return redirect(record.callback, { oauth_token: record.token, oauth_problem: 'permission_denied' });
  }
  record.userName = user.name;
  record.verifier = randomVerifier();
  if (record.callback === 'oob') return htmlResponse(200, verifierPage(record.verifier));
  return redirect(record.callback, { oauth_token: record.token, oauth_verifier: record.verifier });
}

/** Short enough to type from the out-of-band page. */
function randomVerifier(): string {
  return randomToken(9);
}

/** Method, URL and form body of a request, for its signature. */
export async function signedFacts(request: Request): Promise<SignedRequest> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const form = type.startsWith('application/x-www-form-urlencoded') ? await request.clone().text() : null;
  return { method: request.method, url: request.url, form };
}

/** A 401 naming an OAuth problem (header and body), with the absent or rejected parameters if any. */
export function problem(base: string, name: string, parameters?: string): Response {
  const body = new URLSearchParams({ oauth_problem: name });
  if (parameters)
    body.set(
      name === 'parameter_rejected' ? 'oauth_parameters_rejected' : 'oauth_parameters_absent',
      parameters,
    );
  return new Response(body.toString(), {
    status: 401,
    headers: {
      'Content-Type': 'text/plain;charset=UTF-8',
      'WWW-Authenticate': `OAuth realm="${encodeURIComponent(base)}", oauth_problem="${name}"`,
    },
  });
}

function formReply(fields: Record<string, string>): Response {
  return new Response(new URLSearchParams(fields).toString(), {
    status: 200,
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Cache-Control': 'no-store' },
  });
}

function redirect(target: string, params: Record<string, string>): Response {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return new Response(null, { status: 302, headers: { Location: url.href, 'Cache-Control': 'no-store' } });
}
