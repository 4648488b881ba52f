import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Issue, Jira, type JiraOptions } from '../../src/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { CREDS, SANDBOX_URL } from '../client/helpers/sandbox.js';

const JQL = 'project = LOAD ORDER BY key ASC';
const SIZE = 1200;
const FIELDS = ['summary', 'status', 'assignee'];

interface Seen {
  url: string;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

type Rewrite = (url: string, body: string | undefined, reply: Response) => Promise<Response> | Response;

/** A client over the sandbox whose requests are recorded and whose replies a test may rewrite. */
function client(
  sb: Sandbox,
  flavor: 'cloud' | 'datacenter',
  rewrite?: Rewrite,
  extra: Partial<JiraOptions> = {},
) {
  const seen: Seen[] = [];
  const fetch: Sandbox['fetch'] = async (input, init) => {
    const url = String(input);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    seen.push({ url, body, signal: init?.signal ?? undefined });
    const reply = await sb.fetch(input, init);
    return rewrite ? rewrite(url, body, reply) : reply;
  };
  const auth = flavor === 'cloud' ? CREDS.cloudToken('admin') : CREDS.dcBasic('admin');
  const jira = new Jira({
    server: SANDBOX_URL,
    fetch,
    auth,
    deployment: flavor,
    allowInsecureHttp: true,
    retry: { retries: 0 },
    ...extra,
  });
  return { jira, seen };
}

async function collect(iterable: AsyncIterable<Issue>): Promise<Issue[]> {
  const out: Issue[] = [];
  for await (const issue of iterable) out.push(issue);
  return out;
}

const keysOf = (issues: Issue[]) => issues.map((i) => i.key);
const rawFields = (issues: Issue[]) => issues.map((i) => JSON.stringify(i.fields));

describe('parallel search on Data Center (offset pages)', () => {
  let sb: Sandbox;
  let sequential: Issue[];
  before(async () => {
    sb = createSandbox({ flavor: 'datacenter', generate: SIZE });
    sequential = await collect(
      client(sb, 'datacenter').jira.issues.search(JQL, { fields: FIELDS, concurrency: 1, pageSize: 100 }),
    );
  });
  after(() => sb.close());

  it('returns the same issues with the same fields in the same order as sequential paging', async () => {
    assert.equal(sequential.filter((i) => i.key.startsWith('LOAD-')).length, SIZE);
    const { jira, seen } = client(sb, 'datacenter');
    const parallel = await collect(
      jira.issues.search(JQL, { fields: FIELDS, pageSize: 100, concurrency: 4 }),
    );
    assert.deepEqual(keysOf(parallel), keysOf(sequential));
    assert.deepEqual(rawFields(parallel), rawFields(sequential));
    const starts = seen.map((s) => Number(new URL(s.url).searchParams.get('startAt')));
    assert.deepEqual(
      [...starts].sort((a, b) => a - b),
      Array.from({ length: SIZE / 100 }, (_, k) => k * 100),
    );
  });

  it('asks for the largest pages by default and steps by the size the server used', async () => {
    const { jira, seen } = client(sb, 'datacenter');
    const all = await collect(jira.issues.search(JQL, { fields: ['summary'] }));
    assert.deepEqual(keysOf(all), keysOf(sequential));
    assert.deepEqual(
      seen.map((s) => new URL(s.url).searchParams.get('maxResults')),
      ['1000', '200'],
    );
  });

  it('respects first and skip', async () => {
    const { jira } = client(sb, 'datacenter');
    for (const [skip, first] of [
      [0, 5],
      [150, 430],
      [1150, 100],
      [7, undefined],
      [0, 1200],
    ] as const) {
      const slice = await collect(jira.issues.search(JQL, { fields: FIELDS, pageSize: 100, skip, first }));
      const expected = keysOf(sequential).slice(skip, first === undefined ? undefined : skip + first);
      assert.deepEqual(keysOf(slice), expected, `skip ${skip} first ${first}`);
    }
  });

  it('aborts the requests still in flight when the consumer stops early', async () => {
    const { jira, seen } = client(sb, 'datacenter');
    let count = 0;
    for await (const _ of jira.issues.search(JQL, { fields: FIELDS, pageSize: 100, concurrency: 4 })) {
      count++;
      if (count === 101) break;
    }
    const sent = seen.length;
    assert.ok(sent < SIZE / 100, `only the pages needed so far went out (${sent})`);
    assert.ok(
      seen.some((s) => s.signal?.aborted === true),
      'outstanding requests were aborted',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(seen.length, sent, 'nothing is sent after the break');
  });

  it('ends with the error of a failing page, after the pages before it', async () => {
    const failing: Rewrite = (url, _body, reply) =>
      new URL(url).searchParams.get('startAt') === '200'
        ? new Response(JSON.stringify({ errorMessages: ['Page three is broken'], errors: {} }), {
            status: 400,
            headers: { 'Content-Type': 'application/json' },
          })
        : reply;
    const { jira } = client(sb, 'datacenter', failing);
    const got: string[] = [];
    await assert.rejects(
      async () => {
        for await (const issue of jira.issues.search(JQL, { fields: FIELDS, pageSize: 100 }))
          got.push(issue.key);
      },
      (error: Error & { errorMessages?: string[] }) => {
        assert.deepEqual(error.errorMessages, ['Page three is broken']);
        return true;
      },
    );
    assert.deepEqual(got, keysOf(sequential).slice(0, 200));
  });

  it('drops an issue repeated across a page boundary and stops at a short page when the results shift', async () => {
    const headers = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
    // As if an issue before offset 300 was deleted while paging, then the tail of the result shrank.
    const shifting: Rewrite = async (url, _body, reply) => {
      const startAt = new URL(url).searchParams.get('startAt');
      if (startAt === '300') return sb.fetch(url.replace('startAt=300', 'startAt=299'), { headers });
      if (startAt !== '500') return reply;
      const page = (await reply.json()) as { issues: unknown[] };
      page.issues = page.issues.slice(0, 50);
      return Response.json(page);
    };
    const { jira } = client(sb, 'datacenter', shifting);
    const got = keysOf(await collect(jira.issues.search(JQL, { fields: FIELDS, pageSize: 100 })));
    const all = keysOf(sequential);
    // LOAD-400 moved onto the page already read: the caveat of offset paging under concurrent writes.
    assert.deepEqual(got, [...all.slice(0, 399), ...all.slice(400, 550)]);
    assert.equal(new Set(got).size, got.length, 'no issue twice');
  });

  it("stops with the caller's abort, cancelling the requests in flight", async () => {
    const { jira, seen } = client(sb, 'datacenter');
    const caller = new AbortController();
    let count = 0;
    await assert.rejects(async () => {
      for await (const _ of jira.issues.search(JQL, {
        fields: FIELDS,
        pageSize: 100,
        signal: caller.signal,
      })) {
        if (++count === 150) caller.abort();
      }
    });
    assert.ok(count >= 150 && count < SIZE, `stopped after ${count}`);
    assert.ok(seen.length < SIZE / 100, `only some pages went out (${seen.length})`);
    assert.ok(seen.some((s) => s.signal?.aborted === true));
  });

  it('rejects a nonsense concurrency before sending anything', async () => {
    const { jira, seen } = client(sb, 'datacenter');
    await assert.rejects(collect(jira.issues.search(JQL, { concurrency: 0 })), /concurrency/);
    assert.equal(seen.length, 0);
  });
});

describe('parallel search on Cloud (ids, then bulkfetch)', () => {
  let sb: Sandbox;
  let plain: Issue[];
  before(async () => {
    sb = createSandbox({ flavor: 'cloud', generate: SIZE });
    plain = await collect(client(sb, 'cloud').jira.issues.search(JQL, { fields: FIELDS, concurrency: 1 }));
  });
  after(() => sb.close());

  it('returns the same issues and fields as plain token paging', async () => {
    assert.equal(plain.length, SIZE);
    const { jira, seen } = client(sb, 'cloud');
    const bulk = await collect(jira.issues.search(JQL, { fields: FIELDS }));
    assert.deepEqual(keysOf(bulk), keysOf(plain));
    assert.deepEqual(rawFields(bulk), rawFields(plain));
    const searches = seen.filter((s) => s.url.endsWith('/search/jql'));
    const fetches = seen.filter((s) => s.url.endsWith('/issue/bulkfetch'));
    assert.equal(searches.length, 1, 'one id page holds all 1200');
    assert.deepEqual(JSON.parse(searches[0]?.body ?? '{}').fields, ['id']);
    assert.equal(fetches.length, SIZE / 100);
    for (const f of fetches) assert.deepEqual(JSON.parse(f.body ?? '{}').fields, FIELDS);
  });

  it('respects first and skip, and keeps plain paging for a small first', async () => {
    const { jira, seen } = client(sb, 'cloud');
    const slice = await collect(jira.issues.search(JQL, { fields: FIELDS, skip: 250, first: 333 }));
    assert.deepEqual(keysOf(slice), keysOf(plain).slice(250, 583));
    const few = await collect(jira.issues.search(JQL, { fields: FIELDS, first: 20 }));
    assert.deepEqual(keysOf(few), keysOf(plain).slice(0, 20));
    assert.equal(seen.filter((s) => s.url.endsWith('/issue/bulkfetch')).length, 4);
  });

  it('leaves out issues that vanished between listing and fetching', async () => {
    // The id page lists one issue that no longer exists when its batch is fetched.
    const ghost: Rewrite = async (url, _body, reply) => {
      if (!url.endsWith('/search/jql')) return reply;
      const page = (await reply.json()) as { issues: { id: string }[] };
      page.issues.splice(5, 0, { id: '99999999' });
      return Response.json(page);
    };
    const { jira } = client(sb, 'cloud', ghost);
    const bulk = await collect(jira.issues.search(JQL, { fields: FIELDS }));
    assert.deepEqual(keysOf(bulk), keysOf(plain));
  });

  it('fails with the ids Jira reports in issueErrors', async () => {
    const broken: Rewrite = async (url, _body, reply) => {
      if (!url.endsWith('/issue/bulkfetch')) return reply;
      const page = (await reply.json()) as { issues: { id: string }[]; issueErrors: unknown[] };
      const lost = page.issues.pop();
      page.issueErrors.push({ id: lost?.id, errorMessage: 'Retry later' });
      return Response.json(page);
    };
    const { jira } = client(sb, 'cloud', broken);
    await assert.rejects(
      collect(jira.issues.search(JQL, { fields: FIELDS })),
      (error: Error & { errorMessages?: string[] }) => {
        assert.match(error.message, /could not return 1 issue/);
        assert.match(error.errorMessages?.[0] ?? '', /^\d+: Retry later$/);
        return true;
      },
    );
  });

  it('repeats bulkfetch requests whose connection was reset', async () => {
    const faulty = createSandbox({ flavor: 'cloud', generate: 300, faults: 'reset=0.3,seed=3' });
    try {
      const reasons: string[] = [];
      const { jira } = client(faulty, 'cloud', undefined, {
        retry: { retries: 10, baseDelayMs: 1, maxDelayMs: 2 },
        hooks: { beforeRetry: [(s) => void reasons.push(s.reason)] },
      });
      const got = await collect(jira.issues.search(JQL, { fields: FIELDS, pageSize: 50 }));
      assert.deepEqual(keysOf(got), keysOf(plain).slice(0, 300));
      assert.ok(reasons.length > 0, 'the faults caused retries');
    } finally {
      await faulty.close();
    }
  });
});
