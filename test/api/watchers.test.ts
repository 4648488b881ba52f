import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../../src/index.js';
import { DEMO_CREDENTIALS } from '../../src/sandbox/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];

const BOB = DEMO_CREDENTIALS.find((c) => c.user === 'bob');

async function withClient(
  flavor: Flavor,
  body: (ctx: ReturnType<typeof sandboxClient>) => Promise<void>,
): Promise<void> {
  const auth = flavor === 'cloud' ? CREDS.cloudToken('alice') : CREDS.dcBasic('alice');
  const ctx = sandboxClient(flavor, { auth, deployment: flavor });
  try {
    await body(ctx);
  } finally {
    await ctx.sb.close();
  }
}

for (const flavor of FLAVORS) {
  describe(`issue watchers (${flavor})`, () => {
    it('adds by email and removes by display name, sending the id as a JSON string', async () => {
      assert.ok(BOB);
      await withClient(flavor, async ({ jira, sent }) => {
        const before = await jira.issues.watchers.list('DEMO-2');
        assert.ok(!before.some((u) => u.displayName === BOB.displayName));

        await jira.issues.watchers.add('DEMO-2', BOB.email);
        const post = sent.filter((r) => r.method === 'POST').at(-1);
        assert.ok(post?.body);
        const sentId: unknown = JSON.parse(post.body);
        const bob = (await jira.issues.watchers.list('DEMO-2')).find(
          (u) => u.displayName === BOB.displayName,
        );
        assert.ok(bob, 'bob now watches');
        assert.equal(sentId, flavor === 'cloud' ? bob.accountId : 'bob');

        await jira.issues.watchers.remove('DEMO-2', BOB.displayName);
        const del = sent.filter((r) => r.method === 'DELETE').at(-1);
        const query = new URL(del?.url ?? '').searchParams;
        if (flavor === 'cloud') assert.equal(query.get('accountId'), bob.accountId);
        else assert.equal(query.get('username'), 'bob');
        const after = await jira.issues.watchers.list('DEMO-2');
        assert.deepEqual(
          after.map((u) => u.displayName),
          before.map((u) => u.displayName),
        );
      });
    });

    it('watching twice keeps one entry', async () => {
      await withClient(flavor, async ({ jira }) => {
        await jira.issues.watchers.add('DEMO-3', 'alice@example.com');
        await jira.issues.watchers.add('DEMO-3', 'alice@example.com');
        const names = (await jira.issues.watchers.list('DEMO-3')).map((u) => u.emailAddress);
        assert.equal(names.filter((n) => n === 'alice@example.com').length, 1);
        const issue = await jira.issues.get('DEMO-3', { fields: ['watches'] });
        const watches = issue.raw.fields as { watches?: { watchCount?: number } };
        assert.equal(watches.watches?.watchCount, names.length);
      });
    });

    it('JSON-encodes the watcher id, quotes and all', async () => {
      await withClient(flavor, async ({ jira, sent }) => {
        const odd = 'o"brien\\x';
        const ref = flavor === 'cloud' ? { accountId: odd } : { name: odd };
        // No such user: Jira answers 404, but only after reading the body as the intended string.
        await assert.rejects(jira.issues.watchers.add('DEMO-1', ref), NotFoundError);
        const post = sent.filter((r) => r.method === 'POST').at(-1);
        assert.equal(JSON.parse(post?.body ?? 'null'), odd);
      });
    });

    it('reports a missing issue as NotFoundError', async () => {
      await withClient(flavor, async ({ jira }) => {
        await assert.rejects(jira.issues.watchers.list('DEMO-9999'), NotFoundError);
        await assert.rejects(jira.issues.watchers.add('DEMO-9999', 'bob@example.com'), NotFoundError);
        await assert.rejects(jira.issues.watchers.remove('DEMO-9999', 'bob@example.com'), NotFoundError);
      });
    });
  });
}
