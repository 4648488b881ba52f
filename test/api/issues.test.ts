import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';

describe('issues.get', () => {
  for (const flavor of ['datacenter', 'cloud'] as const) {
    const auth = flavor === 'cloud' ? CREDS.cloudToken : CREDS.dcBasic;

    it(`${flavor}: returns a typed issue with the wire JSON kept`, async () => {
      const { sb, jira, sent } = sandboxClient(flavor, { auth: auth('alice') });
      try {
        const issue = await jira.issues.get('DEMO-1');
        assert.equal(issue.key, 'DEMO-1');
        assert.equal(issue.id, '10000');
        const version = flavor === 'cloud' ? '3' : '2';
        assert.equal(issue.self, `http://jira.test/rest/api/${version}/issue/10000`);
        assert.ok(sent.some((r) => r.url.endsWith(`/rest/api/${version}/issue/DEMO-1`)));
        assert.equal(typeof issue.summary, 'string');
        assert.equal(issue.summary, issue.fields.summary);
        assert.equal(issue.status, (issue.fields.status as { name: string }).name);
        assert.equal(typeof issue.issueType, 'string');
        assert.ok(issue.assignee === null || typeof issue.assignee?.displayName === 'string');
        assert.equal(typeof issue.reporter?.displayName, 'string');
        assert.ok(Array.isArray(issue.labels));
        assert.match(issue.created ?? '', /^\d{4}-\d\d-\d\dT/);
        assert.equal(issue.raw.key, 'DEMO-1');
        if (flavor === 'cloud') assert.equal(issue.reporter?.name, undefined);
        else assert.equal(typeof issue.reporter?.name, 'string');
      } finally {
        await sb.close();
      }
    });

    it(`${flavor}: fields and expand are passed through`, async () => {
      const { sb, jira, sent } = sandboxClient(flavor, { auth: auth('alice') });
      try {
        const issue = await jira.issues.get('DEMO-1', {
          fields: ['summary', 'status'],
          expand: ['changelog', 'names'],
        });
        assert.deepEqual(Object.keys(issue.fields).sort(), ['status', 'summary']);
        assert.equal(issue.assignee, undefined);
        assert.ok(typeof issue.raw.changelog === 'object' && issue.raw.changelog !== null);
        assert.ok(typeof issue.raw.names === 'object');
        assert.match(sent.at(-1)?.url ?? '', /fields=summary%2Cstatus&expand=changelog%2Cnames$/);
      } finally {
        await sb.close();
      }
    });

    it(`${flavor}: a missing issue and a hidden one are both NotFoundError`, async () => {
      const { sb, jira } = sandboxClient(flavor, { auth: auth('bob') });
      try {
        const missing = await jira.issues.get('NOPE-1').catch((e: unknown) => e);
        assert.ok(missing instanceof NotFoundError);
        const expected =
          flavor === 'cloud'
            ? 'Issue does not exist or you do not have permission to see it.'
            : 'Issue Does Not Exist';
        assert.equal(
          missing.message,
          `${expected} (404 GET http://jira.test/rest/api/${flavor === 'cloud' ? 3 : 2}/issue/NOPE-1)`,
        );
        const hidden = await jira.issues.get('SECRET-1').catch((e: unknown) => e);
        assert.ok(hidden instanceof NotFoundError);
        const visible = await jira.issues.get('SECRET-1', { auth: auth('alice') });
        assert.equal(visible.key, 'SECRET-1');
      } finally {
        await sb.close();
      }
    });
  }

  it('encodes the key into the path', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      await jira.issues.get('A B/C').catch(() => {});
      assert.match(sent.at(-1)?.url ?? '', /\/issue\/A%20B%2FC$/);
    } finally {
      await sb.close();
    }
  });
});

describe('myself', () => {
  it('Data Center users have name and key; Cloud users an accountId only', async () => {
    const dc = sandboxClient('datacenter', { auth: CREDS.dcBasic('admin') });
    const cloud = sandboxClient('cloud', { auth: CREDS.cloudToken('admin') });
    try {
      const d = await dc.jira.myself();
      assert.equal(d.name, 'admin');
      assert.match(d.key ?? '', /^JIRAUSER\d+$/);
      assert.equal(d.active, true);
      assert.equal(d.emailAddress, 'admin@example.com');
      const c = await cloud.jira.myself();
      assert.match(c.accountId ?? '', /^[0-9a-f]{24}$/);
      assert.equal(c.name, undefined);
      assert.equal(c.key, undefined);
      assert.equal(c.displayName, d.displayName);
    } finally {
      await dc.sb.close();
      await cloud.sb.close();
    }
  });
});
