import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeaderLog, wildcard } from '../../src/client/header-log.js';
import { CREDS, sandboxClient } from './helpers/sandbox.js';

describe('response-header log', () => {
  it('matches case-insensitive wildcards', () => {
    assert.ok(wildcard('X-A*').test('x-arequestid'));
    assert.ok(wildcard('x-?username').test('X-AUSERNAME'));
    assert.ok(!wildcard('x-a').test('x-ab'));
    assert.ok(wildcard('content.type').test('content.type'));
    assert.ok(!wildcard('content.type').test('content-type'), 'dots are literal');
  });

  it('logs included headers, minus excluded ones, and never credentials even when matched', async () => {
    const lines: string[] = [];
    const warnings: string[] = [];
    const { sb, jira } = sandboxClient('datacenter', {
      auth: CREDS.dcBasic('alice'),
      logger: (l) => lines.push(l),
      onWarning: (w) => warnings.push(w),
      responseHeaderLog: { include: ['*'], exclude: ['content-*', 'DATE'] },
    });
    try {
      await jira.myself();
      const names = lines.map((l) => /^jirats: response header ([^:]+):/.exec(l)?.[1]);
      assert.ok(names.includes('x-arequestid'), lines.join('\n'));
      assert.ok(names.includes('x-ausername'));
      assert.ok(!names.some((n) => n?.startsWith('content-')));
      assert.ok(!names.includes('set-cookie'));
      assert.ok(!lines.some((l) => /JSESSIONID/i.test(l)));
      assert.match(
        lines.find((l) => l.includes('x-ausername')) ?? '',
        /x-ausername: alice \(200 GET http:\/\/jira\.test\/rest\/api\/2\/myself\)$/,
      );
      assert.deepEqual(warnings, [
        "Response header log pattern '*' matches authorization, cookie, set-cookie, proxy-authorization, which are never logged.",
      ]);
    } finally {
      await sb.close();
    }
  });

  it('is off by default, and set/get/disable change it at run time', async () => {
    const lines: string[] = [];
    const warnings: string[] = [];
    const { sb, jira } = sandboxClient('cloud', {
      logger: (l) => lines.push(l),
      onWarning: (w) => warnings.push(w),
    });
    try {
      await jira.serverInfo({ fresh: true });
      assert.deepEqual(lines, []);
      assert.equal(jira.headerLog.get(), undefined);

      jira.headerLog.set({ include: ['X-AREQUESTID', 'Set-Cookie'] });
      assert.deepEqual(jira.headerLog.get(), { include: ['X-AREQUESTID', 'Set-Cookie'] });
      assert.equal(warnings.length, 1);
      await jira.serverInfo({ fresh: true });
      assert.equal(lines.length, 1);
      assert.match(lines[0] ?? '', /^jirats: response header x-arequestid: /);

      jira.headerLog.disable();
      await jira.serverInfo({ fresh: true });
      assert.equal(lines.length, 1);
      assert.equal(jira.headerLog.get(), undefined);
    } finally {
      await sb.close();
    }
  });

  it('redacts secret-looking values of headers it does log', () => {
    const log = new HeaderLog({ include: ['x-*'] });
    const lines = log.lines(new Headers({ 'x-debug': 'sent Bearer abc.def-123 upstream' }), {
      method: 'GET',
      url: 'https://j/x',
      status: 200,
    });
    assert.deepEqual(lines, [
      'jirats: response header x-debug: sent Bearer [REDACTED] upstream (200 GET https://j/x)',
    ]);
  });
});
