/**
 * Random requests to the sandbox (no faults configured): methods, paths under /rest/api/2 and /3 built from its
 * real routes with hostile segments, query strings, and JSON bodies both random and shaped like Jira's. Whatever
 * comes in, the answer is never a 500: bad input is the client's error (4xx), as on Jira.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { hostileValue } from './helpers/hostile-values.js';

const SEED = Number(process.env.JIRATS_FUZZ_SEED ?? 7_033);
const RUNS = Number(process.env.JIRATS_FUZZ_RUNS ?? 2_000);
const ORIGIN = 'http://sandbox.localhost';

const sandboxes: Record<'cloud' | 'datacenter', Sandbox> = {
  cloud: createSandbox({ flavor: 'cloud' }),
  datacenter: createSandbox({ flavor: 'datacenter' }),
};
const AUTH = {
  cloud: `Basic ${Buffer.from('admin@example.com:admin-api-token').toString('base64')}`,
  datacenter: 'Bearer admin-pat',
};

after(async () => {
  await sandboxes.cloud.close();
  await sandboxes.datacenter.close();
});

/** Route shapes of the sandbox and the methods they serve; `{k}` an issue key, `{n}` an id, `{s}` a name. */
const ROUTES: [string, string][] = [
  ['POST', 'issue'],
  ['POST', 'issue/bulk'],
  ['GET PUT DELETE', 'issue/{k}'],
  ['GET POST', 'issue/{k}/comment'],
  ['GET PUT DELETE', 'issue/{k}/comment/{n}'],
  ['GET POST', 'issue/{k}/transitions'],
  ['GET POST', 'issue/{k}/worklog'],
  ['GET PUT DELETE', 'issue/{k}/worklog/{n}'],
  ['GET POST DELETE', 'issue/{k}/remotelink'],
  ['GET PUT DELETE', 'issue/{k}/remotelink/{n}'],
  ['GET', 'issue/{k}/properties'],
  ['GET PUT DELETE', 'issue/{k}/properties/{s}'],
  ['GET POST DELETE', 'issue/{k}/watchers'],
  ['GET', 'issue/{k}/changelog'],
  ['POST', 'issue/{k}/attachments'],
  ['PUT', 'issue/{k}/assignee'],
  ['GET', 'issue/{k}/editmeta'],
  ['GET', 'issue/createmeta'],
  ['GET', 'issue/createmeta/{s}/issuetypes'],
  ['GET', 'issue/createmeta/{s}/issuetypes/{n}'],
  ['GET', 'issue/picker'],
  ['POST', 'issueLink'],
  ['GET DELETE', 'issueLink/{n}'],
  ['GET', 'issueLinkType'],
  ['GET', 'issueLinkType/{n}'],
  ['GET POST', 'search'],
  ['GET POST', 'search/jql'],
  ['POST', 'jql/parse'],
  ['GET', 'project'],
  ['GET', 'project/search'],
  ['GET', 'project/{s}'],
  ['GET', 'project/{s}/versions'],
  ['GET', 'project/{s}/version'],
  ['GET', 'project/{s}/components'],
  ['GET', 'project/{s}/statuses'],
  ['POST', 'version'],
  ['GET PUT DELETE', 'version/{n}'],
  ['POST', 'version/{n}/move'],
  ['POST', 'component'],
  ['GET PUT DELETE', 'component/{n}'],
  ['POST', 'filter'],
  ['GET', 'filter/search'],
  ['GET', 'filter/favourite'],
  ['GET PUT DELETE', 'filter/{n}'],
  ['GET POST', 'filter/{n}/permission'],
  ['GET DELETE', 'filter/{n}/permission/{n}'],
  ['GET POST PUT DELETE', 'user'],
  ['GET', 'user/search'],
  ['GET', 'user/assignable/search'],
  ['GET', 'user/groups'],
  ['GET POST DELETE', 'group'],
  ['GET', 'group/member'],
  ['POST DELETE', 'group/user'],
  ['GET', 'groups/picker'],
  ['GET', 'field'],
  ['GET', 'priority'],
  ['GET', 'priority/{n}'],
  ['GET', 'status'],
  ['GET', 'status/{s}'],
  ['GET', 'issuetype'],
  ['GET', 'issuetype/{n}'],
  ['GET', 'resolution'],
  ['GET', 'serverInfo'],
  ['GET', 'myself'],
  ['GET DELETE', 'attachment/{n}'],
  ['GET', 'attachment/content/{n}'],
  ['GET', 'mypermissions'],
];

/** Real values most of the time, so requests reach the handlers; hostile ones the rest. */
function mostlyReal(...real: string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: hostileValue });
}
const key = mostlyReal('DEMO-1', 'DEMO-2', 'DEMO-3', 'SECRET-1', '10000');
const id = mostlyReal('10000', '10001', '10002', '1', '0', '-1');
const name = mostlyReal('DEMO', 'Bug', 'admin', 'jirats.bulk', 'Done', 'jira-software-users');

/** A path segment value, URL-encoded as a client would (or not: some clients send raw characters). */
function segment(arb: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(arb, fc.boolean())
    .map(([v, encode]) => (encode ? encodeURIComponent(v) : v.replace(/[/?#]/g, '')));
}

const ANY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/** A method and path: mostly a method the route serves, now and then any. */
const target = fc
  .tuple(
    fc.constantFrom('2', '3'),
    fc.constantFrom(...ROUTES),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...ANY_METHOD) },
    ),
    fc.nat(),
    segment(key),
    segment(id),
    segment(name),
  )
  .map(([version, [methods, route], other, pick, k, n, s]) => {
    const served = methods.split(' ');
    const path = `/rest/api/${version}/${route}`
      .replaceAll('{k}', k)
      .replaceAll('{n}', n)
      .replaceAll('{s}', s);
    return { method: other ?? (served[pick % served.length] as string), path };
  });

const queryName = fc.constantFrom(
  'jql',
  'startAt',
  'maxResults',
  'fields',
  'expand',
  'nextPageToken',
  'query',
  'username',
  'accountId',
  'groupname',
  'key',
  'properties',
  'orderBy',
  'notifyUsers',
  'deleteSubtasks',
  'projectKeys',
);
const query = fc
  .array(fc.tuple(queryName, fc.oneof(hostileValue, fc.constantFrom('project = DEMO', '5', '-5', '*all'))), {
    maxLength: 4,
  })
  .map((pairs) => new URLSearchParams(pairs).toString());

/** A JSON value nested a few levels. */
const json = fc.jsonValue({ maxDepth: 3 });

/** Bodies shaped like what Jira's endpoints read, with random values in the slots. */
const shaped = fc.oneof(
  fc.record({
    fields: fc.record(
      {
        project: fc.oneof(fc.record({ key: name }), json),
        issuetype: fc.oneof(fc.record({ name }), fc.record({ id }), json),
        summary: fc.oneof(hostileValue, json),
        description: json,
        labels: fc.oneof(fc.array(hostileValue, { maxLength: 3 }), json),
        parent: fc.oneof(fc.record({ key }), json),
        assignee: json,
        priority: json,
      },
      { requiredKeys: [] },
    ),
    update: fc.option(json),
    properties: fc.option(fc.oneof(fc.array(fc.record({ key: name, value: json }), { maxLength: 2 }), json)),
  }),
  fc.record({ body: json, visibility: fc.option(json) }),
  fc.record({ transition: fc.oneof(fc.record({ id }), json), fields: fc.option(json) }),
  fc.record({ jql: fc.oneof(hostileValue, json), maxResults: json, startAt: json, fields: json }),
  fc.record({ issueUpdates: fc.array(json, { maxLength: 3 }) }),
  fc.record({ name: json, project: json, projectId: json, description: json, released: json }),
  fc.record({ type: json, inwardIssue: json, outwardIssue: json }),
  fc.record({ object: json, globalId: json }),
  fc.record({ timeSpent: json, timeSpentSeconds: json, started: json, comment: json }),
);

const body = fc.option(
  fc.oneof(
    { weight: 3, arbitrary: shaped.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: json.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: hostileValue },
  ),
  { freq: 4 },
);

const request = fc.record({
  flavor: fc.constantFrom('cloud' as const, 'datacenter' as const),
  target,
  query,
  body,
  contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'multipart/form-data'),
});

describe('fuzzed sandbox requests', () => {
  it(`${RUNS} random requests never get a 500`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ target: { method, path }, ...r }) => {
        const url = `${ORIGIN}${path}${r.query ? `?${r.query}` : ''}`;
        const withBody = r.body !== null && method !== 'GET' && method !== 'HEAD';
        let status: number;
        try {
          const response = await sandboxes[r.flavor].fetch(url, {
            method,
            headers: {
              Authorization: AUTH[r.flavor],
              ...(withBody ? { 'Content-Type': r.contentType } : {}),
              'X-Atlassian-Token': 'no-check',
            },
            body: withBody ? r.body : undefined,
          });
          await response.arrayBuffer();
          status = response.status;
        } catch (err) {
          // A URL no client could send (fetch refuses to build it) is not the server's to answer.
          if (err instanceof TypeError && /Invalid URL/i.test(err.message)) return;
          throw err;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (process.env.JIRATS_FUZZ_SHOW && status === 404) console.log(r.flavor, method, url.slice(0, 120));
        assert.ok(status < 500, `${status} for ${r.flavor} ${method} ${url.slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    if (process.env.JIRATS_FUZZ_RUNS) console.log('statuses', Object.fromEntries(statuses));
    // The runs reached past authentication and routing, not only error paths.
    assert.ok((statuses.get(200) ?? 0) > RUNS / 20, JSON.stringify(Object.fromEntries(statuses)));
  });
});
