import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Filter, InputError, NotFoundError, PermissionError } from '../../src/index.js';
import { type FilterSandbox, filterSandbox } from './helpers/filter-sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function withSandbox(flavor: 'cloud' | 'datacenter', run: (s: FilterSandbox) => Promise<void>) {
  const s = filterSandbox(flavor);
  try {
    await run(s);
    assert.deepEqual(s.problems, [], 'every reply matches the OpenAPI document');
  } finally {
    await s.sb.close();
  }
}

for (const flavor of FLAVORS) {
  describe(`filters (${flavor})`, () => {
    it('gets a shared filter, lists favourites, and hides a private filter of someone else', async () => {
      await withSandbox(flavor, async ({ as }) => {
        const shared = await as('bob').filters.get(10000);
        assert.equal(shared.name, 'DEMO open bugs');
        assert.match(shared.jql, /issuetype = Bug/);
        assert.equal(shared.owner?.displayName, 'Alice Anderson');
        assert.deepEqual(
          shared.sharePermissions.map((p) => p.type),
          ['global'],
        );
        assert.equal(shared.favourite, false);
        const favourites = await as('alice').filters.favourites();
        assert.deepEqual(
          favourites.map((f) => f.id),
          ['10000'],
        );
        assert.equal(favourites[0]?.favourite, true);
        await assert.rejects(as('alice').filters.get(10001), NotFoundError);
        assert.equal((await as('bob').filters.get('10001')).name, 'My private');
        await assert.rejects(as('bob').filters.get('abc'), InputError);
      });
    });

    it('creates, searches through the filter, changes the JQL and removes it', async () => {
      await withSandbox(flavor, async ({ as, sent }) => {
        const jira = as('alice');
        const created = await jira.filters.create({
          name: 'Frontend work',
          jql: 'project = DEMO AND component = Frontend ORDER BY key',
          description: 'UI issues',
          favourite: true,
        });
        assert.match(created.id, /^\d+$/);
        assert.equal(created.favourite, true);
        assert.equal(created.description, 'UI issues');
        assert.deepEqual(created.sharePermissions, []);
        const before = await collect(jira.issues.searchFilter(created.id, { fields: ['components'] }));
        assert.ok(before.length > 0);
        const updated = await jira.filters.update(created.id, { jql: 'project = DEMO AND component = Docs' });
        assert.equal(updated.jql, 'project = DEMO AND component = Docs');
        assert.equal(updated.name, 'Frontend work', 'the name stays');
        assert.equal(updated.description, 'UI issues', 'the description stays');
        const after = await collect(jira.issues.searchFilter(created.id));
        assert.notDeepEqual(
          after.map((i) => i.key),
          before.map((i) => i.key),
        );
        const unfavoured = await jira.filters.update(created.id, { favourite: false });
        assert.equal(unfavoured.favourite, false);
        assert.ok(!(await jira.filters.favourites()).some((f) => f.id === created.id));
        await jira.filters.remove(created.id);
        await assert.rejects(jira.filters.get(created.id), NotFoundError);
        const favouriteCalls = sent.filter((r) => r.url.includes('/favourite') && r.method !== 'GET');
        assert.equal(favouriteCalls.length, flavor === 'cloud' ? 1 : 0, 'Cloud uses the favourite resource');
      });
    });

    it("refuses bob's changes to alice's filter and leaves it as it was", async () => {
      await withSandbox(flavor, async ({ as }) => {
        await assert.rejects(as('bob').filters.update(10000, { name: 'Mine now' }), PermissionError);
        await assert.rejects(as('bob').filters.remove(10000), PermissionError);
        await assert.rejects(as('alice').filters.remove(10001), NotFoundError);
        const filter = await as('alice').filters.get(10000);
        assert.equal(filter.name, 'DEMO open bugs');
        await assert.rejects(as('alice').filters.update(10000, {}), InputError);
      });
    });

    it('finds filters by name, owner and project over several pages', async () => {
      await withSandbox(flavor, async ({ as, sent }) => {
        // Cloud has no user names: name people by email there.
        const who = (user: string) => (flavor === 'cloud' ? `${user}@example.com` : user);
        const alice = as('alice');
        const made: Filter[] = [];
        for (let i = 1; i <= 5; i++) {
          made.push(
            await alice.filters.create({
              name: `Sprint review ${i}`,
              jql: `project = DEMO AND key = DEMO-${i}`,
            }),
          );
        }
        const secret = await alice.filters.create({ name: 'Secret sprint review', jql: 'project = SECRET' });
        await alice.filters.permissions.add(secret.id, { type: 'project', project: 'SECRET' });
        const byName = await collect(alice.filters.find({ name: 'SPRINT review', pageSize: 2 }));
        assert.deepEqual(
          byName.map((f) => f.name),
          [
            'Secret sprint review',
            'Sprint review 1',
            'Sprint review 2',
            'Sprint review 3',
            'Sprint review 4',
            'Sprint review 5',
          ],
        );
        assert.ok(sent.filter((r) => r.url.includes('/filter/search')).length >= 3, 'several pages');
        assert.ok(
          byName.every((f) => f.jql !== '' && f.owner !== undefined),
          'expanded fields arrive',
        );
        const descending = await collect(
          alice.filters.find({ name: 'sprint review', orderBy: '-name', first: 2 }),
        );
        assert.deepEqual(
          descending.map((f) => f.name),
          ['Sprint review 5', 'Sprint review 4'],
        );
        const bobs = await collect(alice.filters.find({ owner: who('bob') }));
        assert.deepEqual(bobs, [], "bob's only filter is private");
        const alices = await collect(as('bob').filters.find({ owner: who('alice') }));
        assert.deepEqual(
          alices.map((f) => f.id),
          ['10000'],
          "alice's shared filter only: her private ones stay hidden, bob's own is not hers",
        );
        const byProject = await collect(alice.filters.find({ project: 'SECRET' }));
        assert.deepEqual(
          byProject.map((f) => f.id),
          [secret.id],
        );
        const ownerQuery = sent.find(
          (r) => r.url.includes('/filter/search') && /accountId=|owner=/.test(r.url),
        );
        assert.match(ownerQuery?.url ?? '', flavor === 'cloud' ? /accountId=/ : /owner=bob/);
        await assert.rejects(() => collect(alice.filters.find({ group: 'no-such-group' })), NotFoundError);
      });
    });
  });
}
