import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AuthenticationError,
  isJiraError,
  Jira,
  JiraError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ServerError,
} from '../../src/index.js';
import { closedPort, httpServer, sendJson, type TestServer } from './helpers/servers.js';

const SECRET = 'Sup3r-s3cret-pw';

describe('errors: a failed response becomes the right JiraError with a clear message', () => {
  let server: TestServer;
  let jira: Jira;

  before(async () => {
    server = await httpServer((req, res) => {
      switch (req.url.split('?')[0]) {
        case '/html502':
          res.writeHead(502, { 'Content-Type': 'text/html' });
          res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
          return;
        case '/text404':
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('No such page here');
          return;
        case '/issue404':
          sendJson(
            res,
            404,
            { errorMessages: ['Issue Does Not Exist'], errors: {} },
            { 'X-AREQUESTID': 'req-42' },
          );
          return;
        case '/fields400':
          sendJson(res, 400, {
            errorMessages: [],
            errors: { summary: 'You must specify a summary of the issue.' },
          });
          return;
        case '/plain200':
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end(`hello world, the token is Bearer ${SECRET}`);
          return;
        case '/html200':
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end('<html><body>Log in to continue</body></html>');
          return;
        case '/seraph401':
          res.writeHead(401, {
            'Content-Type': 'text/html;charset=UTF-8',
            'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED',
          });
          res.end('<html><body>Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</body></html>');
          return;
        case '/captcha403':
          res.writeHead(403, {
            'Content-Type': 'text/html;charset=UTF-8',
            'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
            'X-Authentication-Denied-Reason': 'CAPTCHA_CHALLENGE; login-url=http://127.0.0.1/login.jsp',
          });
          res.end('<html><body>Forbidden (403)</body></html>');
          return;
        case '/message401':
          sendJson(res, 401, {
            message: 'Client must be authenticated to access this resource.',
            'status-code': 401,
          });
          return;
        case '/forbidden403':
          sendJson(res, 403, {
            errorMessages: ['You do not have the permission to see the specified issue.'],
          });
          return;
        case '/basic-disabled':
          sendJson(res, 403, { message: 'Basic Authentication has been disabled on this instance.' });
          return;
        case '/empty500':
          res.writeHead(500);
          res.end();
          return;
        case '/gone410':
          sendJson(res, 410, { errorMessages: ['The requested API has been removed.'], errors: {} });
          return;
        default:
          sendJson(res, 200, { ok: true });
      }
    });
    jira = new Jira({ server: server.url, deployment: 'datacenter', retry: { retries: 0 } });
  });
  after(() => server.close());

  it('maps an HTML 502 page to ServerError "Jira returned an HTML page (status 502)"', async () => {
    const error = await jira.request({ path: '/html502' }).catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.message, 'Jira returned an HTML page (status 502)');
    assert.equal(error.status, 502);
    assert.equal(error.method, 'GET');
    assert.equal(error.url, `${server.url}/html502`);
  });

  it('maps a plain-text 404 to NotFoundError quoting the text', async () => {
    const error = await jira.request({ path: '/text404' }).catch((e: unknown) => e);
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.message, `No such page here (404 GET ${server.url}/text404)`);
  });

  it("reads Jira's errorMessages, the request id and the URL", async () => {
    const error = await jira.request({ path: '/issue404' }).catch((e: unknown) => e);
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.message, `Issue Does Not Exist (404 GET ${server.url}/issue404)`);
    assert.deepEqual(error.errorMessages, ['Issue Does Not Exist']);
    assert.equal(error.requestId, 'req-42');
  });

  it('reads field errors', async () => {
    const error = await jira
      .request({ method: 'POST', path: '/fields400', body: {} })
      .catch((e: unknown) => e);
    assert.ok(error instanceof JiraError);
    assert.equal(error.constructor, JiraError);
    assert.deepEqual(error.fieldErrors, { summary: 'You must specify a summary of the issue.' });
    assert.match(error.message, /^summary: You must specify a summary of the issue\. \(400 POST /);
  });

  it('refuses a non-JSON 200 body with a short redacted excerpt', async () => {
    const error = await jira.request({ path: '/plain200' }).catch((e: unknown) => e);
    assert.ok(error instanceof JiraError);
    assert.equal(error.status, 200);
    assert.match(error.message, /not JSON \(status 200, text\/plain\)/);
    assert.match(error.message, /hello world/);
    assert.ok(!error.message.includes(SECRET), error.message);
  });

  it('refuses an HTML 200 page (a login page in front of Jira)', async () => {
    const error = await jira.request({ path: '/html200' }).catch((e: unknown) => e);
    assert.ok(isJiraError(error));
    assert.equal(error.message, 'Jira returned an HTML page (status 200)');
  });

  it('returns text when asked for text', async () => {
    const text = await jira.request<string>({ path: '/plain200', responseType: 'text' });
    assert.match(text, /^hello world/);
  });

  it('maps Seraph AUTHENTICATED_FAILED to AuthenticationError saying what to do', async () => {
    const error = await jira.request({ path: '/seraph401' }).catch((e: unknown) => e);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(
      error.message,
      'Authentication failed: Jira rejected the credentials (AUTHENTICATED_FAILED). Check the user name and password or token.',
    );
  });

  it('maps the CAPTCHA challenge to AuthenticationError, not PermissionError', async () => {
    const error = await jira.request({ path: '/captcha403' }).catch((e: unknown) => e);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 403);
    assert.equal(
      error.message,
      'Jira locked the login behind a CAPTCHA (AUTHENTICATION_DENIED): sign in once in a browser, then retry.',
    );
  });

  it('maps a 401 {message} body and hints at credentials when none were sent', async () => {
    const error = await jira.request({ path: '/message401' }).catch((e: unknown) => e);
    assert.ok(error instanceof AuthenticationError);
    assert.deepEqual(error.errorMessages, ['Client must be authenticated to access this resource.']);
    assert.match(error.message, /Pass credentials with `auth`\.$/);
  });

  it('maps 403 to PermissionError, and "Basic auth disabled" to AuthenticationError', async () => {
    assert.ok(
      (await jira.request({ path: '/forbidden403' }).catch((e: unknown) => e)) instanceof PermissionError,
    );
    const disabled = await jira.request({ path: '/basic-disabled' }).catch((e: unknown) => e);
    assert.ok(disabled instanceof AuthenticationError);
    assert.match(disabled.message, /personal access token/);
  });

  it('maps an empty 500 and a 410 with their reasons', async () => {
    const error = await jira.request({ path: '/empty500' }).catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.message, `Internal server error (500 GET ${server.url}/empty500)`);
    const gone = await jira.request({ path: '/gone410' }).catch((e: unknown) => e);
    assert.ok(gone instanceof JiraError);
    assert.equal(gone.status, 410);
  });

  it('maps a refused connection to NetworkError with status 0 and the code', async () => {
    const port = await closedPort();
    const offline = new Jira({ server: `http://127.0.0.1:${port}`, retry: { retries: 0 } });
    const error = await offline.request({ path: '/x' }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'ECONNREFUSED');
    assert.match(
      error.message,
      /^Could not reach 127\.0\.0\.1:\d+: the connection was refused \(ECONNREFUSED\)$/,
    );
  });

  it('isJiraError recognises errors from another copy of the package by their brand', () => {
    const foreign = Object.assign(new Error('x'), { status: 404 });
    Object.defineProperty(foreign, Symbol.for('jirats.JiraError'), { value: true });
    assert.equal(isJiraError(foreign), true);
    assert.equal(isJiraError(new Error('plain')), false);
    assert.equal(isJiraError({ status: 404 }), false);
  });
});

describe('errors: a failed connection says why', () => {
  it('names the innermost cause when the failure has no error code (a port fetch refuses to use)', async () => {
    const jira = new Jira({ server: 'http://127.0.0.1:9', deployment: 'datacenter', retry: { retries: 0 } });
    await assert.rejects(jira.issues.get('DEMO-1'), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(error.message, /^Could not reach 127\.0\.0\.1:9: bad port$/);
      return true;
    });
  });
});
