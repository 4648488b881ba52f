import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, JiraError, NotFoundError, PermissionError } from '../../src/index.js';
import { sandboxClient } from '../client/helpers/sandbox.js';
import { validateResponse, validateSchema } from '../support/openapi.js';
import { auth, collect, componentsOf, FLAVORS, fixVersionsOf, names } from './project-helpers.js';

for (const flavor of FLAVORS) {
  describe(`version and component changes (${flavor})`, () => {
    const open = (user = 'admin') => sandboxClient(flavor, { auth: auth(flavor, user), deployment: flavor });

    /** Checks a write reply against the spec (status and body as the sandbox sent them). */
    const valid = (method: string, path: string, status: number, body: unknown) => {
      const result = validateResponse(flavor, method, path, status, body);
      assert.ok(result.ok, `${method} ${path}: ${result.errors}`);
    };
    const v = flavor === 'cloud' ? '3' : '2';

    it('creates, updates, moves and removes a version, moving fix issues with history', async () => {
      const { sb, jira } = open();
      try {
        const created = await jira.versions.create({
          project: 'DEMO',
          name: '3.0',
          description: 'Next big thing',
          startDate: '2026-04-01',
          releaseDate: '2026-06-30',
        });
        assert.equal(created.name, '3.0');
        assert.equal(created.releaseDate, '2026-06-30');
        assert.equal(created.released, false);
        valid('GET', `/rest/api/${v}/version/${created.id}`, 200, (await jira.versions.get(created.id)).raw);
        await assert.rejects(jira.versions.create({ project: 'DEMO', name: '3.0' }), (e: unknown) => {
          assert.ok(e instanceof JiraError && e.status === 400);
          return true;
        });
        await assert.rejects(
          jira.versions.create({ project: 'DEMO', name: 'x', releaseDate: '2026-13-01' }),
          InputError,
        );

        const updated = await jira.versions.update(created.id, { name: '3.0.0', released: true });
        assert.equal(updated.name, '3.0.0');
        assert.equal(updated.released, true);
        if (flavor === 'cloud') valid('PUT', `/rest/api/${v}/version/${created.id}`, 200, updated.raw);
        else {
          // The DC document describes no body for this 200; Jira sends the version, checked as a VersionBean.
          const result = validateSchema('datacenter', 'VersionBean', updated.raw);
          assert.ok(result.ok, result.errors);
        }

        const sequence = async () => names(await collect(jira.versions.list('DEMO')));
        assert.deepEqual(await sequence(), ['1.0', '1.1', '2.0', '3.0.0']);
        const moved = await jira.versions.move(created.id, 'first');
        valid('POST', `/rest/api/${v}/version/${created.id}/move`, 200, moved.raw);
        assert.deepEqual(await sequence(), ['3.0.0', '1.0', '1.1', '2.0']);
        const one = (await collect(jira.versions.list('DEMO', { name: '1.0' })))[0];
        await jira.versions.move(created.id, { after: one?.id ?? '' });
        assert.deepEqual(await sequence(), ['1.0', '3.0.0', '1.1', '2.0']);
        await jira.versions.move(created.id, 'later');
        assert.deepEqual(await sequence(), ['1.0', '1.1', '3.0.0', '2.0']);

        // DEMO-11 is fixed in 1.1: removing 1.1 moves it to 2.0 and records the change.
        const all = await collect(jira.versions.list('DEMO'));
        const id = (name: string) => all.find((x) => x.name === name)?.id ?? '';
        assert.deepEqual(await fixVersionsOf(jira, 'DEMO-11'), ['1.1']);
        await jira.versions.remove(id('1.1'), { moveFixIssuesTo: id('2.0') });
        assert.deepEqual(await fixVersionsOf(jira, 'DEMO-11'), ['2.0']);
        assert.deepEqual(await sequence(), ['1.0', '3.0.0', '2.0']);
        const history = await collect(jira.issues.changelog('DEMO-11'));
        const items = history.flatMap((h) => h.items).filter((i) => i.field === 'Fix Version');
        assert.deepEqual(
          items.map((i) => [i.fromString, i.toString]),
          [
            ['1.1', null],
            [null, '2.0'],
          ],
        );
        await assert.rejects(jira.versions.get(id('1.1')), NotFoundError);

        // Without a target the version is just dropped from its issues.
        await jira.versions.remove(id('2.0'));
        assert.deepEqual(await fixVersionsOf(jira, 'DEMO-11'), []);
      } finally {
        await sb.close();
      }
    });

    it("refuses another project's version as the target, changing nothing", async () => {
      const { sb, jira } = open();
      try {
        const secret = await jira.versions.create({ project: 'SECRET', name: 'S1' });
        const demo = await collect(jira.versions.list('DEMO', { name: '1.1' }));
        const id = demo[0]?.id ?? '';
        await assert.rejects(jira.versions.remove(id, { moveFixIssuesTo: secret.id }), InputError);
        await assert.rejects(jira.versions.move(id, { after: secret.id }), InputError);
        // Sent anyway, Jira's own check answers 400.
        await assert.rejects(
          jira.request({
            method: 'POST',
            path: `/rest/api/${v}/version/${id}/removeAndSwap`,
            body: { moveFixIssuesTo: Number(secret.id) },
          }),
          (e: unknown) => e instanceof JiraError && e.status === 400,
        );
        assert.equal((await jira.versions.get(id)).name, '1.1');
        assert.deepEqual(await fixVersionsOf(jira, 'DEMO-11'), ['1.1']);
      } finally {
        await sb.close();
      }
    });

    it('creates, updates and removes components, moving their issues', async () => {
      const { sb, jira } = open();
      try {
        const created = await jira.components.create({
          project: 'DEMO',
          name: 'Mobile',
          description: 'The app',
          lead: 'alice@example.com',
        });
        valid('POST', `/rest/api/${v}/component`, 201, created.raw);
        assert.equal(created.lead?.displayName, 'Alice Anderson');
        assert.equal(created.project, 'DEMO');
        const renamed = await jira.components.update(created.id, { name: 'Mobile apps', lead: null });
        valid('PUT', `/rest/api/${v}/component/${created.id}`, 200, renamed.raw);
        assert.equal(renamed.name, 'Mobile apps');
        assert.equal(renamed.lead, undefined);

        const list = await collect(jira.components.list('DEMO'));
        const id = (name: string) => list.find((c) => c.name === name)?.id ?? '';
        // DEMO-11 is filed under Docs; a rename follows into the issue.
        await jira.components.update(id('Docs'), { name: 'Documentation' });
        assert.deepEqual(await componentsOf(jira, 'DEMO-11'), ['Documentation']);
        await jira.components.remove(id('Docs'), { moveIssuesTo: id('Backend') });
        assert.deepEqual(await componentsOf(jira, 'DEMO-11'), ['Backend']);
        const history = await collect(jira.issues.changelog('DEMO-11'));
        const items = history.flatMap((h) => h.items).filter((i) => i.field === 'Component');
        assert.deepEqual(
          items.map((i) => [i.fromString, i.toString]),
          [
            ['Documentation', null],
            [null, 'Backend'],
          ],
        );
        assert.deepEqual(names(await collect(jira.components.list('DEMO'))), [
          'Backend',
          'Frontend',
          'Mobile apps',
        ]);
        await assert.rejects(jira.components.get(id('Docs')), NotFoundError);
        // Another project's component cannot take the issues: Jira's 400, and the component stays.
        const elsewhere = await jira.components.create({ project: 'SECRET', name: 'Vault' });
        await assert.rejects(
          jira.components.remove(id('Frontend'), { moveIssuesTo: elsewhere.id }),
          (e: unknown) => e instanceof JiraError && e.status === 400,
        );
        assert.equal((await jira.components.get(id('Frontend'))).name, 'Frontend');
      } finally {
        await sb.close();
      }
    });

    it('refuses changes by a user who does not administer the project (bob), changing nothing', async () => {
      const { sb, jira, newClient } = open('bob');
      try {
        const admin = newClient({ auth: auth(flavor, 'admin') });
        const versions = await collect(jira.versions.list('DEMO'));
        const id = versions[1]?.id ?? '';
        await assert.rejects(jira.versions.create({ project: 'DEMO', name: '9.9' }), PermissionError);
        await assert.rejects(jira.versions.update(id, { name: 'hacked' }), PermissionError);
        await assert.rejects(jira.versions.move(id, 'first'), PermissionError);
        await assert.rejects(jira.versions.remove(id), PermissionError);
        const components = await collect(jira.components.list('DEMO'));
        await assert.rejects(jira.components.create({ project: 'DEMO', name: 'Nope' }), PermissionError);
        await assert.rejects(jira.components.remove(components[0]?.id ?? ''), PermissionError);
        // A project bob cannot see stays hidden: 404, not 403.
        await assert.rejects(jira.versions.create({ project: 'SECRET', name: 'x' }), NotFoundError);
        assert.deepEqual(names(await collect(admin.versions.list('DEMO'))), ['1.0', '1.1', '2.0']);
        assert.deepEqual(names(await collect(admin.components.list('DEMO'))), [
          'Backend',
          'Frontend',
          'Docs',
        ]);
        assert.deepEqual(await fixVersionsOf(admin, 'DEMO-11'), ['1.1']);
      } finally {
        await sb.close();
      }
    });
  });
}
