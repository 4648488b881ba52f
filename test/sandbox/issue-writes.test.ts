import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { api, arr, assertConforms, call, FLAVORS, login, obj } from './helpers.js';

async function withSandbox(flavor: 'cloud' | 'datacenter', body: (sb: Sandbox) => Promise<void>) {
  const sb = createSandbox({ flavor });
  try {
    await body(sb);
  } finally {
    await sb.close();
  }
}

for (const flavor of FLAVORS) {
  const text = (words: string) =>
    flavor === 'cloud'
      ? {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
        }
      : words;
  const userRef = (name: string, accountId: string) => (flavor === 'cloud' ? { accountId } : { name });

  describe(`sandbox issue writes (${flavor})`, () => {
    it('create, edit, assign and delete replies conform to the OpenAPI document', async () => {
      await withSandbox(flavor, async (sb) => {
        const alice = login(flavor, 'alice');
        const admin = login(flavor, 'admin');
        const root = `${api(flavor)}/issue`;
        const me = obj((await call(sb, `${api(flavor)}/myself`, { headers: alice })).body);
        const created = await call(sb, root, {
          method: 'POST',
          headers: alice,
          body: {
            fields: {
              project: { key: 'DEMO' },
              issuetype: { name: 'Task' },
              summary: 'Created in a test',
              description: text('Some words'),
              labels: ['one'],
              components: [{ name: 'Backend' }],
              fixVersions: [{ id: '10001' }],
              customfield_10030: text('Notes'),
            },
          },
        });
        assert.equal(created.status, 201);
        assertConforms(flavor, 'POST', root, created);
        const key = String(obj(created.body).key);
        assert.match(String(obj(created.body).self), new RegExp(`${root}/\\d+$`));

        const read = obj((await call(sb, `${root}/${key}`, { headers: alice })).body);
        const fields = obj(read.fields);
        assert.equal(fields.summary, 'Created in a test');
        assert.deepEqual(fields.labels, ['one']);
        assert.equal(obj(arr(fields.components)[0]).name, 'Backend');
        assert.equal(obj(arr(fields.fixVersions)[0]).name, '1.1');
        assert.equal(obj(fields.reporter).displayName, me.displayName);
        assert.equal(fields.assignee, null);
        assert.deepEqual(fields.customfield_10030, text('Notes'));

        const edited = await call(sb, `${root}/${key}?notifyUsers=false`, {
          method: 'PUT',
          headers: alice,
          body: {
            fields: { summary: 'Edited' },
            update: {
              labels: [{ add: 'two' }, { remove: 'one' }],
              components: [{ add: { name: 'Docs' } }],
              comment: [{ add: { body: text('A comment') } }],
            },
          },
        });
        assert.equal(edited.status, 204);
        assertConforms(flavor, 'PUT', `${root}/${key}`, edited);
        const after = obj(
          obj((await call(sb, `${root}/${key}?expand=changelog`, { headers: alice })).body).fields,
        );
        assert.deepEqual(after.labels, ['two']);
        assert.deepEqual(
          arr(after.components).map((c) => obj(c).name),
          ['Backend', 'Docs'],
        );
        assert.equal(obj(after.comment).total, 1);

        const assigned = await call(sb, `${root}/${key}/assignee`, {
          method: 'PUT',
          headers: alice,
          body: flavor === 'cloud' ? { accountId: '-1' } : { name: '-1' },
        });
        assert.equal(assigned.status, 204);
        assertConforms(flavor, 'PUT', `${root}/${key}/assignee`, assigned);
        const lead = obj(
          obj(obj((await call(sb, `${root}/${key}`, { headers: alice })).body).fields).assignee,
        );
        assert.equal(
          lead.displayName,
          obj((await call(sb, `${api(flavor)}/myself`, { headers: admin })).body).displayName,
        );

        const refused = await call(sb, `${root}/${key}`, { method: 'DELETE', headers: alice });
        assert.equal(refused.status, 403);
        assertConforms(flavor, 'DELETE', `${root}/${key}`, refused);
        const removed = await call(sb, `${root}/${key}`, { method: 'DELETE', headers: admin });
        assert.equal(removed.status, 204);
        assertConforms(flavor, 'DELETE', `${root}/${key}`, removed);
        assert.equal((await call(sb, `${root}/${key}`, { headers: admin })).status, 404);
      });
    });

    it('answers bad creates with Jira’s field errors and changes nothing', async () => {
      await withSandbox(flavor, async (sb) => {
        const alice = login(flavor, 'alice');
        const root = `${api(flavor)}/issue`;
        const before = obj((await call(sb, `${root}/DEMO-1`, { headers: alice })).body);
        const cases: [Record<string, unknown>, string][] = [
          [{ project: { key: 'DEMO' }, issuetype: { name: 'Task' } }, 'summary'],
          [{ project: { key: 'NOPE' }, issuetype: { name: 'Task' }, summary: 's' }, 'project'],
          [{ project: { key: 'DEMO' }, issuetype: { name: 'Saga' }, summary: 's' }, 'issuetype'],
          [
            { project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary: 's', priority: { name: 'x' } },
            'priority',
          ],
          [
            {
              project: { key: 'DEMO' },
              issuetype: { name: 'Task' },
              summary: 's',
              fixVersions: [{ name: '9' }],
            },
            'fixVersions',
          ],
          [
            {
              project: { key: 'DEMO' },
              issuetype: { name: 'Task' },
              summary: 's',
              components: [{ name: 'x' }],
            },
            'components',
          ],
          [{ project: { key: 'DEMO' }, issuetype: { name: 'Sub-task' }, summary: 's' }, 'parent'],
          [
            {
              project: { key: 'DEMO' },
              issuetype: { name: 'Task' },
              summary: 's',
              parent: { key: 'DEMO-6' },
            },
            'parent',
          ],
          [
            {
              project: { key: 'DEMO' },
              issuetype: { name: 'Task' },
              summary: 's',
              assignee: userRef('nobody', 'nobody'),
            },
            'assignee',
          ],
          [{ project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary: 's', bogus: 1 }, 'bogus'],
        ];
        const number = async (summary: string) => {
          const reply = await call(sb, root, {
            method: 'POST',
            headers: alice,
            body: { fields: { project: { key: 'DEMO' }, issuetype: { id: '10002' }, summary } },
          });
          return Number(String(obj(reply.body).key).split('-')[1]);
        };
        const firstNumber = await number('before refusals');
        for (const [fields, errorField] of cases) {
          const reply = await call(sb, root, { method: 'POST', headers: alice, body: { fields } });
          assert.equal(reply.status, 400, JSON.stringify(fields));
          assertConforms(flavor, 'POST', root, reply);
          assert.ok(
            errorField in obj(obj(reply.body).errors),
            `${errorField}: ${JSON.stringify(reply.body)}`,
          );
        }
        const missing = obj(
          obj(
            (await call(sb, root, { method: 'POST', headers: alice, body: { fields: cases[0]?.[0] } })).body,
          ).errors,
        );
        assert.equal(missing.summary, 'You must specify a summary of the issue.');
        assert.equal(await number('after refusals'), firstNumber + 1, 'refused creates used no key');
        assert.deepEqual((await call(sb, `${root}/DEMO-1`, { headers: alice })).body, before);
      });
    });

    it('refuses edits by callers without edit rights, and bad edits, in documented shapes', async () => {
      await withSandbox(flavor, async (sb) => {
        const alice = login(flavor, 'alice');
        const root = `${api(flavor)}/issue`;
        const secret = await call(sb, `${root}/SECRET-2`, {
          method: 'PUT',
          headers: alice,
          body: { fields: { summary: 'x' } },
        });
        assert.equal(secret.status, 403);
        assertConforms(flavor, 'PUT', `${root}/SECRET-2`, secret);
        const create = await call(sb, root, {
          method: 'POST',
          headers: alice,
          body: { fields: { project: { key: 'SECRET' }, issuetype: { name: 'Task' }, summary: 'x' } },
        });
        // Cloud refuses with 403; Data Center documents only 400, naming the project field.
        assert.equal(create.status, flavor === 'cloud' ? 403 : 400);
        assertConforms(flavor, 'POST', root, create);
        const hidden = await call(sb, `${root}/SECRET-2/assignee`, {
          method: 'PUT',
          headers: login(flavor, 'bob'),
          body: null,
        });
        assert.equal(hidden.status, 404);
        const bad = await call(sb, `${root}/DEMO-1`, {
          method: 'PUT',
          headers: alice,
          body: { update: { labels: [{ add: 'two words' }] }, fields: { duedate: 'soon' } },
        });
        assert.equal(bad.status, 400);
        assertConforms(flavor, 'PUT', `${root}/DEMO-1`, bad);
        assert.deepEqual(Object.keys(obj(obj(bad.body).errors)).sort(), ['duedate', 'labels']);
        const meta = await call(sb, `${api(flavor)}/issue/createmeta/SECRET/issuetypes`, { headers: alice });
        assert.equal(meta.status, 400);
        assertConforms(flavor, 'GET', `${api(flavor)}/issue/createmeta/SECRET/issuetypes`, meta);
      });
    });

    it('refuses to delete an issue with sub-tasks unless deleteSubtasks=true', async () => {
      await withSandbox(flavor, async (sb) => {
        const admin = login(flavor, 'admin');
        const root = `${api(flavor)}/issue`;
        const parent = obj(
          (
            await call(sb, root, {
              method: 'POST',
              headers: admin,
              body: { fields: { project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary: 'p' } },
            })
          ).body,
        );
        const child = await call(sb, root, {
          method: 'POST',
          headers: admin,
          body: {
            fields: {
              project: { key: 'DEMO' },
              issuetype: { name: 'Sub-task' },
              summary: 'c',
              parent: { key: parent.key },
            },
          },
        });
        assert.equal(child.status, 201);
        const refused = await call(sb, `${root}/${parent.key}`, { method: 'DELETE', headers: admin });
        assert.equal(refused.status, 400);
        assertConforms(flavor, 'DELETE', `${root}/${parent.key}`, refused);
        assert.match(String(arr(obj(refused.body).errorMessages)[0]), /has subtasks\. {2}You must specify/);
        const linked = await call(sb, `${api(flavor)}/issueLink`, {
          method: 'POST',
          headers: admin,
          body: {
            type: { name: 'Blocks' },
            inwardIssue: { key: parent.key },
            outwardIssue: { key: 'DEMO-1' },
          },
        });
        assert.equal(linked.status, 201);
        const linksOfDemo1 = async () =>
          arr(
            obj(obj((await call(sb, `${root}/DEMO-1?fields=issuelinks`, { headers: admin })).body).fields)
              .issuelinks,
          );
        const link = (await linksOfDemo1()).map(obj).find((l) => obj(l.inwardIssue ?? {}).key === parent.key);
        assert.ok(link, 'DEMO-1 shows the new link');
        const removed = await call(sb, `${root}/${parent.key}?deleteSubtasks=true`, {
          method: 'DELETE',
          headers: admin,
        });
        assert.equal(removed.status, 204);
        assert.equal((await call(sb, `${root}/${obj(child.body).key}`, { headers: admin })).status, 404);
        const gone = await call(sb, `${api(flavor)}/issueLink/${String(link.id)}`, { headers: admin });
        assert.equal(gone.status, 404, 'the link went with the issue');
      });
    });

    it('serves createmeta pages in the flavor’s shape, and editmeta', async () => {
      await withSandbox(flavor, async (sb) => {
        const alice = login(flavor, 'alice');
        const types = `${api(flavor)}/issue/createmeta/DEMO/issuetypes`;
        const typePage = await call(sb, `${types}?maxResults=2`, { headers: alice });
        assert.equal(typePage.status, 200);
        assertConforms(flavor, 'GET', types, typePage);
        const typeBody = obj(typePage.body);
        assert.equal(arr(typeBody[flavor === 'cloud' ? 'issueTypes' : 'values']).length, 2);
        assert.equal(typeBody.total, 5);

        const fieldsPath = `${types}/10002`;
        const first = await call(sb, `${fieldsPath}?startAt=0&maxResults=4`, { headers: alice });
        assertConforms(flavor, 'GET', fieldsPath, first);
        const page = obj(first.body);
        const items = arr(page[flavor === 'cloud' ? 'fields' : 'values']);
        assert.equal(items.length, 4);
        if (flavor === 'datacenter') assert.equal(page.isLast, false);
        const all = arr(
          obj((await call(sb, `${fieldsPath}?maxResults=100`, { headers: alice })).body)[
            flavor === 'cloud' ? 'fields' : 'values'
          ],
        );
        assert.equal(all.length, page.total);
        assert.ok(all.some((f) => obj(f).fieldId === 'customfield_10032'));

        const edit = await call(sb, `${api(flavor)}/issue/DEMO-1/editmeta`, { headers: alice });
        assert.equal(edit.status, 200);
        assertConforms(flavor, 'GET', `${api(flavor)}/issue/DEMO-1/editmeta`, edit);
        assert.deepEqual(obj(obj(obj(edit.body).fields).comment).operations, ['add']);
        const hidden = await call(sb, `${api(flavor)}/issue/SECRET-1/editmeta`, {
          headers: login(flavor, 'bob'),
        });
        assert.equal(hidden.status, 404);
      });
    });
  });
}
