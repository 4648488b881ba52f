import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, type Issue, JiraError, NotFoundError, PermissionError } from '../../src/index.js';
import { CREDS, type SentRequest, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];
type User = 'admin' | 'alice' | 'bob';

const DESCRIPTION = 'Steps:\n\n1. open the **login** page\n2. press `Enter`';

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

function writes(sent: SentRequest[]): SentRequest[] {
  return sent.filter((r) => r.method !== 'GET');
}

function bodyOf(request: SentRequest | undefined): Record<string, unknown> {
  assert.ok(request?.body, 'the request had a body');
  return JSON.parse(request.body) as Record<string, unknown>;
}

async function changelogFields(
  jira: ReturnType<typeof sandboxClient>['jira'],
  key: string,
): Promise<string[]> {
  const issue = await jira.issues.get(key, { expand: ['changelog'] });
  const changelog = issue.raw.changelog as { histories: { items: { field: string }[] }[] };
  return changelog.histories.flatMap((h) => h.items.map((i) => i.field));
}

for (const flavor of FLAVORS) {
  describe(`issue writes (${flavor})`, () => {
    it('creates an issue with every option and reads it back', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        // The project by id, the issue type by id: both as Jira names them too.
        const parent = await jira.issues.create({ project: '10000', issueType: '10002', summary: 'Parent' });
        assert.equal(parent.issueType, 'Task');
        assert.match(parent.key, /^DEMO-/);
        const issue: Issue = await jira.issues.create({
          project: 'DEMO',
          issueType: 'sub-task',
          summary: 'Login button does nothing',
          description: DESCRIPTION,
          reporter: 'bob@example.com',
          assignee: 'alice@example.com',
          labels: ['ui', 'login'],
          parent: parent.key,
          priority: 'High',
          dueDate: '2026-12-24',
          components: ['Frontend', '10002'],
          fixVersions: ['1.1'],
          fields: { customfield_10016: 5, 'Release notes': 'Fixed the **button**', 10031: 'Blue team' },
        });
        assert.match(issue.key, /^DEMO-\d+$/);
        assert.equal(issue.summary, 'Login button does nothing');
        assert.equal(issue.description, DESCRIPTION);
        assert.equal(issue.issueType, 'Sub-task');
        assert.equal(issue.priority, 'High');
        assert.deepEqual(issue.labels, ['ui', 'login']);
        assert.equal(issue.reporter?.displayName, (await jira.users.find('bob@example.com')).displayName);
        assert.equal(issue.assignee?.displayName, (await jira.users.find('alice@example.com')).displayName);
        assert.equal(issue.fields.duedate, '2026-12-24');
        const names = (value: unknown) => (value as { name: string }[]).map((v) => v.name);
        assert.deepEqual(names(issue.fields.components), ['Frontend', 'Docs']);
        assert.deepEqual(names(issue.fields.fixVersions), ['1.1']);
        assert.equal(issue.fields.customfield_10016, 5);
        assert.equal(issue.fields.customfield_10031, 'Blue team');
        assert.equal((issue.fields.parent as { key: string }).key, parent.key);
        const post = bodyOf(
          writes(sent)
            .filter((r) => r.method === 'POST')
            .at(-1),
        );
        const fields = post.fields as Record<string, unknown>;
        assert.deepEqual(fields.project, { key: 'DEMO' });
        assert.deepEqual(fields.issuetype, { id: '10003' });
        assert.deepEqual(fields.components, [{ name: 'Frontend' }, { id: '10002' }]);
        // Rich text goes out in the flavor's own format: ADF on Cloud, wiki markup on Data Center.
        if (flavor === 'cloud') {
          assert.equal((fields.description as { type: string }).type, 'doc');
          assert.equal((fields.customfield_10030 as { type: string }).type, 'doc');
          assert.ok('accountId' in (fields.assignee as object));
        } else {
          assert.equal(typeof fields.description, 'string');
          assert.deepEqual(fields.assignee, { name: 'alice' });
        }
      });
    });

    it('leaves a new issue unassigned with assignee null; a refused create spends no key', async () => {
      await withSandbox(flavor, async ({ jira }) => {
        const first = await jira.issues.create({
          project: 'DEMO',
          issueType: 'Bug',
          summary: 'one',
          assignee: null,
        });
        assert.equal(first.assignee, null);
        await assert.rejects(
          jira.issues.create({ project: 'DEMO', issueType: 'Bug', summary: 'two', priority: 'Urgent' }),
          (e: unknown) => e instanceof Error && e.name === 'JiraError',
        );
        const second = await jira.issues.create({ project: 'DEMO', issueType: 'Bug', summary: 'three' });
        const n = (key: string) => Number(key.split('-')[1]);
        assert.equal(n(second.key), n(first.key) + 1);
      });
    });

    it('refuses ambiguous and unknown field names before sending anything', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await assert.rejects(
          jira.issues.create({ project: 'DEMO', issueType: 'Task', summary: 's', fields: { Team: 'x' } }),
          (e: unknown) =>
            e instanceof InputError &&
            /customfield_10031/.test(e.message) &&
            /customfield_10032/.test(e.message),
        );
        await assert.rejects(
          jira.issues.create({ project: 'DEMO', issueType: 'Task', summary: 's', fields: { Nope: 1 } }),
          InputError,
        );
        await assert.rejects(jira.issues.update('DEMO-1', { fields: { 'No such field': 1 } }), InputError);
        await assert.rejects(jira.issues.update('DEMO-1', {}), InputError);
        await assert.rejects(
          jira.issues.create({ project: 'No such project', issueType: 'Task', summary: 's' }),
          InputError,
        );
        await assert.rejects(
          jira.issues.create({ project: 'DEMO', issueType: 'Saga', summary: 's' }),
          (e: unknown) => e instanceof InputError && /Sub-task/.test(e.message),
        );
        assert.deepEqual(writes(sent), [], 'no write was sent');
      });
    });

    it('updates summary, description, labels and a comment; changes land in the changelog', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await jira.issues.update(
          'DEMO-2',
          {
            summary: 'Renamed',
            description: DESCRIPTION,
            labels: ['a', 'b'],
            addComment: 'Done *now*',
            fields: { 'Story Points': 8 },
          },
          { notify: false },
        );
        const put = writes(sent).at(-1);
        assert.match(put?.url ?? '', /notifyUsers=false/);
        const update = bodyOf(put).update as Record<string, unknown>;
        assert.deepEqual(update.summary, [{ set: 'Renamed' }]);
        assert.deepEqual(update.labels, [{ set: ['a', 'b'] }]);
        assert.deepEqual(update.customfield_10016, [{ set: 8 }]);
        const issue = await jira.issues.get('DEMO-2');
        assert.equal(issue.summary, 'Renamed');
        assert.equal(issue.description, DESCRIPTION);
        assert.deepEqual(issue.labels, ['a', 'b']);
        assert.equal(issue.fields.customfield_10016, 8);
        const comments = [];
        for await (const c of jira.issues.comments.list('DEMO-2')) comments.push(c.body);
        assert.equal(comments.at(-1), 'Done *now*');
        const changed = await changelogFields(jira, 'DEMO-2');
        for (const field of ['summary', 'description', 'labels', 'Story Points'])
          assert.ok(changed.includes(field), field);
      });
    });

    it('assigns to a user, to nobody and to the project default (the lead)', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await jira.issues.assign('DEMO-3', 'bob@example.com');
        const bob = await jira.users.find('bob@example.com');
        assert.equal((await jira.issues.get('DEMO-3')).assignee?.displayName, bob.displayName);
        await jira.issues.assign('DEMO-3', null);
        assert.equal((await jira.issues.get('DEMO-3')).assignee, null);
        await jira.issues.update('DEMO-3', { assignee: 'default' });
        const body = bodyOf(writes(sent).at(-1));
        assert.deepEqual(body, flavor === 'cloud' ? { accountId: '-1' } : { name: '-1' });
        const lead = await jira.users.find('admin@example.com');
        assert.equal((await jira.issues.get('DEMO-3')).assignee?.displayName, lead.displayName);
        assert.ok((await changelogFields(jira, 'DEMO-3')).includes('assignee'));
      });
    });

    it('changes labels with add/remove/set operations, never by reading first', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        await jira.issues.labels.set('DEMO-4', ['x', 'y']);
        await jira.issues.labels.add('DEMO-4', ['z']);
        await jira.issues.labels.remove('DEMO-4', ['x']);
        assert.deepEqual((await jira.issues.get('DEMO-4')).labels, ['y', 'z']);
        await jira.issues.labels.clear('DEMO-4');
        assert.deepEqual((await jira.issues.get('DEMO-4')).labels, []);
        const ops = writes(sent).map((r) => (bodyOf(r).update as { labels: unknown }).labels);
        assert.deepEqual(ops, [[{ set: ['x', 'y'] }], [{ add: 'z' }], [{ remove: 'x' }], [{ set: [] }]]);
        assert.equal(
          sent.filter((r) => r.method === 'GET' && /DEMO-4/.test(r.url)).length,
          2,
          'only the checks read',
        );
        await assert.rejects(jira.issues.labels.add('DEMO-4', ['has space']), InputError);
      });
    });

    it('removes an issue; one with sub-tasks only with includeSubtasks', async () => {
      await withSandbox(
        flavor,
        async ({ jira, sent }) => {
          const parent = await jira.issues.create({ project: 'DEMO', issueType: 'Task', summary: 'P' });
          const child = await jira.issues.create({
            project: 'DEMO',
            issueType: 'Sub-task',
            summary: 'C',
            parent: parent.key,
          });
          await assert.rejects(jira.issues.remove(parent.key), /has subtasks/);
          await jira.issues.remove(parent.key, { includeSubtasks: true });
          assert.match(writes(sent).at(-1)?.url ?? '', /deleteSubtasks=true/);
          await assert.rejects(jira.issues.get(parent.key), NotFoundError);
          await assert.rejects(jira.issues.get(child.key), NotFoundError);
          const plain = await jira.issues.create({ project: 'DEMO', issueType: 'Task', summary: 'Q' });
          await jira.issues.remove(plain.key);
          await assert.rejects(jira.issues.get(plain.key), NotFoundError);
        },
        'admin',
      );
    });

    it('enforces permissions: bob cannot delete, alice cannot edit SECRET', async () => {
      await withSandbox(
        flavor,
        async ({ jira, newClient }) => {
          await assert.rejects(jira.issues.remove('DEMO-5'), PermissionError);
          const alice = newClient({ auth: auth(flavor, 'alice') });
          await assert.rejects(alice.issues.update('SECRET-2', { summary: 'x' }), PermissionError);
          // The create screen already refuses (400 on both flavors), so nothing is posted.
          await assert.rejects(
            alice.issues.create({ project: 'SECRET', issueType: 'Task', summary: 'x' }),
            (e: unknown) => e instanceof JiraError && /permission to create issues/.test(e.message),
          );
          assert.equal((await alice.issues.get('SECRET-2')).summary, 'Salary bands review');
        },
        'bob',
      );
    });

    it('reads create metadata over several pages, and edit metadata', async () => {
      await withSandbox(flavor, async ({ jira, sent }) => {
        const types = await jira.issues.createMetaIssueTypes('DEMO', { pageSize: 2 });
        assert.ok(types.some((t) => t.name === 'Sub-task' && t.subtask));
        const fields = [];
        for await (const f of jira.issues.createMeta('DEMO', 'Task', { pageSize: 3 })) fields.push(f);
        assert.ok(fields.length > 6);
        const summary = fields.find((f) => f.id === 'summary');
        assert.equal(summary?.required, true);
        assert.ok(fields.some((f) => f.id === 'customfield_10030' && f.name === 'Release notes'));
        const pages = sent.filter((r) => /createmeta\/DEMO\/issuetypes\/10002/.test(r.url));
        assert.equal(pages.length, Math.ceil(fields.length / 3));
        const edit = await jira.issues.editMeta('DEMO-1');
        assert.deepEqual(edit.find((f) => f.id === 'labels')?.operations, ['add', 'set', 'remove']);
      });
    });
  });
}

describe('create metadata containers', () => {
  it('reads Cloud’s `fields` pages even when the client takes the server for Data Center', async () => {
    const ctx = sandboxClient('cloud', { auth: CREDS.cloudToken('alice'), deployment: 'datacenter' });
    try {
      const fields = [];
      for await (const f of ctx.jira.issues.createMeta('DEMO', '10002', { pageSize: 4 })) fields.push(f.id);
      assert.ok(fields.includes('summary') && fields.includes('customfield_10032'));
      assert.equal(new Set(fields).size, fields.length, 'no page read twice');
      const page = ctx.sent.find((r) =>
        /\/rest\/api\/2\/issue\/createmeta\/DEMO\/issuetypes\/10002/.test(r.url),
      );
      assert.ok(page, 'the v2 path was used');
    } finally {
      await ctx.sb.close();
    }
  });
});
