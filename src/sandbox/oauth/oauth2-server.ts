/**
 * The Cloud flavor's OAuth 2.0 (3LO) authorization server: `/authorize` with its sign-in and consent pages,
 * `/oauth/token` (authorization code with client secret or PKCE, rotating refresh tokens), `/oauth/revoke` and
 * `/oauth/token/accessible-resources`.
 */
import type { SandboxApp } from '../routes/context.js';
import type { Store } from '../store.js';
import { findClient, type OAuth2Client, redirectUriAllowed, secretMatches } from './clients.js';
import { LoginFlows } from './login-flow.js';
import type { GrantOutcome, IssuedTokens, OAuth2Grants } from './oauth2-grants.js';
import { errorPage, htmlResponse } from './pages.js';
import { basicClientCredentials, bearerToken, type Params, readParams } from './request-params.js';
import { gatewayUnauthorized } from './scopes.js';
import type { Sites } from './sites.js';

export interface OAuth2ServerDeps {
  store: Store;
  grants: OAuth2Grants;
  sites: Sites;
  contextPath: string;
}

const AUDIENCE = 'api.atlassian.com';
const SCOPE_SYNTAX = /^(offline_access|[a-z]+(:[a-z0-9._-]+)+)$/;
const VERIFIER_SYNTAX = /^[A-Za-z0-9._~-]{43,128}$/;

/** Mounts the authorization server's routes (before Jira's own authentication runs). */
export function registerOAuth2Server(app: SandboxApp, deps: OAuth2ServerDeps): void {
  const { contextPath: cp, grants } = deps;
  const flows = new LoginFlows(deps.store, {
    signIn: `${cp}/authorize/sign-in`,
    consent: `${cp}/authorize/consent`,
  });

  app.get(`${cp}/authorize`, (c) => authorize(new URL(c.req.url).searchParams, flows, grants));
  app.post(`${cp}/authorize/sign-in`, async (c) => flows.signIn(await c.req.parseBody()));
  app.post(`${cp}/authorize/consent`, async (c) => flows.consent(await c.req.parseBody()));

  app.post(`${cp}/oauth/token`, async (c) => {
    const params = await readParams(c.req.raw);
    if (!params) return oauthError(400, 'invalid_request', 'The body must be JSON or form-urlencoded');
    const client = authenticateClient(params, c.req.header('authorization') ?? null);
    if (!client.ok) return client.response;
    return tokenGrant(params, client.client, client.hasSecret, grants);
  });

  app.post(`${cp}/oauth/revoke`, async (c) => {
    const params = await readParams(c.req.raw);
    if (!params) return oauthError(400, 'invalid_request', 'The body must be JSON or form-urlencoded');
    const client = authenticateClient(params, c.req.header('authorization') ?? null);
    if (!client.ok) return client.response;
    const token = params.get('token');
    if (!token) return oauthError(400, 'invalid_request', 'token is required');
    grants.revoke(token, client.client.clientId);
    return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } });
  });

  app.get(`${cp}/oauth/token/accessible-resources`, (c) => {
    const token = bearerToken(c.req.header('authorization') ?? null);
    const grant = token === undefined ? undefined : grants.verifyAccessToken(token);
    if (!grant || !deps.store.userByName(grant.userName)?.active) return gatewayUnauthorized();
    const base = `${new URL(c.req.url).origin}${cp}`;
    return json(200, deps.sites.resources(base, grant.scopes));
  });
}

/** `GET /authorize`: the sign-in page, or the reason the request cannot go on. */
function authorize(query: URLSearchParams, flows: LoginFlows, grants: OAuth2Grants): Response {
  const client = findClient(query.get('client_id') ?? '');
  if (!client) return badRequestPage('The application is unknown (client_id).');
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!redirectUriAllowed(redirectUri)) {
    return badRequestPage('The redirect_uri is not registered for this application.');
  }
  const state = query.get('state');
  const back = (params: Record<string, string>) =>
    redirect(redirectUri, { ...params, ...(state ? { state } : {}) });
  const fail = (error: string, description: string) => back({ error, error_description: description });
  if (query.get('response_type') !== 'code')
    return fail('unsupported_response_type', 'response_type must be code');
  if (query.get('audience') !== AUDIENCE) return fail('invalid_request', `audience must be ${AUDIENCE}`);
  if (!state) return fail('invalid_request', 'state is required');
  const scopes = [...new Set((query.get('scope') ?? '').split(' ').filter((s) => s !== ''))];
  if (scopes.length === 0 || !scopes.every((s) => SCOPE_SYNTAX.test(s))) {
    return fail('invalid_scope', 'scope must list valid scopes separated by spaces');
  }
  const challenge = query.get('code_challenge');
  if (
    challenge !== null &&
    (query.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge))
  ) {
    return fail('invalid_request', 'code_challenge must be an S256 challenge (code_challenge_method=S256)');
  }
  return flows.start({
    appName: client.name,
    scopes,
    finish(user, accepted) {
      if (!accepted) return fail('access_denied', 'The user denied access to the application');
      const code = grants.issueCode({
        clientId: client.clientId,
        userName: user.name,
        scopes,
        redirectUri,
        codeChallenge: challenge,
      });
      return back({ code });
    },
  });
}

type ClientCheck = { ok: true; client: OAuth2Client; hasSecret: boolean } | { ok: false; response: Response };

/** The client from the body or a Basic header; a secret, when sent, must be right. */
function authenticateClient(params: Params, authorization: string | null): ClientCheck {
  const basic = basicClientCredentials(authorization);
  const clientId = basic?.clientId ?? params.get('client_id');
  const secret = basic?.clientSecret ?? params.get('client_secret');
  if (!clientId) return { ok: false, response: oauthError(400, 'invalid_request', 'client_id is required') };
  const client = findClient(clientId);
  if (!client) return { ok: false, response: oauthError(401, 'invalid_client', 'Unknown client') };
  if (secret !== undefined && secret !== '' && !secretMatches(client, secret)) {
    return { ok: false, response: oauthError(401, 'invalid_client', 'Unauthorized client credentials') };
  }
  return { ok: true, client, hasSecret: secret !== undefined && secret !== '' };
}

/** `POST /oauth/token` once the client is known. */
function tokenGrant(
  params: Params,
  client: OAuth2Client,
  hasSecret: boolean,
  grants: OAuth2Grants,
): Response {
  const grantType = params.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType === 'authorization_code') {
    const code = params.get('code');
    const redirectUri = params.get('redirect_uri');
    if (!code || !redirectUri)
      return oauthError(400, 'invalid_request', 'code and redirect_uri are required');
    const verifier = params.get('code_verifier');
    if (verifier !== undefined && !VERIFIER_SYNTAX.test(verifier)) {
      return oauthError(400, 'invalid_request', 'code_verifier must be 43 to 128 unreserved characters');
    }
    if (!hasSecret && verifier === undefined) {
      return oauthError(401, 'invalid_client', 'client_secret is required without a PKCE code_verifier');
    }
    return tokenReply(grants.redeemCode(code, client.clientId, redirectUri, verifier));
  }
  if (grantType === 'refresh_token') {
    const token = params.get('refresh_token');
    if (!token) return oauthError(400, 'invalid_request', 'refresh_token is required');
    const grant = grants.refreshGrant(token);
    if (!hasSecret && grant && !grant.pkce) {
      return oauthError(401, 'invalid_client', 'client_secret is required for this grant');
    }
    return tokenReply(grants.refresh(token, client.clientId));
  }
  return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type "${grantType.slice(0, 40)}"`);
}

function tokenReply(outcome: GrantOutcome): Response {
  if (!outcome.ok) return oauthError(403, 'invalid_grant', outcome.description);
  return json(200, tokenBody(outcome.tokens), { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

function tokenBody(tokens: IssuedTokens): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresInSeconds,
    scope: tokens.grant.scopes.join(' '),
  };
  if (tokens.refreshToken) body.refresh_token = tokens.refreshToken;
  return body;
}

function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function redirect(target: string, params: Record<string, string>): Response {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return new Response(null, { status: 302, headers: { Location: url.href, 'Cache-Control': 'no-store' } });
}

function badRequestPage(message: string): Response {
  return htmlResponse(400, errorPage('Something went wrong', message));
}
