import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateResponse, validateSchema } from '../support/openapi.js';

/** The validator itself: it must catch what it is meant to catch, or the conformance tests prove nothing. */
describe('OpenAPI validation helper', () => {
  it('maps Cloud v2 paths onto the v3 operations and picks literal templates over parameters', () => {
    const body = { issues: [{ id: '1' }], isLast: true };
    assert.ok(validateResponse('cloud', 'GET', '/rest/api/2/search/jql?jql=x', 200, body).ok);
    const wrong = validateResponse('cloud', 'GET', '/rest/api/3/search/jql', 200, {
      issues: [],
      isLast: 'yes',
    });
    assert.equal(wrong.ok, false);
    assert.match(wrong.errors, /\/isLast must be boolean/);
  });

  it('enforces Cloud additionalProperties:false, in responses and named schemas', () => {
    const user = { accountId: 'abc', displayName: 'A', active: true };
    assert.ok(validateSchema('cloud', 'UserDetails', user).ok);
    assert.equal(validateSchema('cloud', 'UserDetails', { ...user, bogus: 1 }).ok, false);
    const result = validateResponse('cloud', 'GET', '/rest/api/3/myself', 200, { ...user, bogus: 1 });
    assert.equal(result.ok, false);
    assert.match(result.errors, /additional properties/);
    assert.match(validateSchema('cloud', 'NoSuchSchema', {}).errors, /no schema NoSuchSchema/);
  });

  it('strips /rest for Data Center and applies the serverInfo patch with its required keys', () => {
    const partial = { baseUrl: 'http://x', version: '10.4.0', deploymentType: 'Server' };
    const result = validateResponse('datacenter', 'GET', '/rest/api/latest/serverInfo', 200, partial);
    assert.equal(result.ok, false);
    assert.match(result.errors, /buildNumber/);
    const dataCenter = validateResponse('datacenter', 'GET', '/rest/api/2/serverInfo', 200, {
      ...partial,
      deploymentType: 'Data Center',
    });
    assert.match(dataCenter.errors, /deploymentType/);
  });

  it('documents error bodies: ErrorCollection, and the 401 message body', () => {
    const errors = { errorMessages: ['Issue Does Not Exist'], errors: {} };
    assert.ok(validateResponse('datacenter', 'GET', '/rest/api/2/issue/X-1', 404, errors).ok);
    assert.equal(
      validateResponse('datacenter', 'GET', '/rest/api/2/issue/X-1', 404, { errorMessages: 'no' }).ok,
      false,
    );
    const unauthorized = {
      message: 'Client must be authenticated to access this resource.',
      'status-code': 401,
    };
    assert.ok(validateResponse('cloud', 'GET', '/rest/api/3/myself', 401, unauthorized).ok);
    assert.equal(validateResponse('cloud', 'GET', '/rest/api/3/myself', 401, errors).ok, false);
  });

  it('reports unknown paths, methods and statuses instead of passing them', () => {
    assert.match(
      validateResponse('cloud', 'GET', '/rest/api/3/nope/nope/nope', 200, {}).errors,
      /no operation/,
    );
    assert.match(
      validateResponse('cloud', 'PATCH', '/rest/api/3/myself', 200, {}).errors,
      /not an operation/,
    );
    assert.match(validateResponse('cloud', 'GET', '/rest/api/3/myself', 418, {}).errors, /no 418 response/);
    assert.equal(validateResponse('datacenter', 'DELETE', '/rest/auth/1/session', 204, { x: 1 }).ok, false);
    assert.ok(validateResponse('datacenter', 'DELETE', '/rest/auth/1/session', 204, undefined).ok);
  });

  it('accepts Jira timestamps with +0000 offsets but not malformed ones', () => {
    const info = (serverTime: string) => ({
      serverTime,
      baseUrl: 'https://x',
      version: '1',
      deploymentType: 'Cloud',
    });
    assert.ok(
      validateResponse('cloud', 'GET', '/rest/api/3/serverInfo', 200, info('2026-01-05T10:00:00.000+0000'))
        .ok,
    );
    assert.equal(
      validateResponse('cloud', 'GET', '/rest/api/3/serverInfo', 200, info('05/Jan/26 10:00')).ok,
      false,
    );
  });
});
