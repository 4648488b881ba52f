import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError, Jira } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';
import { httpServer, sendJson } from '../client/helpers/servers.js';

const serverInfoCalls = (sent: { url: string }[]) => sent.filter((r) => r.url.includes('/serverInfo')).length;

describe('serverInfo and deployment detection', () => {
  it('reads serverInfo on Data Center ("Server") and Cloud ("Cloud")', async () => {
    const dc = sandboxClient('datacenter');
    const cloud = sandboxClient('cloud');
    try {
      const d = await dc.jira.serverInfo();
      assert.equal(d.deploymentType, 'Server');
      assert.equal(d.deployment, 'datacenter');
      assert.equal(d.baseUrl, 'http://jira.test');
      assert.ok(d.versionNumbers.length >= 3);
      assert.equal(d.version, d.versionNumbers.join('.'));
      assert.equal(typeof d.buildNumber, 'number');
      assert.equal(d.raw.deploymentType, 'Server');
      const c = await cloud.jira.serverInfo();
      assert.equal(c.deployment, 'cloud');
      assert.equal(await cloud.jira.deployment(), 'cloud');
      assert.equal(await dc.jira.deployment(), 'datacenter');
    } finally {
      await dc.sb.close();
      await cloud.sb.close();
    }
  });

  it('asks Jira once for many calls (cache and one detection per client)', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      await Promise.all([jira.deployment(), jira.deployment(), jira.serverInfo()]);
      for (let i = 0; i < 5; i++) {
        await jira.serverInfo();
        await jira.issues.get('DEMO-1');
      }
      assert.equal(serverInfoCalls(sent), 1);
      await jira.serverInfo({ fresh: true });
      assert.equal(serverInfoCalls(sent), 2);
      jira.clearCache();
      await jira.serverInfo();
      assert.equal(serverInfoCalls(sent), 3);
    } finally {
      await sb.close();
    }
  });

  it('caches per identity: another credential gets its own answer', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      await jira.serverInfo();
      await jira.serverInfo({ auth: CREDS.dcPat('bob') });
      await jira.serverInfo({ auth: CREDS.dcPat('bob') });
      assert.equal(serverInfoCalls(sent), 2);
    } finally {
      await sb.close();
    }
  });

  it('cacheTtlMs: 0 turns caching off', async () => {
    const { sb, jira, sent } = sandboxClient('cloud', { cacheTtlMs: 0 });
    try {
      await jira.serverInfo();
      await jira.serverInfo();
      assert.equal(serverInfoCalls(sent), 2);
    } finally {
      await sb.close();
    }
  });

  it('does not ask when the deployment is given', async () => {
    const { sb, jira, sent } = sandboxClient('cloud', {
      deployment: 'cloud',
      auth: CREDS.cloudToken('alice'),
    });
    try {
      assert.equal(await jira.deployment(), 'cloud');
      await jira.issues.get('DEMO-2');
      assert.equal(serverInfoCalls(sent), 0);
    } finally {
      await sb.close();
    }
  });

  it('fails detection with a ConfigurationError that says to pass `deployment`', async () => {
    const server = await httpServer((req, res) => {
      if (req.url.includes('/nodeployment/')) sendJson(res, 200, { version: '1.0' });
      else {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html><body>Not a Jira</body></html>');
      }
    });
    try {
      const notJira = new Jira({ server: server.url });
      const error = await notJira.deployment().catch((e: unknown) => e);
      assert.ok(error instanceof ConfigurationError);
      assert.match(
        error.message,
        /Could not tell whether .* is Jira Cloud or Data Center \(Jira returned an HTML page \(status 404\)\)\. Pass `deployment: 'cloud'`/,
      );
      const noType = new Jira({ server: `${server.url}/nodeployment` });
      const error2 = await noType.issues.get('X-1').catch((e: unknown) => e);
      assert.ok(error2 instanceof ConfigurationError);
      assert.match(error2.message, /serverInfo has no deploymentType/);
      // A failed detection is not remembered: the next call tries again.
      const before = server.requests.length;
      await notJira.deployment().catch(() => {});
      assert.equal(server.requests.length, before + 1);
    } finally {
      await server.close();
    }
  });

  it('rejects an unknown deployment value', () => {
    assert.throws(
      () => new Jira({ server: 'https://x.example.com', deployment: 'server' as unknown as 'cloud' }),
      ConfigurationError,
    );
  });
});
