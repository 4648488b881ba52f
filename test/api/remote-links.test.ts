import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, NotFoundError, PermissionError } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];
type User = 'admin' | 'alice' | 'bob';

function auth(flavor: Flavor, user: User) {
  return flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
}

async function withSandbox(
  flavor: Flavor,
  body: (ctx: ReturnType<typeof sandboxClient>) => Promise<void>,
  user: User = 'alice',
): Promise<void> {
  const ctx = sandboxClient(flavor, { auth: auth(flavor, user), deployment: flavor });
  try {
    await body(ctx);
  } finally {
    await ctx.sb.close();
  }
}

const GLOBAL_ID = 'system=https://support.example.com&id=42';

for (const flavor of FLAVORS) {
  describe(`remote links (${flavor})`, () => {
    it('adds, lists, gets and updates a remote link', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        const added = await jira.issues.remoteLinks.add('DEMO-1', {
          url: 'https://support.example.com/42',
          title: 'Ticket 42',
          summary: 'Customer cannot log in',
          icon: { url16x16: 'https://support.example.com/icon.png', title: 'Support' },
          relationship: 'causes',
          application: { type: 'com.example.support', name: 'Support' },
        });
        assert.match(added.id, /^\d+$/);
        assert.equal(added.title, 'Ticket 42');
        assert.equal(added.summary, 'Customer cannot log in');
        assert.equal(added.icon?.title, 'Support');
        assert.equal(added.relationship, 'causes');
        assert.equal(added.application?.name, 'Support');
        assert.match(added.self, new RegExp(`/remotelink/${added.id}$`));
        const post = sent.find((r) => r.method === 'POST');
        const wire = JSON.parse(post?.body ?? '{}') as { object?: { url?: string } };
        assert.equal(wire.object?.url, 'https://support.example.com/42', 'the item goes under `object`');

        const listed = await jira.issues.remoteLinks.list('DEMO-1');
        assert.deepEqual(
          listed.map((l) => [l.id, l.url]),
          [[added.id, 'https://support.example.com/42']],
        );
        const read = await jira.issues.remoteLinks.get('DEMO-1', added.id);
        assert.equal(read.title, 'Ticket 42');

        const updated = await jira.issues.remoteLinks.update('DEMO-1', added.id, {
          url: 'https://support.example.com/43',
          title: 'Ticket 43',
        });
        assert.equal(updated.id, added.id);
        assert.equal(updated.title, 'Ticket 43');
        assert.equal(updated.summary, undefined, 'fields left out of an update are cleared');
        assert.equal(updated.relationship, undefined);
      });
    });

    it('adding with a known global id updates that link instead of adding one', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const first = await jira.issues.remoteLinks.add('DEMO-2', {
          url: 'https://support.example.com/42',
          title: 'Ticket 42',
          globalId: GLOBAL_ID,
        });
        await jira.issues.remoteLinks.add('DEMO-2', { url: 'https://example.com/other', title: 'Other' });
        const again = await jira.issues.remoteLinks.add('DEMO-2', {
          url: 'https://support.example.com/42',
          title: 'Ticket 42 (closed)',
          globalId: GLOBAL_ID,
          status: { resolved: true },
        });
        assert.equal(again.id, first.id);
        assert.equal(again.status?.resolved, true);
        const all = await jira.issues.remoteLinks.list('DEMO-2');
        assert.equal(all.length, 2);
        const byGlobalId = await jira.issues.remoteLinks.list('DEMO-2', { globalId: GLOBAL_ID });
        assert.deepEqual(
          byGlobalId.map((l) => l.title),
          ['Ticket 42 (closed)'],
        );
      });
    });

    it('removes by id and by global id', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const one = await jira.issues.remoteLinks.add('DEMO-3', {
          url: 'https://example.com/1',
          title: 'One',
        });
        await jira.issues.remoteLinks.add('DEMO-3', {
          url: 'https://example.com/2',
          title: 'Two',
          globalId: GLOBAL_ID,
        });
        await jira.issues.remoteLinks.remove('DEMO-3', one.id);
        await assert.rejects(jira.issues.remoteLinks.get('DEMO-3', one.id), NotFoundError);
        await jira.issues.remoteLinks.removeByGlobalId('DEMO-3', GLOBAL_ID);
        assert.deepEqual(await jira.issues.remoteLinks.list('DEMO-3'), []);
        await assert.rejects(jira.issues.remoteLinks.removeByGlobalId('DEMO-3', GLOBAL_ID), NotFoundError);
      });
    });

    it('a missing title is rejected before sending; hidden issues are NotFound; read-only is a PermissionError', async () => {
      await withSandbox(flavor, async ({ jira, newClient, sent }) => {
        const before = sent.length;
        await assert.rejects(
          jira.issues.remoteLinks.add('DEMO-4', { url: 'https://example.com', title: '' }),
          InputError,
        );
        assert.equal(sent.length, before);
        await assert.rejects(
          jira.issues.remoteLinks.add('SECRET-1', { url: 'https://example.com', title: 'x' }),
          PermissionError,
        );
        const bob = newClient({ auth: auth(flavor, 'bob'), deployment: flavor });
        await assert.rejects(bob.issues.remoteLinks.list('SECRET-1'), NotFoundError);
        await assert.rejects(jira.issues.remoteLinks.get('DEMO-4', '99999'), NotFoundError);
      });
    });
  });
}
