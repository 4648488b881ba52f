import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Comment,
  ConfigurationError,
  isAdfDoc,
  JiraError,
  markdownToAdf,
  NotFoundError,
  PermissionError,
} from '../../src/index.js';
import { CREDS, type SentRequest, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];
type User = 'admin' | 'alice' | 'bob';

const MARKDOWN = 'Some **bold** words\n\n- first item\n- second item\n\n```js\nconst x = 1;\n```';

function auth(flavor: Flavor, user: User) {
  return flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
}

/** Runs `body` against a fresh sandbox of `flavor` as alice, closing it afterwards. */
async function withSandbox(
  flavor: Flavor,
  body: (ctx: ReturnType<typeof sandboxClient>) => Promise<void>,
): Promise<void> {
  const ctx = sandboxClient(flavor, { auth: auth(flavor, 'alice'), deployment: flavor });
  try {
    await body(ctx);
  } finally {
    await ctx.sb.close();
  }
}

async function collect(items: AsyncIterable<Comment>): Promise<Comment[]> {
  const out: Comment[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function lastWrite(sent: SentRequest[], method: string): unknown {
  const request = sent.filter((r) => r.method === method).at(-1);
  assert.ok(request?.body, `a ${method} was sent with a body`);
  return JSON.parse(request.body).body;
}

for (const flavor of FLAVORS) {
  describe(`issue comments (${flavor})`, () => {
    it('adds Markdown and reads back the same Markdown; the wire carries the flavor’s format', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        const added = await jira.issues.comments.add('DEMO-2', MARKDOWN);
        assert.equal(added.body, MARKDOWN);
        assert.equal(
          added.author?.displayName,
          (await jira.myself()).displayName,
          'the caller is the author',
        );
        const wire = lastWrite(sent, 'POST');
        if (flavor === 'cloud') {
          assert.ok(isAdfDoc(wire), 'Cloud receives ADF');
          assert.ok(isAdfDoc(added.bodyRaw));
        } else {
          assert.equal(typeof wire, 'string', 'Data Center receives wiki markup');
          assert.match(String(wire), /\*bold\*/);
          assert.match(String(wire), /\{code/);
        }
        const fetched = await jira.issues.comments.get('DEMO-2', added.id);
        assert.equal(fetched.body, MARKDOWN);
        const all = await collect(jira.issues.comments.list('DEMO-2'));
        assert.equal(all.at(-1)?.id, added.id);
        assert.equal(all.at(-1)?.body, MARKDOWN);
      });
    });

    it('passes the raw format of the deployment through and refuses the other one', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        if (flavor === 'cloud') {
          const adf = markdownToAdf('raw *adf* text');
          const added = await jira.issues.comments.add('DEMO-3', { adf });
          assert.deepEqual(lastWrite(sent, 'POST'), adf);
          assert.equal(added.body, 'raw *adf* text');
          await assert.rejects(jira.issues.comments.add('DEMO-3', { wiki: 'x' }), ConfigurationError);
        } else {
          const added = await jira.issues.comments.add('DEMO-3', { wiki: 'raw *wiki* text' });
          assert.equal(lastWrite(sent, 'POST'), 'raw *wiki* text');
          assert.equal(added.body, 'raw **wiki** text');
          await assert.rejects(
            jira.issues.comments.add('DEMO-3', { adf: markdownToAdf('x') }),
            ConfigurationError,
          );
        }
      });
    });

    it('lists over several pages, in order, with first/skip', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        const before = (await collect(jira.issues.comments.list('DEMO-4'))).length;
        for (let n = 1; n <= 5; n++) await jira.issues.comments.add('DEMO-4', `note ${n}`);
        const pagesBefore = sent.length;
        const all = await collect(jira.issues.comments.list('DEMO-4', { pageSize: 2 }));
        assert.equal(all.length, before + 5);
        assert.ok(sent.length - pagesBefore >= 3, 'more than one page was requested');
        assert.deepEqual(
          all.slice(-5).map((c) => c.body),
          ['note 1', 'note 2', 'note 3', 'note 4', 'note 5'],
        );
        const some = await collect(jira.issues.comments.list('DEMO-4', { skip: before + 1, first: 2 }));
        assert.deepEqual(
          some.map((c) => c.body),
          ['note 2', 'note 3'],
        );
      });
    });

    it('updates the body and visibility, and moves updated forward', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const added = await jira.issues.comments.add('DEMO-5', 'first text');
        const changed = await jira.issues.comments.update('DEMO-5', added.id, 'second _text_', {
          visibility: { type: 'role', value: 'Developers' },
        });
        assert.equal(changed.id, added.id);
        assert.equal(changed.body, 'second *text*');
        assert.deepEqual(changed.visibility, { type: 'role', value: 'Developers' });
        assert.ok(String(changed.updated) > String(added.updated), 'updated moved forward');
        assert.equal(changed.created, added.created);
      });
    });

    it('removes a comment; a later get is a NotFoundError', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const added = await jira.issues.comments.add('DEMO-6', 'short-lived');
        await jira.issues.comments.remove('DEMO-6', added.id);
        await assert.rejects(jira.issues.comments.get('DEMO-6', added.id), NotFoundError);
        const ids = (await collect(jira.issues.comments.list('DEMO-6'))).map((c) => c.id);
        assert.ok(!ids.includes(added.id));
      });
    });

    it('only the author or an admin may edit or delete', async () => {
      await withSandbox(flavor, async ({ jira, newClient }) => {
        const added = await jira.issues.comments.add('DEMO-7', 'alice wrote this');
        const bob = newClient({ auth: auth(flavor, 'bob'), deployment: flavor });
        await assert.rejects(bob.issues.comments.update('DEMO-7', added.id, 'bob was here'), PermissionError);
        await assert.rejects(bob.issues.comments.remove('DEMO-7', added.id), PermissionError);
        const admin = newClient({ auth: auth(flavor, 'admin'), deployment: flavor });
        const edited = await admin.issues.comments.update('DEMO-7', added.id, 'admin edit');
        assert.equal(edited.body, 'admin edit');
        await admin.issues.comments.remove('DEMO-7', added.id);
      });
    });

    it('an empty body is refused with Jira’s field error', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const error = await jira.issues.comments.add('DEMO-8', '   ').then(
          () => assert.fail('an empty comment was accepted'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof JiraError);
        assert.equal(error.status, 400);
        assert.deepEqual(error.fieldErrors, { comment: 'Comment body can not be empty!' });
      });
    });

    it('a missing issue, a hidden issue and a missing comment are NotFoundErrors', async () => {
      await withSandbox(flavor, async ({ jira, newClient }) => {
        await assert.rejects(jira.issues.comments.add('DEMO-999', 'x'), NotFoundError);
        await assert.rejects(collect(jira.issues.comments.list('DEMO-999')), NotFoundError);
        await assert.rejects(jira.issues.comments.get('DEMO-1', '1'), NotFoundError);
        const bob = newClient({ auth: auth(flavor, 'bob'), deployment: flavor });
        await assert.rejects(bob.issues.comments.add('SECRET-1', 'peek'), NotFoundError);
      });
    });
  });
}
