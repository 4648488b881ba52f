import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { validateSchema } from '../support/openapi.js';
import { api, arr, assertConforms, call, FLAVORS, keys, login, obj } from './helpers.js';

for (const flavor of FLAVORS) {
  describe(`sandbox filter resources (${flavor})`, () => {
    const root = `${api(flavor)}/filter`;
    const as = (user: 'admin' | 'alice' | 'bob') => ({ headers: login(flavor, user) });

    it('creates (200), refuses duplicates and bad JQL, pages the search and expands on request', async () => {
      const sb = createSandbox({ flavor });
      try {
        for (const n of [1, 2, 3]) {
          const made = await call(sb, root, {
            method: 'POST',
            ...as('alice'),
            body: { name: `Page ${n}`, jql: 'project = DEMO' },
          });
          assertConforms(flavor, 'POST', root, made);
          assert.equal(obj(made.body).name, `Page ${n}`);
        }
        const twice = await call(sb, root, {
          method: 'POST',
          ...as('alice'),
          body: { name: 'page 1', jql: 'project = DEMO' },
        });
        assert.equal(twice.status, 400);
        assert.match(String(obj(obj(twice.body).errors).filterName), /same name/);
        const broken = await call(sb, root, {
          method: 'POST',
          ...as('alice'),
          body: { name: 'Broken', jql: 'project = = DEMO' },
        });
        assert.equal(broken.status, 400);
        assert.ok(obj(obj(broken.body).errors).jql, 'the JQL error is a field error');

        const first = await call(sb, `${root}/search?filterName=PAGE&maxResults=2`, as('alice'));
        const page = obj(first.body);
        assert.deepEqual([page.startAt, page.maxResults, page.total, page.isLast], [0, 2, 3, false]);
        assert.match(String(page.nextPage), /startAt=2/);
        assert.deepEqual(
          keys(arr(page.values)[0]),
          ['expand', 'id', 'name', 'self'],
          'only id, name and self by default',
        );
        const second = await call(
          sb,
          `${root}/search?filterName=page&startAt=2&expand=jql,owner`,
          as('alice'),
        );
        const values = arr(obj(second.body).values);
        assert.deepEqual(keys(values[0]), ['expand', 'id', 'jql', 'name', 'owner', 'self']);
        if (flavor === 'cloud') {
          assertConforms(flavor, 'GET', `${root}/search`, first);
          assertConforms(flavor, 'GET', `${root}/search`, second);
        } else {
          for (const v of values) assert.ok(validateSchema('datacenter', 'FilterBean', v).ok);
        }
        const hidden = await call(sb, `${root}/search?filterName=page`, as('bob'));
        assert.equal(obj(hidden.body).total, 0, "alice's filters are private");
        const wrongOwner = flavor === 'cloud' ? 'owner=alice' : 'accountId=x';
        assert.equal((await call(sb, `${root}/search?${wrongOwner}`, as('bob'))).status, 400);
        assert.equal((await call(sb, `${root}/search?orderBy=colour`, as('bob'))).status, 400);
      } finally {
        await sb.close();
      }
    });

    it('changes: owner only (400 for others, 404 when hidden), favourites, admin deletes', async () => {
      const sb = createSandbox({ flavor });
      try {
        const byBob = await call(sb, `${root}/10000`, {
          method: 'PUT',
          ...as('bob'),
          body: { name: 'x', jql: 'project = DEMO' },
        });
        assert.equal(byBob.status, 400);
        assert.match(String(arr(obj(byBob.body).errorMessages)[0]), /owner/);
        const hidden = await call(sb, `${root}/10001`, {
          method: 'PUT',
          ...as('alice'),
          body: { name: 'x' },
        });
        assert.equal(hidden.status, 404);
        const renamed = await call(sb, `${root}/10000`, {
          method: 'PUT',
          ...as('alice'),
          body: { name: 'Open bugs', favourite: false },
        });
        assertConforms(flavor, 'PUT', `${root}/10000`, renamed);
        assert.equal(obj(renamed.body).favourite, false);
        if (flavor === 'cloud') {
          const fav = await call(sb, `${root}/10000/favourite`, { method: 'PUT', ...as('bob') });
          assertConforms(flavor, 'PUT', `${root}/10000/favourite`, fav);
          assert.equal(obj(fav.body).favourite, true);
          const favourites = await call(sb, `${root}/favourite`, as('bob'));
          assert.deepEqual(
            arr(favourites.body).map((f) => obj(f).id),
            ['10001', '10000'],
            'by name: My private, Open bugs',
          );
        } else {
          const missing = await call(sb, `${root}/10000/favourite`, { method: 'PUT', ...as('bob') });
          assert.equal(missing.status, 404, 'Data Center 10 has no favourite resource');
        }
        assert.equal((await call(sb, `${root}/10001`, { method: 'DELETE', ...as('alice') })).status, 404);
        assert.equal((await call(sb, `${root}/10001`, { method: 'DELETE', ...as('admin') })).status, 204);
        assert.equal((await call(sb, `${root}/10001`, as('bob'))).status, 404);
      } finally {
        await sb.close();
      }
    });

    it('renders project-role shares as project + role and signed-in shares as loggedin', async () => {
      const sb = createSandbox({ flavor });
      try {
        const path = `${root}/10000/permission`;
        const demo = obj((await call(sb, `${api(flavor)}/project/DEMO`, as('alice'))).body).id;
        const noProject = await call(sb, path, {
          method: 'POST',
          ...as('alice'),
          body: { type: 'projectRole', projectRoleId: '10001' },
        });
        assert.equal(noProject.status, 400, 'a role share needs the project id');
        const role = await call(sb, path, {
          method: 'POST',
          ...as('alice'),
          body: { type: 'projectRole', projectId: demo, projectRoleId: '10001' },
        });
        assertConforms(flavor, 'POST', path, role);
        const loggedIn = await call(sb, path, {
          method: 'POST',
          ...as('alice'),
          body: { type: 'authenticated' },
        });
        const shares = arr(loggedIn.body).map(obj);
        assert.deepEqual(
          shares.map((s) => s.type),
          ['global', 'project', 'loggedin'],
        );
        assert.equal(obj(shares[1]?.role).name, 'Developers');
        assert.equal(obj(shares[1]?.project).key, 'DEMO');
        const one = await call(sb, `${path}/${String(shares[2]?.id)}`, as('bob'));
        assertConforms(flavor, 'GET', `${path}/1`, one);
        const roles = await call(sb, `${api(flavor)}/project/DEMO/role`, as('bob'));
        assertConforms(flavor, 'GET', `${api(flavor)}/project/DEMO/role`, roles);
        assert.deepEqual(Object.keys(obj(roles.body)).sort(), ['Administrators', 'Developers', 'Users']);
        const byBob = await call(sb, `${path}/${String(shares[2]?.id)}`, { method: 'DELETE', ...as('bob') });
        assert.equal(byBob.status, 400);
        assert.equal(
          (await call(sb, `${path}/${String(shares[2]?.id)}`, { method: 'DELETE', ...as('alice') })).status,
          204,
        );
        assert.equal(arr((await call(sb, path, as('alice'))).body).length, 2);
      } finally {
        await sb.close();
      }
    });

    it('keeps filters, shares and the id counter across restarts of a data file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jirats-filters-'));
      const dataFile = join(dir, 'state.json');
      try {
        const first = createSandbox({ flavor, dataFile });
        const made = obj(
          (
            await call(first, root, {
              method: 'POST',
              ...as('alice'),
              body: { name: 'Kept', jql: 'project = DEMO' },
            })
          ).body,
        );
        await call(first, `${root}/${String(made.id)}/permission`, {
          method: 'POST',
          ...as('alice'),
          body: { type: 'authenticated' },
        });
        assert.equal(
          (await call(first, `${root}/${String(made.id)}`, { method: 'DELETE', ...as('alice') })).status,
          204,
        );
        const again = obj(
          (
            await call(first, root, {
              method: 'POST',
              ...as('alice'),
              body: { name: 'Kept', jql: 'project = DEMO' },
            })
          ).body,
        );
        await call(first, `${root}/${String(again.id)}/permission`, {
          method: 'POST',
          ...as('alice'),
          body: { type: 'authenticated' },
        });
        await first.close();
        const second = createSandbox({ flavor, dataFile });
        try {
          const read = obj((await call(second, `${root}/${String(again.id)}`, as('bob'))).body);
          assert.deepEqual(
            arr(read.sharePermissions).map((p) => obj(p).type),
            ['loggedin'],
          );
          const next = obj(
            (
              await call(second, root, {
                method: 'POST',
                ...as('bob'),
                body: { name: 'New', jql: 'project = DEMO' },
              })
            ).body,
          );
          assert.ok(
            Number(next.id) > Number(again.id) && again.id !== made.id,
            'filter ids are never reused',
          );
        } finally {
          await second.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
