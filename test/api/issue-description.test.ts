import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type Issue, isAdfDoc, toIssue } from '../../src/index.js';
import { DEMO_DESCRIPTIONS } from '../../src/sandbox/seed-data.js';
import { ROOT } from '../cli/helpers/cli.js';
import { startSandbox } from '../cli/helpers/servers.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];

/** Issues whose seeded description carries formatting: bold and a list, an ordered list with code, a quote. */
const FORMATTED = ['DEMO-1', 'DEMO-5', 'DEMO-30'];

function clientFor(flavor: Flavor) {
  return sandboxClient(flavor, {
    auth: flavor === 'cloud' ? CREDS.cloudToken('alice') : CREDS.dcBasic('alice'),
  });
}

/** Runs `body` with a client per flavor, closing both sandboxes afterwards. */
async function withBoth(body: (jira: Record<Flavor, ReturnType<typeof clientFor>['jira']>) => Promise<void>) {
  const cloud = clientFor('cloud');
  const dc = clientFor('datacenter');
  try {
    await body({ cloud: cloud.jira, datacenter: dc.jira });
  } finally {
    await cloud.sb.close();
    await dc.sb.close();
  }
}

function seeded(key: string): string {
  const text = DEMO_DESCRIPTIONS[Number(key.split('-')[1])];
  assert.ok(text, `the seed has a description for ${key}`);
  return text;
}

describe('issue descriptions as Markdown', () => {
  it('issues.get reads the same Markdown on Cloud (ADF) and Data Center (wiki)', async () => {
    await withBoth(async (jira) => {
      for (const key of FORMATTED) {
        const cloud = await jira.cloud.issues.get(key);
        const dc = await jira.datacenter.issues.get(key);
        assert.equal(cloud.description, dc.description, key);
        assert.equal(cloud.description, seeded(key).trim(), key);

        assert.ok(isAdfDoc(cloud.descriptionRaw), `${key}: Cloud sends ADF`);
        assert.equal(cloud.descriptionRaw, cloud.fields.description);
        assert.equal(typeof dc.descriptionRaw, 'string', `${key}: Data Center sends wiki markup`);
        assert.equal(dc.descriptionRaw, dc.fields.description);
        assert.notEqual(dc.descriptionRaw, dc.description, `${key}: the wiki text differs from the Markdown`);
      }
    });
  });

  it('the wire value stays untouched in raw and fields', async () => {
    await withBoth(async (jira) => {
      for (const flavor of FLAVORS) {
        const issue = await jira[flavor].issues.get('DEMO-1');
        const before = JSON.stringify(issue.raw);
        assert.equal(typeof issue.description, 'string');
        assert.equal(JSON.stringify(issue.raw), before);
        assert.equal((issue.raw.fields as Record<string, unknown>).description, issue.descriptionRaw);
      }
    });
  });

  it('an issue without a description reads null; one fetched without the field has none', async () => {
    await withBoth(async (jira) => {
      for (const flavor of FLAVORS) {
        const empty = await jira[flavor].issues.get('DEMO-2');
        assert.equal(empty.description, null, flavor);
        assert.equal(empty.descriptionRaw, null, flavor);
        const narrow = await jira[flavor].issues.get('DEMO-1', { fields: ['summary'] });
        assert.equal('description' in narrow, false, flavor);
        assert.equal(narrow.description, undefined, flavor);
        assert.equal('descriptionRaw' in narrow, false, flavor);
      }
    });
  });

  it('issues.search reads descriptions as issues.get does', async () => {
    await withBoth(async (jira) => {
      const byFlavor: Partial<Record<Flavor, Issue[]>> = {};
      for (const flavor of FLAVORS) {
        const hits: Issue[] = [];
        for await (const hit of jira[flavor].issues.search('key in (DEMO-1, DEMO-2, DEMO-5) ORDER BY key')) {
          hits.push(hit);
        }
        byFlavor[flavor] = hits;
      }
      const cloud = byFlavor.cloud ?? [];
      const dc = byFlavor.datacenter ?? [];
      assert.deepEqual(
        cloud.map((i) => i.key),
        ['DEMO-1', 'DEMO-2', 'DEMO-5'],
      );
      assert.deepEqual(
        cloud.map((i) => i.description),
        dc.map((i) => i.description),
      );
      assert.deepEqual(
        cloud.map((i) => i.description),
        [seeded('DEMO-1').trim(), null, seeded('DEMO-5').trim()],
      );
    });
  });

  it('Cloud v2 sends wiki markup, which reads as the same Markdown', async () => {
    await withBoth(async (jira) => {
      const v2 = toIssue(await jira.cloud.request({ path: '/rest/api/2/issue/DEMO-5' }));
      assert.equal(typeof v2.descriptionRaw, 'string');
      assert.equal(v2.description, (await jira.cloud.issues.get('DEMO-5')).description);
    });
  });

  it('the converted value is an ordinary property: enumerable, serializable and assignable', async () => {
    await withBoth(async (jira) => {
      const issue = await jira.datacenter.issues.get('DEMO-1');
      assert.ok(Object.keys(issue).includes('description'));
      const copy = JSON.parse(JSON.stringify(issue)) as { description: unknown };
      assert.equal(copy.description, seeded('DEMO-1').trim());
      issue.description = 'replaced';
      assert.equal(issue.description, 'replaced');
      const fresh = await jira.datacenter.issues.get('DEMO-1');
      fresh.description = null;
      assert.equal(fresh.description, null);
      assert.equal(typeof fresh.descriptionRaw, 'string');
    });
  });
});

/** A client in a process where Node cannot `require` ES modules, as on runtimes without a synchronous loader. */
const NO_SYNC_LOADER_SCRIPT = `
import { Jira, toIssue } from './src/index.ts';
const read = () => {
  try { return toIssue({ id: '1', key: 'X-1', fields: { description: 'h1. Title' } }).description; }
  catch (err) { return 'error: ' + err.message; }
};
const before = read();
const jira = new Jira({ server: process.env.SANDBOX_URL, auth: { type: 'basic', username: 'alice', password: 'alice' } });
const issue = await jira.issues.get('DEMO-1');
console.log(JSON.stringify({ requireModule: process.features.require_module, description: issue.description, before, after: read() }));
`;

describe('issue descriptions without a synchronous module loader', () => {
  it('jira.issues loads the converter ahead, so the description still reads as Markdown', async () => {
    const sandbox = await startSandbox({ flavor: 'datacenter' });
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--no-experimental-require-module',
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          NO_SYNC_LOADER_SCRIPT,
        ],
        { cwd: ROOT, env: { ...process.env, SANDBOX_URL: sandbox.url } },
      );
      const result = JSON.parse(stdout) as Record<string, unknown>;
      assert.equal(result.requireModule, false);
      assert.equal(result.description, seeded('DEMO-1').trim());
      // toIssue on its own cannot convert there until the converter is loaded, and says so.
      assert.match(String(result.before), /^error: The Markdown converter is not loaded/);
      assert.equal(result.after, '# Title');
    } finally {
      await sandbox.close();
    }
  });
});
