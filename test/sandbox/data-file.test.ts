import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import type { StoreState } from '../../src/sandbox/model.js';
import { seedState } from '../../src/sandbox/seed.js';
import { Store } from '../../src/sandbox/store.js';
import { call, login, obj } from './helpers.js';

describe('data file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jirats-sandbox-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds a missing file (and its folder), mode 0600, leaving no temp file behind', async () => {
    const file = join(dir, 'nested', 'seeded.json');
    const sb = createSandbox({ flavor: 'datacenter', dataFile: file });
    await sb.close();
    const state = JSON.parse(readFileSync(file, 'utf8')) as StoreState;
    assert.equal(state.version, 1);
    assert.equal(state.issues.filter((i) => i.projectKey === 'DEMO').length, 30);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(
      readdirSync(join(dir, 'nested')).filter((name) => name.includes('.tmp-')),
      [],
    );
  });

  it('keeps changes across sandboxes on the same file', async () => {
    const file = join(dir, 'round-trip.json');
    const first = createSandbox({ flavor: 'cloud', dataFile: file, generate: 5 });
    assert.equal(
      (await call(first, '/rest/api/3/issue/LOAD-5?fields=summary', { headers: login('cloud', 'bob') }))
        .status,
      200,
    );
    await first.close();

    // A change made through the store (as write routes do) lands in the file atomically.
    const store = Store.open(file, seedState);
    const issue = store.issue('DEMO-2');
    assert.ok(issue);
    issue.summary = 'Renamed while the sandbox was down';
    store.commit();

    const second = createSandbox({ flavor: 'datacenter', dataFile: file });
    try {
      const renamed = await call(second, '/rest/api/2/issue/DEMO-2?fields=summary', {
        headers: login('datacenter', 'bob'),
      });
      assert.equal(obj(obj(renamed.body).fields).summary, 'Renamed while the sandbox was down');
      const generated = await call(second, '/rest/api/2/issue/LOAD-5?fields=summary', {
        headers: login('datacenter', 'bob'),
      });
      assert.equal(generated.status, 200);
      assert.equal(
        (await call(second, '/rest/api/2/issue/LOAD-6', { headers: login('datacenter', 'bob') })).status,
        404,
      );
    } finally {
      await second.close();
    }
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.includes('.tmp-')),
      [],
    );
  });

  it('tops generated issues up to the count asked for, identically on every run', async () => {
    const file = join(dir, 'generate.json');
    await createSandbox({ dataFile: file, generate: 3 }).close();
    await createSandbox({ dataFile: file, generate: 8 }).close();
    const grown = JSON.parse(readFileSync(file, 'utf8')) as StoreState;
    const load = grown.issues.filter((i) => i.projectKey === 'LOAD');
    assert.deepEqual(
      load.map((i) => i.key),
      ['LOAD-1', 'LOAD-2', 'LOAD-3', 'LOAD-4', 'LOAD-5', 'LOAD-6', 'LOAD-7', 'LOAD-8'],
    );
    const fresh = join(dir, 'generate-fresh.json');
    await createSandbox({ dataFile: fresh, generate: 8 }).close();
    const direct = (JSON.parse(readFileSync(fresh, 'utf8')) as StoreState).issues.filter(
      (i) => i.projectKey === 'LOAD',
    );
    assert.deepEqual(
      direct.map((i) => [i.summary, i.statusId, i.assignee, i.labels]),
      load.map((i) => [i.summary, i.statusId, i.assignee, i.labels]),
    );
  });

  it('refuses a file that is not a sandbox snapshot, and leaves it untouched', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"not":"a snapshot"}');
    assert.throws(() => createSandbox({ dataFile: file }), /not a version 1 sandbox snapshot/);
    writeFileSync(file, 'garbage');
    assert.throws(() => createSandbox({ dataFile: file }), /not valid JSON/);
    assert.equal(readFileSync(file, 'utf8'), 'garbage');
  });
});
