import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, type IssueLink, isAdfDoc, NotFoundError, PermissionError } from '../../src/index.js';
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

/** The wire `issuelinks` of an issue, read with a plain GET issue. */
async function wireLinks(
  ctx: ReturnType<typeof sandboxClient>,
  key: string,
): Promise<Record<string, unknown>[]> {
  const issue = await ctx.jira.issues.get(key, { fields: ['issuelinks'] });
  const links = issue.fields.issuelinks;
  assert.ok(Array.isArray(links), 'issuelinks is a list');
  return links as Record<string, unknown>[];
}

function otherKey(wire: Record<string, unknown>, side: 'inwardIssue' | 'outwardIssue'): unknown {
  return (wire[side] as Record<string, unknown> | undefined)?.key;
}

for (const flavor of FLAVORS) {
  describe(`issue links (${flavor})`, () => {
    it('"DEMO-1 blocks DEMO-2" shows as blocks on DEMO-1 and is blocked by on DEMO-2', async () => {
      await withSandbox(flavor, async (ctx) => {
        const link = await ctx.jira.issues.links.add({ from: 'DEMO-1', type: 'blocks', to: 'DEMO-2' });
        assert.equal(link.type.name, 'Blocks');
        assert.equal(link.direction, 'outward');
        assert.equal(link.phrase, 'blocks');
        assert.equal(link.issue?.key, 'DEMO-2');
        assert.equal(link.from?.key, 'DEMO-1');
        assert.equal(link.to?.key, 'DEMO-2');
        assert.match(link.id, /^\d+$/);

        // Jira's create request names the source in inwardIssue (the sentence's first issue).
        const post = ctx.sent.find((r) => r.method === 'POST' && r.url.endsWith('/issueLink'));
        assert.ok(post?.body);
        const body = JSON.parse(post.body) as Record<string, Record<string, string>>;
        assert.deepEqual(body.inwardIssue, { key: 'DEMO-1' });
        assert.deepEqual(body.outwardIssue, { key: 'DEMO-2' });

        const onFirst = (await wireLinks(ctx, 'DEMO-1')).find((l) => l.id === link.id);
        assert.ok(onFirst, 'DEMO-1 lists the link');
        assert.equal(otherKey(onFirst, 'outwardIssue'), 'DEMO-2');
        assert.equal(onFirst.inwardIssue, undefined);
        const onSecond = (await wireLinks(ctx, 'DEMO-2')).find((l) => l.id === link.id);
        assert.ok(onSecond, 'DEMO-2 lists the link');
        assert.equal(otherKey(onSecond, 'inwardIssue'), 'DEMO-1');

        const [second] = await ctx.jira.issues.links.list('DEMO-2');
        assert.equal(second?.direction, 'inward');
        assert.equal(second?.phrase, 'is blocked by');
        assert.equal(second?.issue?.key, 'DEMO-1');
        assert.equal(second?.from?.key, 'DEMO-1');
        assert.equal(typeof second?.issue?.summary, 'string');
        assert.equal(typeof second?.issue?.status, 'string');
      });
    });

    it('accepts the type by name, by inward phrase (reversing the sentence) and by id', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const byName = await jira.issues.links.add({ from: 'DEMO-3', type: 'duplicate', to: 'DEMO-4' });
        assert.equal(byName.type.name, 'Duplicate');
        assert.equal(byName.from?.key, 'DEMO-3');

        // "DEMO-5 is blocked by DEMO-6" is stored as "DEMO-6 blocks DEMO-5".
        const byInward = await jira.issues.links.add({ from: 'DEMO-5', type: 'is blocked by', to: 'DEMO-6' });
        assert.equal(byInward.from?.key, 'DEMO-6');
        assert.equal(byInward.to?.key, 'DEMO-5');
        const [onFive] = await jira.issues.links.list('DEMO-5');
        assert.equal(onFive?.phrase, 'is blocked by');
        assert.equal(onFive?.issue?.key, 'DEMO-6');

        const byId = await jira.issues.links.add({ from: 'DEMO-7', type: '10003', to: 'DEMO-8' });
        assert.equal(byId.type.name, 'Relates');
      });
    });

    it('adds the comment to the source issue in the flavor’s rich text', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await jira.issues.links.add({
          from: 'DEMO-9',
          type: 'Blocks',
          to: 'DEMO-10',
          comment: 'Linked **now**',
        });
        const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/issueLink'));
        const wireBody = (JSON.parse(post?.body ?? '{}') as { comment?: { body?: unknown } }).comment?.body;
        if (flavor === 'cloud') assert.ok(isAdfDoc(wireBody), 'Cloud sends ADF');
        else assert.equal(wireBody, 'Linked *now*');
        const comments = [];
        for await (const c of jira.issues.comments.list('DEMO-9')) comments.push(c);
        assert.equal(comments.at(-1)?.body, 'Linked **now**');
      });
    });

    it('gets a link by id with both ends, removes it, and it is gone from both issues', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const link = await jira.issues.links.add({ from: 'DEMO-11', type: 'clones', to: 'DEMO-12' });
        const read = await jira.issues.links.get(link.id);
        assert.equal(read.id, link.id);
        assert.equal(read.type.outward, 'clones');
        assert.equal(read.from?.key, 'DEMO-11');
        assert.equal(read.to?.key, 'DEMO-12');
        assert.equal(read.direction, undefined);
        await jira.issues.links.remove(link.id);
        await assert.rejects(jira.issues.links.get(link.id), NotFoundError);
        assert.deepEqual(await jira.issues.links.list('DEMO-11'), []);
        assert.deepEqual(await jira.issues.links.list('DEMO-12'), []);
      });
    });

    it('records a Link change on both issues', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        await jira.issues.links.add({ from: 'DEMO-13', type: 'blocks', to: 'DEMO-14' });
        const texts = async (key: string) => {
          const issue = await jira.issues.get(key, { expand: ['changelog'] });
          const log = issue.raw.changelog as {
            histories: { items: { field: string; toString: string }[] }[];
          };
          return log.histories.flatMap((h) =>
            h.items.filter((i) => i.field === 'Link').map((i) => i.toString),
          );
        };
        assert.deepEqual(await texts('DEMO-13'), ['This issue blocks DEMO-14']);
        assert.deepEqual(await texts('DEMO-14'), ['This issue is blocked by DEMO-13']);
      });
    });

    it('removeAll removes every link of an issue and reports them', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        await jira.issues.links.add({ from: 'DEMO-15', type: 'blocks', to: 'DEMO-16' });
        await jira.issues.links.add({ from: 'DEMO-17', type: 'relates to', to: 'DEMO-15' });
        await jira.issues.links.add({ from: 'DEMO-16', type: 'relates to', to: 'DEMO-17' });
        const removed: IssueLink[] = await jira.issues.links.removeAll('DEMO-15');
        assert.deepEqual(removed.map((l) => l.issue?.key).sort(), ['DEMO-16', 'DEMO-17']);
        assert.deepEqual(await jira.issues.links.list('DEMO-15'), []);
        const left = await jira.issues.links.list('DEMO-16');
        assert.deepEqual(
          left.map((l) => l.issue?.key),
          ['DEMO-17'],
          'links of other issues stay',
        );
      });
    });

    it('an unknown type is an InputError naming the types, and nothing is posted', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        const error = await jira.issues.links.add({ from: 'DEMO-1', type: 'befriends', to: 'DEMO-2' }).then(
          () => assert.fail('expected an InputError'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof InputError);
        assert.match(error.message, /befriends/);
        assert.match(error.message, /Blocks \(blocks \/ is blocked by\)/);
        assert.equal(sent.filter((r) => r.method === 'POST').length, 0);
      });
    });

    it('a missing link id, a missing issue and a hidden issue are NotFoundErrors', async () => {
      await withSandbox(
        flavor,
        async ({ jira }) => {
          await assert.rejects(jira.issues.links.get('99999'), NotFoundError);
          await assert.rejects(jira.issues.links.remove('99999'), NotFoundError);
          await assert.rejects(
            jira.issues.links.add({ from: 'DEMO-1', type: 'blocks', to: 'DEMO-999' }),
            NotFoundError,
          );
          await assert.rejects(
            jira.issues.links.add({ from: 'SECRET-1', type: 'blocks', to: 'DEMO-1' }),
            NotFoundError,
          );
          await assert.rejects(jira.issues.links.list('SECRET-1'), NotFoundError);
        },
        'bob',
      );
    });

    it('linking from a project the caller may browse but not edit is a PermissionError', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        await assert.rejects(
          jira.issues.links.add({ from: 'SECRET-1', type: 'blocks', to: 'DEMO-1' }),
          PermissionError,
        );
        assert.deepEqual(await jira.issues.links.list('SECRET-1'), []);
      });
    });
  });
}
