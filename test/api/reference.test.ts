import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError, InputError, NotFoundError } from '../../src/index.js';
import { CREDS, type SentRequest, sandboxClient } from '../client/helpers/sandbox.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
const calls = (sent: SentRequest[], resource: string) =>
  sent.filter((r) => new URL(r.url).pathname.endsWith(`/${resource}`)).length;

describe('reference data', () => {
  for (const flavor of FLAVORS) {
    const version = flavor === 'cloud' ? '3' : '2';

    it(`${flavor}: reads fields, priorities, statuses, issue types, resolutions and link types`, async () => {
      const { sb, jira, sent } = sandboxClient(flavor);
      try {
        const fields = await jira.fields.list();
        const points = fields.find((f) => f.id === 'customfield_10016');
        assert.equal(points?.name, 'Story Points');
        assert.equal(points?.custom, true);
        assert.equal(points?.key, 'customfield_10016');
        assert.equal(points?.schema?.type, 'number');
        assert.equal(fields.find((f) => f.id === 'summary')?.custom, false);
        assert.ok(sent.some((r) => r.url.endsWith(`/rest/api/${version}/field`)));

        const priorities = await jira.priorities.list();
        assert.deepEqual(
          priorities.map((p) => [p.id, p.name]),
          [
            ['1', 'Highest'],
            ['2', 'High'],
            ['3', 'Medium'],
            ['4', 'Low'],
            ['5', 'Lowest'],
          ],
        );

        const statuses = await jira.statuses.list();
        const inProgress = statuses.find((s) => s.id === '3');
        assert.equal(inProgress?.name, 'In Progress');
        assert.equal(inProgress?.category?.key, 'indeterminate');
        assert.equal(inProgress?.category?.id, 4);

        const types = await jira.issueTypes.list();
        const epic = types.find((t) => t.name === 'Epic');
        assert.equal(epic?.hierarchyLevel, flavor === 'cloud' ? 1 : undefined);
        assert.equal(types.find((t) => t.name === 'Sub-task')?.subtask, true);

        const resolutions = await jira.resolutions.list();
        assert.deepEqual(
          resolutions.map((r) => r.name),
          ['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce'],
        );

        const links = await jira.issueLinkTypes.list();
        assert.deepEqual(
          links.map((l) => l.name),
          ['Blocks', 'Cloners', 'Duplicate', 'Relates'],
        );
        assert.equal(links[0]?.inward, 'is blocked by');
        assert.equal(links[0]?.outward, 'blocks');
        assert.equal(links[0]?.raw.self, `http://jira.test/rest/api/${version}/issueLinkType/10000`);
      } finally {
        await sb.close();
      }
    });

    it(`${flavor}: finds statuses and link types by id or name, any case`, async () => {
      const { sb, jira, sent } = sandboxClient(flavor);
      try {
        assert.equal((await jira.statuses.get('3')).name, 'In Progress');
        assert.equal((await jira.statuses.get('in PROGRESS')).id, '3');
        assert.equal((await jira.statuses.get('done')).id, '10001');
        await assert.rejects(jira.statuses.get('Nope'), (e: unknown) => {
          assert.ok(e instanceof NotFoundError);
          assert.match(e.message, /Nope/);
          return true;
        });
        // A blank name is the caller's mistake, reported as a JiraError like every other input problem.
        await assert.rejects(jira.statuses.get(' '), InputError);

        assert.equal((await jira.issueLinkTypes.get('10003')).name, 'Relates');
        assert.ok(sent.some((r) => r.url.endsWith('/issueLinkType/10003')));
        assert.equal((await jira.issueLinkTypes.get('blocks')).id, '10000');
        await assert.rejects(jira.issueLinkTypes.get('Nope'), NotFoundError);
        await assert.rejects(jira.issueLinkTypes.get('99'), NotFoundError);
      } finally {
        await sb.close();
      }
    });
  }

  it('fetches each cached list once per identity until cleared', async () => {
    const { sb, jira, sent } = sandboxClient('datacenter', { auth: CREDS.dcBasic('alice') });
    try {
      await Promise.all([jira.fields.list(), jira.fields.list()]);
      for (let i = 0; i < 3; i++) {
        await jira.fields.list();
        await jira.issueTypes.list();
        await jira.priorities.list();
        await jira.statuses.list();
        await jira.statuses.get('Done');
      }
      assert.equal(calls(sent, 'field'), 1);
      assert.equal(calls(sent, 'issuetype'), 1);
      assert.equal(calls(sent, 'priority'), 1);
      assert.equal(calls(sent, 'status'), 1);

      await jira.fields.list({ auth: CREDS.dcPat('bob') });
      assert.equal(calls(sent, 'field'), 2, 'another identity gets its own entry');
      await jira.fields.list({ fresh: true });
      assert.equal(calls(sent, 'field'), 3);

      // Resolutions and link types are not cached.
      await jira.resolutions.list();
      await jira.resolutions.list();
      assert.equal(calls(sent, 'resolution'), 2);
    } finally {
      await sb.close();
    }
  });

  it('clearCache(type) forgets one kind only; clearCache() forgets all', async () => {
    const { sb, jira, sent } = sandboxClient('cloud');
    try {
      const warm = async () => {
        await jira.fields.list();
        await jira.issueTypes.list();
        await jira.priorities.list();
        await jira.statuses.list();
        await jira.serverInfo();
      };
      await warm();
      jira.clearCache('fields');
      await warm();
      assert.equal(calls(sent, 'field'), 2);
      assert.equal(calls(sent, 'issuetype'), 1);
      assert.equal(calls(sent, 'serverInfo'), 1);
      jira.clearCache('issuetypes');
      jira.clearCache('priorities');
      jira.clearCache('statuses');
      await warm();
      assert.equal(calls(sent, 'issuetype'), 2);
      assert.equal(calls(sent, 'priority'), 2);
      assert.equal(calls(sent, 'status'), 2);
      assert.equal(calls(sent, 'field'), 2);
      jira.clearCache('serverinfo');
      await jira.serverInfo();
      assert.equal(calls(sent, 'serverInfo'), 2);
      jira.clearCache();
      await warm();
      assert.equal(calls(sent, 'field'), 3);
      assert.equal(calls(sent, 'serverInfo'), 3);
      assert.throws(() => jira.clearCache('Fields' as 'fields'), ConfigurationError);
    } finally {
      await sb.close();
    }
  });
});
