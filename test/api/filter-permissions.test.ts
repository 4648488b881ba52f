import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, NotFoundError, PermissionError } from '../../src/index.js';
import { type FilterSandbox, filterSandbox } from './helpers/filter-sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;

async function withSandbox(flavor: 'cloud' | 'datacenter', run: (s: FilterSandbox) => Promise<void>) {
  const s = filterSandbox(flavor);
  try {
    await run(s);
    assert.deepEqual(s.problems, [], 'every reply matches the OpenAPI document');
  } finally {
    await s.sb.close();
  }
}

/** The JSON body of the last POST to a filter's permission resource. */
function lastShareBody(s: FilterSandbox): Record<string, unknown> {
  const post = s.sent.filter((r) => r.method === 'POST' && r.url.endsWith('/permission')).at(-1);
  return JSON.parse(post?.body ?? '{}') as Record<string, unknown>;
}

for (const flavor of FLAVORS) {
  describe(`filter permissions (${flavor})`, () => {
    it('shares with a group: members see the filter, others do not', async () => {
      await withSandbox(flavor, async (s) => {
        const { as } = s;
        const admin = as('admin');
        await admin.groups.create('reviewers');
        await admin.groups.addMember('reviewers', flavor === 'cloud' ? 'alice@example.com' : 'alice');
        const filter = await as('alice').filters.create({ name: 'For reviewers', jql: 'project = DEMO' });
        await assert.rejects(as('bob').filters.get(filter.id), NotFoundError);
        const shares = await as('alice').filters.permissions.add(filter.id, {
          type: 'group',
          group: 'reviewers',
        });
        assert.deepEqual(
          shares.map((p) => [p.type, p.group?.name]),
          [['group', 'reviewers']],
        );
        const body = lastShareBody(s);
        if (flavor === 'cloud')
          assert.match(String(body.groupId), /^[0-9a-f-]{36}$/, 'Cloud names the group by id');
        else assert.equal(body.groupname, 'reviewers');
        await assert.rejects(as('bob').filters.get(filter.id), NotFoundError, 'bob is not a reviewer');
        await admin.groups.addMember('reviewers', flavor === 'cloud' ? 'bob@example.com' : 'bob');
        assert.equal((await as('bob').filters.get(filter.id)).name, 'For reviewers');
        await assert.rejects(
          as('alice').filters.permissions.add(filter.id, { type: 'group', group: 'no-such-group' }),
          NotFoundError,
        );
      });
    });

    it('shares with a project and a project role (sending the project id with the role id)', async () => {
      await withSandbox(flavor, async (s) => {
        const { as } = s;
        const alice = as('alice');
        const secret = await alice.filters.create({ name: 'Secret work', jql: 'project = SECRET' });
        await alice.filters.permissions.add(secret.id, { type: 'project', project: 'SECRET' });
        assert.match(String(lastShareBody(s).projectId), /^\d+$/);
        await assert.rejects(as('bob').filters.get(secret.id), NotFoundError, 'bob cannot browse SECRET');
        assert.equal((await as('admin').filters.get(secret.id)).name, 'Secret work');

        const leads = await alice.filters.create({ name: 'For DEMO admins', jql: 'project = DEMO' });
        const shares = await alice.filters.permissions.add(leads.id, {
          type: 'projectRole',
          project: 'DEMO',
          role: 'administrators',
        });
        const body = lastShareBody(s);
        assert.equal(body.type, 'projectRole');
        assert.match(String(body.projectId), /^\d+$/, 'the project id is sent');
        assert.equal(body.projectRoleId, '10002');
        assert.deepEqual(
          shares.map((p) => [p.type, p.project?.key, p.role?.name]),
          [['projectRole', 'DEMO', 'Administrators']],
        );
        assert.equal((await as('admin').filters.get(leads.id)).id, leads.id, 'the DEMO lead holds the role');
        await assert.rejects(as('bob').filters.get(leads.id), NotFoundError);
        await assert.rejects(
          alice.filters.permissions.add(leads.id, { type: 'projectRole', project: 'DEMO', role: 'Testers' }),
          NotFoundError,
        );
        await assert.rejects(
          alice.filters.permissions.add(leads.id, { type: 'projectRole', project: 'DEMO' }),
          InputError,
        );
      });
    });

    it('shares with signed-in users and everyone, lists, removes one and then all', async () => {
      await withSandbox(flavor, async ({ as }) => {
        const alice = as('alice');
        const filter = await alice.filters.create({ name: 'Open to all', jql: 'project = DEMO' });
        await alice.filters.permissions.add(filter.id, { type: 'authenticated' });
        assert.equal((await as('bob').filters.get(filter.id)).name, 'Open to all');
        await alice.filters.permissions.add(filter.id, { type: 'global' });
        const listed = await as('bob').filters.permissions.list(filter.id);
        assert.deepEqual(listed.map((p) => p.type).sort(), ['authenticated', 'global']);
        await assert.rejects(
          as('bob').filters.permissions.add(filter.id, { type: 'global' }),
          PermissionError,
        );
        const global = listed.find((p) => p.type === 'global');
        await alice.filters.permissions.remove(filter.id, global?.id ?? '');
        assert.deepEqual(
          (await alice.filters.permissions.list(filter.id)).map((p) => p.type),
          ['authenticated'],
        );
        await alice.filters.permissions.add(filter.id, { type: 'project', project: 'DEMO' });
        assert.equal(await alice.filters.permissions.removeAll(filter.id), 2);
        assert.deepEqual(await alice.filters.permissions.list(filter.id), []);
        await assert.rejects(as('bob').filters.get(filter.id), NotFoundError, 'private again');
        await assert.rejects(alice.filters.permissions.remove(filter.id, 999999), NotFoundError);
      });
    });
  });
}
