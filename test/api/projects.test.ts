import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, NotFoundError } from '../../src/index.js';
import { sandboxClient } from '../client/helpers/sandbox.js';
import { auth, collect, FLAVORS, names, validateReads } from './project-helpers.js';

for (const flavor of FLAVORS) {
  describe(`projects, components and versions (${flavor})`, () => {
    const open = (user = 'admin') => sandboxClient(flavor, { auth: auth(flavor, user), deployment: flavor });

    it('lists and gets projects with lead, issue types, components and versions', async () => {
      const { sb, jira, sent } = open();
      try {
        const all = await collect(jira.projects.list());
        assert.deepEqual(
          all.map((p) => p.key),
          ['DEMO', 'SECRET'],
        );
        assert.equal(all[0]?.lead?.displayName, 'Sandbox Administrator');
        assert.deepEqual(
          (await collect(jira.projects.list({ pageSize: 1, skip: 1 }))).map((p) => p.key),
          ['SECRET'],
        );
        const demo = await jira.projects.get('demo');
        assert.equal(demo.key, 'DEMO');
        assert.equal(demo.projectTypeKey, 'software');
        assert.equal(demo.lead?.displayName, 'Sandbox Administrator');
        assert.deepEqual(names(demo.components ?? []), ['Backend', 'Frontend', 'Docs']);
        assert.deepEqual(names(demo.versions ?? []), ['1.0', '1.1', '2.0']);
        assert.ok((demo.issueTypes ?? []).some((t) => t.name === 'Bug'));
        assert.equal((await jira.projects.get(demo.id)).key, 'DEMO');
        await assert.rejects(jira.projects.get('FAKE'), (e: unknown) => {
          assert.ok(e instanceof NotFoundError);
          assert.deepEqual(e.errorMessages, ["No project could be found with key 'FAKE'."]);
          return true;
        });
        const components = await collect(jira.components.list('DEMO'));
        assert.deepEqual(names(components), ['Backend', 'Frontend', 'Docs']);
        assert.equal((await jira.components.get(components[0]?.id ?? '')).name, 'Backend');
        assert.ok((await validateReads(flavor, jira, sent)) >= 5);
      } finally {
        await sb.close();
      }
    });

    it('hides projects the caller cannot browse (bob and SECRET)', async () => {
      const { sb, jira } = open('bob');
      try {
        assert.deepEqual(
          (await collect(jira.projects.list())).map((p) => p.key),
          ['DEMO'],
        );
        await assert.rejects(jira.projects.get('SECRET'), NotFoundError);
        await assert.rejects(collect(jira.versions.list('SECRET')), NotFoundError);
        await assert.rejects(collect(jira.components.list('SECRET')), NotFoundError);
      } finally {
        await sb.close();
      }
    });

    it('lists versions over several pages, by name wildcards and in any order', async () => {
      const { sb, jira, sent } = open();
      try {
        await jira.versions.create({ project: 'DEMO', name: '1.2', releaseDate: '2026-02-01' });
        await jira.versions.create({ project: 'DEMO', name: 'Beta', startDate: new Date(2026, 0, 5) });
        const byName = await collect(jira.versions.list('DEMO', { orderBy: 'name', pageSize: 2 }));
        assert.deepEqual(names(byName), ['1.0', '1.1', '1.2', '2.0', 'Beta']);
        const pages = sent.filter((r) => r.url.includes('/project/DEMO/version?'));
        assert.ok(pages.length >= 3, `paged in ${pages.length} requests`);
        const wild = await collect(jira.versions.list('DEMO', { name: ['1.?', 'BE*'], pageSize: 2 }));
        assert.deepEqual(names(wild), ['1.0', '1.1', '1.2', 'Beta']);
        const byRelease = await collect(jira.versions.list('DEMO', { orderBy: '-releaseDate' }));
        // Ascending puts versions without a date last; descending is the exact reverse.
        assert.deepEqual(names(byRelease), ['Beta', '2.0', '1.1', '1.2', '1.0']);
        const firstMatch = await collect(jira.versions.list('DEMO', { name: '1*', skip: 1, first: 1 }));
        assert.deepEqual(names(firstMatch), ['1.1']);
        const beta = byName.find((v) => v.name === 'Beta');
        assert.equal(beta?.startDate, '2026-01-05');
        await assert.rejects(collect(jira.versions.list('DEMO', { orderBy: 'size' as 'name' })), InputError);
        assert.ok((await validateReads(flavor, jira, sent)) >= 3);
      } finally {
        await sb.close();
      }
    });
  });
}
