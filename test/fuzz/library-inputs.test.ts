/**
 * The library given hostile inputs (keys, JQL, paths, query values, headers, option objects) either resolves or
 * throws a JiraError subclass: never a TypeError, a RangeError or anything else a caller cannot sort by kind.
 * Every call goes to an in-process sandbox of each flavor. Fixed seeds and bounded runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Auth, isJiraError, Jira, type JiraOptions } from '../../src/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { hostileValue } from './helpers/hostile-values.js';

const SEED = Number(process.env.JIRATS_FUZZ_SEED ?? 7_032);
const RUNS = Number(process.env.JIRATS_FUZZ_RUNS ?? 150);
const ORIGIN = 'http://sandbox.localhost';

const cloud = createSandbox({ flavor: 'cloud' });
const dc = createSandbox({ flavor: 'datacenter' });

function client(sb: Sandbox, extra: Partial<JiraOptions> = {}): Jira {
  const auth: Auth =
    sb.flavor === 'cloud'
      ? { type: 'apiToken', email: 'admin@example.com', token: 'admin-api-token' }
      : { type: 'pat', token: 'admin-pat' };
  return new Jira({
    server: ORIGIN,
    auth,
    fetch: sb.fetch,
    retry: { retries: 0 },
    allowInsecureHttp: true,
    ...extra,
  } as JiraOptions);
}

const jiras = [client(cloud), client(dc)];

/** Runs `call`; resolves what it threw when that is not a JiraError (undefined when all is well). */
async function misbehaviour(call: () => unknown): Promise<string | undefined> {
  try {
    const out = call();
    if (out && typeof (out as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      let n = 0;
      for await (const _ of out as AsyncIterable<unknown>) if (++n >= 3) break;
    } else await out;
    return undefined;
  } catch (err) {
    if (isJiraError(err)) return undefined;
    return err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : `threw ${String(err)}`;
  }
}

/** A text: hostile, or shaped like what the call expects. */
const text = fc.oneof(
  hostileValue,
  fc.constantFrom('DEMO-1', 'DEMO', 'project = DEMO', 'Bug', 'Done', 'admin', '10000', '1'),
);

/** fast-check's failure is expected when a misbehaviour was listed (the list says more); anything else is not. */
function rethrowUnlessListed(err: unknown, failures: string[]): void {
  if (failures.length === 0) throw err;
}

type Call = (jira: Jira, a: string, b: string) => unknown;

/** Library entry points that take user text, each called with two fuzzed texts. */
const CALLS: Record<string, Call> = {
  'issues.get': (j, a) => j.issues.get(a),
  'issues.search': (j, a) => j.issues.search(a, { first: 2 }),
  'comments.list': (j, a) => j.issues.comments.list(a),
  'comments.get': (j, a, b) => j.issues.comments.get(a, b),
  'transitions.list': (j, a) => j.issues.transitions.list(a),
  'projects.get': (j, a) => j.projects.get(a),
  'users.get': (j, a) => j.users.get(a),
  'users.search': (j, a) => j.users.search(a),
  'filters.get': (j, a) => j.filters.get(a),
  'statuses.get': (j, a) => j.statuses.get(a),
  'issueLinkTypes.get': (j, a) => j.issueLinkTypes.get(a),
  'issues.searchFilter': (j, a) => j.issues.searchFilter(a),
  'worklogs.list': (j, a) => j.issues.worklogs.list(a),
  'labels.add': (j, a, b) => j.issues.labels.add(a, [b]),
  'properties.get': (j, a, b) => j.issues.properties.get(a, b),
  'remoteLinks.list': (j, a) => j.issues.remoteLinks.list(a),
  'links.get': (j, a) => j.issues.links.get(a),
  changelog: (j, a) => j.issues.changelog(a),
  'versions.list': (j, a) => j.versions.list(a),
  'components.list': (j, a) => j.components.list(a),
  'groups.members': (j, a) => j.groups.members(a),
  'issues.create': (j, a, b) =>
    j.issues.create({ project: 'DEMO', issueType: a, summary: b, labels: [a], description: b }),
  'issues.update': (j, a, b) => j.issues.update('DEMO-2', { summary: a, labels: [b], description: b }),
  'comments.add': (j, a, b) => j.issues.comments.add(a, b),
  'worklogs.add': (j, a, b) => j.issues.worklogs.add('DEMO-1', { timeSpent: a, started: b }),
  'users.find': (j, a) => j.users.find(a),
  'versions.get': (j, a) => j.versions.get(a),
  createMeta: (j, a, b) => j.issues.createMeta(a, b),
  'request GET path': (j, a) => j.request({ path: `/rest/api/2/${a}` }),
  'request raw path': (j, a) => j.request({ path: a }),
  'request method': (j, a, b) => j.request({ method: a, path: '/rest/api/2/myself', query: { q: b } }),
  'request query': (j, a, b) => j.request({ path: '/rest/api/2/search', query: { jql: a, [b]: a } }),
  'request header': (j, a, b) => j.request({ path: '/rest/api/2/myself', headers: { [a]: b } }),
};

describe('fuzzed library inputs', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: resolves or throws a JiraError`, async () => {
      const failures: string[] = [];
      await fc
        .assert(
          fc.asyncProperty(fc.constantFrom(0, 1), text, text, async (which, a, b) => {
            const jira = jiras[which] as Jira;
            const problem = await misbehaviour(() => call(jira, a, b));
            if (problem) failures.push(`${problem} <- ${JSON.stringify([a.slice(0, 60), b.slice(0, 60)])}`);
            return problem === undefined;
          }),
          { seed: SEED, numRuns: Math.ceil(RUNS / 3), endOnFailure: true },
        )
        .catch((err: unknown) => rethrowUnlessListed(err, failures));
      assert.deepEqual(failures.slice(0, 3), []);
    });
  }

  it('search options: odd numbers and field lists resolve or throw a JiraError', async () => {
    const failures: string[] = [];
    const count = fc.oneof(
      fc.integer({ min: -3, max: 5 }),
      fc.constantFrom(0, 1e9, Number.NaN, Number.POSITIVE_INFINITY, -0, 2.5),
      fc.constant(undefined),
    );
    const list = fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined });
    const options = fc.record({
      first: count,
      skip: count,
      pageSize: count,
      concurrency: count,
      fields: list,
      expand: list,
    });
    await fc
      .assert(
        fc.asyncProperty(fc.constantFrom(0, 1), options, async (which, o) => {
          const jira = jiras[which] as Jira;
          const problem = await misbehaviour(() => jira.issues.search('project = DEMO ORDER BY key', o));
          if (problem) failures.push(`${problem} <- ${JSON.stringify(o).slice(0, 300)}`);
          return problem === undefined;
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / 3), endOnFailure: true },
      )
      .catch((err: unknown) => rethrowUnlessListed(err, failures));
    assert.deepEqual(failures.slice(0, 3), []);
  });

  it('issues.get with a blank key throws a JiraError', async () => {
    for (const jira of jiras) assert.equal(await misbehaviour(() => jira.issues.get(' ')), undefined);
  });

  it('client options and credentials: the constructor and first call throw only JiraErrors', async () => {
    const failures: string[] = [];
    const options = fc.record(
      {
        server: fc.oneof(hostileValue, fc.constantFrom(ORIGIN, 'ftp://x', 'http://', '//x', 'https://[::1]')),
        timeoutMs: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.constant(undefined)),
        retry: fc.oneof(
          fc.constant(undefined),
          fc.record({ retries: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double()) }),
        ),
        header: fc.tuple(hostileValue, hostileValue),
        authType: fc.constantFrom('headers', 'basic', 'pat', 'apiToken', 'bogus'),
      },
      { requiredKeys: ['server', 'header', 'authType'] },
    );
    await fc
      .assert(
        fc.asyncProperty(options, async (o) => {
          const [name, value] = o.header;
          const auth = {
            headers: { type: 'headers', headers: { [name]: value } },
            basic: { type: 'basic', username: name, password: value },
            pat: { type: 'pat', token: value },
            apiToken: { type: 'apiToken', email: name, token: value },
            bogus: { type: name },
          }[o.authType] as Auth;
          const problem = await misbehaviour(async () => {
            const jira = new Jira({
              server: o.server,
              auth,
              fetch: cloud.fetch,
              timeoutMs: o.timeoutMs,
              retry: o.retry,
              allowInsecureHttp: true,
            } as JiraOptions);
            await jira.myself();
          });
          if (problem) failures.push(`${problem} <- ${JSON.stringify(o).slice(0, 300)}`);
          return problem === undefined;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
      .catch((err: unknown) => rethrowUnlessListed(err, failures));
    assert.deepEqual(failures.slice(0, 3), []);
  });
});
