import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { validateSchema } from '../support/openapi.js';
import { api, arr, assertConforms, call, FLAVORS, keys, login, obj } from './helpers.js';

/** Fields every issue carries on both flavors (null or empty when unset), as Jira sends them. */
const COMMON_FIELDS = [
  'aggregateprogress',
  'aggregatetimeestimate',
  'aggregatetimeoriginalestimate',
  'aggregatetimespent',
  'assignee',
  'attachment',
  'comment',
  'components',
  'created',
  'creator',
  'customfield_10016',
  'customfield_10030',
  'customfield_10031',
  'customfield_10032',
  'description',
  'duedate',
  'environment',
  'fixVersions',
  'issuelinks',
  'issuetype',
  'labels',
  'lastViewed',
  'priority',
  'progress',
  'project',
  'reporter',
  'resolution',
  'resolutiondate',
  'security',
  'status',
  'subtasks',
  'summary',
  'timeestimate',
  'timeoriginalestimate',
  'timespent',
  'timetracking',
  'updated',
  'versions',
  'votes',
  'watches',
  'worklog',
  'workratio',
];

/** Embedded values checked against each spec's component schemas. */
const EMBEDDED_SCHEMAS = {
  cloud: {
    status: 'StatusDetails',
    issuetype: 'IssueTypeDetails',
    priority: 'Priority',
    project: 'ProjectDetails',
    reporter: 'UserDetails',
    votes: 'Votes',
    watches: 'Watchers',
    comment: 'PageOfComments',
  },
  datacenter: {
    status: 'StatusJsonBean',
    issuetype: 'IssueTypeJsonBean',
    priority: 'PriorityJsonBean',
    project: 'ProjectJsonBean',
    reporter: 'UserJsonBean',
    comment: 'CommentsWithPaginationJsonBean',
  },
} as const;

describe('GET issue', () => {
  const sandboxes = new Map(FLAVORS.map((flavor) => [flavor, createSandbox({ flavor })]));
  const sandbox = (flavor: (typeof FLAVORS)[number]) => {
    const sb = sandboxes.get(flavor);
    assert.ok(sb);
    return sb;
  };
  after(async () => {
    for (const sb of sandboxes.values()) await sb.close();
  });

  for (const flavor of FLAVORS) {
    it(`${flavor}: sends the envelope with every field, null when empty`, async () => {
      const path = `${api(flavor)}/issue/DEMO-10`;
      const reply = await call(sandbox(flavor), path, { headers: login(flavor, 'alice') });
      assert.equal(reply.status, 200);
      assertConforms(flavor, 'GET', path, reply);
      const issue = obj(reply.body);
      assert.deepEqual(keys(issue), ['expand', 'fields', 'id', 'key', 'self']);
      assert.equal(issue.id, '10009');
      assert.equal(issue.key, 'DEMO-10');
      assert.equal(issue.self, `http://jira.test${api(flavor)}/issue/10009`);
      assert.equal(
        issue.expand,
        'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      );
      const fields = obj(issue.fields);
      const expected = [
        ...COMMON_FIELDS,
        'parent',
        ...(flavor === 'cloud' ? ['statuscategorychangedate'] : []),
      ];
      assert.deepEqual(keys(fields), expected.sort());
      assert.equal(fields.assignee, null);
      assert.equal(fields.resolution, null);
      assert.equal(fields.description, null);
      assert.deepEqual(fields.labels, ['reporting']);
      assert.equal(obj(fields.parent).key, 'DEMO-2');
      assert.equal(fields.customfield_10016, 3);
      assert.match(String(fields.created), /^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
      for (const [name, schemaName] of Object.entries(EMBEDDED_SCHEMAS[flavor])) {
        const result = validateSchema(flavor, schemaName, fields[name]);
        assert.ok(result.ok, `${flavor} fields.${name} as ${schemaName}: ${result.errors}`);
      }
    });

    it(`${flavor}: finds issues by numeric id and by key in any case`, async () => {
      for (const ref of ['10000', 'demo-1', 'DEMO-1']) {
        const reply = await call(sandbox(flavor), `${api(flavor)}/issue/${ref}?fields=summary`, {
          headers: login(flavor, 'bob'),
        });
        assert.equal(reply.status, 200);
        assert.equal(obj(reply.body).key, 'DEMO-1');
        assert.deepEqual(obj(reply.body).fields, { summary: 'Checkout flow overhaul' });
      }
    });

    it(`${flavor}: hides issues the caller may not browse exactly like missing ones`, async () => {
      const hidden = await call(sandbox(flavor), `${api(flavor)}/issue/SECRET-1`, {
        headers: login(flavor, 'bob'),
      });
      const missing = await call(sandbox(flavor), `${api(flavor)}/issue/DEMO-999`, {
        headers: login(flavor, 'bob'),
      });
      assert.equal(hidden.status, 404);
      assert.deepEqual(hidden.body, missing.body);
      assertConforms(flavor, 'GET', `${api(flavor)}/issue/SECRET-1`, hidden);
      const text =
        flavor === 'cloud'
          ? 'Issue does not exist or you do not have permission to see it.'
          : 'Issue Does Not Exist';
      assert.deepEqual(missing.body, { errorMessages: [text], errors: {} });
      for (const user of ['alice', 'admin'] as const) {
        const allowed = await call(sandbox(flavor), `${api(flavor)}/issue/SECRET-1`, {
          headers: login(flavor, user),
        });
        assert.equal(allowed.status, 200, user);
      }
    });

    it(`${flavor}: honours fields lists, *navigable and exclusions`, async () => {
      const get = async (query: string) =>
        obj(
          obj(
            (
              await call(sandbox(flavor), `${api(flavor)}/issue/DEMO-3?${query}`, {
                headers: login(flavor, 'admin'),
              })
            ).body,
          ).fields,
        );
      assert.deepEqual(keys(await get('fields=summary,status&fields=labels')), [
        'labels',
        'status',
        'summary',
      ]);
      const navigable = keys(await get('fields=*navigable'));
      for (const hidden of ['comment', 'worklog', 'attachment', 'timetracking'])
        assert.ok(!navigable.includes(hidden));
      assert.ok(navigable.includes('summary'));
      const trimmed = keys(await get('fields=*all,-comment,-description'));
      assert.ok(!trimmed.includes('comment') && !trimmed.includes('description'));
      assert.ok(trimmed.includes('worklog'));
      assert.ok(!keys(await get('fields=-summary')).includes('summary'));
      assert.deepEqual(keys(await get('fields=nosuchfield,summary')), ['summary']);
    });

    it(`${flavor}: expands names, schema and transitions`, async () => {
      const path = `${api(flavor)}/issue/DEMO-3?fields=summary,assignee,customfield_10016&expand=names,schema,transitions`;
      const reply = await call(sandbox(flavor), path, { headers: login(flavor, 'admin') });
      assertConforms(flavor, 'GET', path, reply);
      const issue = obj(reply.body);
      assert.deepEqual(issue.names, {
        summary: 'Summary',
        assignee: 'Assignee',
        customfield_10016: 'Story Points',
      });
      assert.deepEqual(obj(issue.schema).summary, { type: 'string', system: 'summary' });
      assert.equal(obj(obj(issue.schema).customfield_10016).customId, 10016);
      const transitions = arr(issue.transitions).map((t) => obj(t));
      assert.deepEqual(
        transitions.map((t) => t.id),
        ['11', '21', '31'],
      );
      assert.equal('isGlobal' in (transitions[0] ?? {}), flavor === 'cloud');
    });
  }

  it('orders the changelog oldest first on Data Center and newest first on Cloud', async () => {
    const histories = async (flavor: (typeof FLAVORS)[number]) => {
      const path = `${api(flavor)}/issue/DEMO-6?fields=status&expand=changelog`;
      const reply = await call(sandbox(flavor), path, { headers: login(flavor, 'admin') });
      assertConforms(flavor, 'GET', path, reply);
      const changelog = obj(obj(reply.body).changelog);
      assert.equal(changelog.total, 2);
      return arr(changelog.histories).map((h) => obj(arr(obj(h).items)[0]));
    };
    const dc = await histories('datacenter');
    assert.deepEqual(
      dc.map((i) => i.toString),
      ['In Progress', 'Done'],
    );
    assert.equal('fieldId' in (dc[0] ?? {}), false);
    const cloud = await histories('cloud');
    assert.deepEqual(
      cloud.map((i) => i.toString),
      ['Done', 'In Progress'],
    );
    assert.equal(cloud[0]?.fieldId, 'status');
  });

  it('embeds every comment on Data Center and the newest 20 on Cloud', async () => {
    const dc = obj(
      obj(
        (
          await call(sandbox('datacenter'), '/rest/api/2/issue/DEMO-1?fields=comment', {
            headers: login('datacenter', 'bob'),
          })
        ).body,
      ).fields,
    ).comment;
    assert.deepEqual(
      { ...obj(dc), comments: undefined },
      { comments: undefined, maxResults: 25, total: 25, startAt: 0 },
    );
    assert.equal(arr(obj(dc).comments).length, 25);
    const cloud = obj(
      obj(
        (
          await call(sandbox('cloud'), '/rest/api/3/issue/DEMO-1?fields=comment', {
            headers: login('cloud', 'bob'),
          })
        ).body,
      ).fields,
    ).comment;
    const page = obj(cloud);
    assert.equal(page.total, 25);
    assert.equal(page.startAt, 5);
    assert.equal(page.maxResults, 20);
    assert.equal(page.self, 'http://jira.test/rest/api/3/issue/10000/comment');
    const comments = arr(page.comments).map((c) => obj(c));
    assert.equal(comments.length, 20);
    // The 20 newest, still oldest first, with self built from the issue id.
    assert.deepEqual(comments[0]?.id, obj(arr(obj(dc).comments)[5]).id);
    assert.match(
      String(comments[0]?.self),
      /^http:\/\/jira\.test\/rest\/api\/3\/issue\/10000\/comment\/\d+$/,
    );
    assert.equal(comments[0]?.jsdPublic, true);
  });

  it('sends rich text as ADF on Cloud v3 and as wiki text on v2 and Data Center', async () => {
    const description = async (flavor: (typeof FLAVORS)[number], version: string) =>
      obj(
        obj(
          (
            await call(sandbox(flavor), `/rest/api/${version}/issue/DEMO-9?fields=description,comment`, {
              headers: login(flavor, 'admin'),
            })
          ).body,
        ).fields,
      );
    const v3 = await description('cloud', '3');
    assert.equal(obj(v3.description).type, 'doc');
    assert.equal(obj(v3.description).version, 1);
    assert.equal(obj(obj(arr(obj(v3.comment).comments)[0]).body).type, 'doc');
    const text = 'Safari 17 shows a white page after the redirect from the identity provider.';
    assert.equal((await description('cloud', '2')).description, text);
    const dc = await description('datacenter', '2');
    assert.equal(dc.description, text);
    assert.equal(typeof obj(arr(obj(dc.comment).comments)[0]).body, 'string');
  });

  it('lists sub-tasks under their parent and omits parent when there is none', async () => {
    for (const flavor of FLAVORS) {
      const fields = obj(
        obj(
          (await call(sandbox(flavor), `${api(flavor)}/issue/DEMO-3`, { headers: login(flavor, 'admin') }))
            .body,
        ).fields,
      );
      assert.deepEqual(
        arr(fields.subtasks).map((s) => obj(s).key),
        ['DEMO-7', 'DEMO-8'],
      );
      const top = obj(
        obj(
          (await call(sandbox(flavor), `${api(flavor)}/issue/DEMO-30`, { headers: login(flavor, 'admin') }))
            .body,
        ).fields,
      );
      assert.equal('parent' in top, false);
      assert.deepEqual(top.subtasks, []);
    }
  });
});
