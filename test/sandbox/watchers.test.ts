import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox, type Flavor, type Sandbox } from '../../src/sandbox/index.js';
import { api, arr, assertConforms, call, FLAVORS, login, ORIGIN, obj } from './helpers.js';

/** The id a flavor names a user by in watcher requests: account id on Cloud, user name on Data Center. */
async function idOf(sb: Sandbox, flavor: Flavor, user: 'alice' | 'bob'): Promise<string> {
  if (flavor === 'datacenter') return user;
  const me = await call(sb, '/rest/api/3/myself', { headers: login(flavor, user) });
  return String(obj(me.body).accountId);
}

/** POST a raw body (a JSON string, as Jira wants) to the watchers resource. */
async function watch(sb: Sandbox, path: string, headers: Record<string, string>, raw: string) {
  const res = await sb.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: raw,
  });
  const text = await res.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  return { status: res.status, headers: res.headers, body };
}

for (const flavor of FLAVORS) {
  describe(`sandbox watchers (${flavor})`, () => {
    const param = flavor === 'cloud' ? 'accountId' : 'username';

    it('list, add and remove conform, and the watches field follows', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const path = `${api(flavor)}/issue/DEMO-1/watchers`;
        const before = await call(sb, path, { headers: alice });
        assert.equal(before.status, 200);
        assertConforms(flavor, 'GET', path, before);
        const count = Number(obj(before.body).watchCount);
        const selfAdds = obj(before.body).isWatching ? 0 : 1;

        const bob = await idOf(sb, flavor, 'bob');
        const added = await watch(sb, path, alice, JSON.stringify(bob));
        assert.equal(added.status, 204);
        assertConforms(flavor, 'POST', path, added);
        // An empty body watches as the caller.
        assert.equal((await watch(sb, path, alice, '')).status, 204);

        const after = await call(sb, path, { headers: alice });
        const body = obj(after.body);
        assert.equal(body.watchCount, count + 1 + selfAdds);
        assert.equal(body.isWatching, true);
        assert.equal(arr(body.watchers).length, count + 1 + selfAdds);
        assertConforms(flavor, 'GET', path, after);

        const issue = await call(sb, `${api(flavor)}/issue/DEMO-1?fields=watches`, { headers: alice });
        assert.equal(obj(obj(obj(issue.body).fields).watches).watchCount, count + 1 + selfAdds);

        const removed = await call(sb, `${path}?${param}=${encodeURIComponent(bob)}`, {
          method: 'DELETE',
          headers: alice,
        });
        assert.equal(removed.status, 204);
        assertConforms(flavor, 'DELETE', path, removed);
        assert.equal(obj((await call(sb, path, { headers: alice })).body).watchCount, count + selfAdds);
      } finally {
        await sb.close();
      }
    });

    it('needs edit rights to change others, browsing to change yourself', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const path = `${api(flavor)}/issue/SECRET-1/watchers`;
        const bob = await idOf(sb, flavor, 'bob');
        const me = await idOf(sb, flavor, 'alice');
        const other = await watch(sb, path, alice, JSON.stringify(bob));
        assert.deepEqual(obj(other.body).errorMessages, [
          'You do not have the permission to manage the watcher list.',
        ]);
        // Data Center documents 401 for this (with an ErrorCollection, which the patched 401 schema does not
        // describe); Cloud documents 403.
        if (flavor === 'cloud') {
          assert.equal(other.status, 403);
          assertConforms(flavor, 'POST', path, other);
        } else assert.equal(other.status, 401);
        assert.equal((await watch(sb, path, alice, JSON.stringify(me))).status, 204);
        const unwatch = await call(sb, `${path}?${param}=${encodeURIComponent(me)}`, {
          method: 'DELETE',
          headers: alice,
        });
        assert.equal(unwatch.status, 204);
        const hidden = await call(sb, path, { headers: login(flavor, 'bob') });
        assert.equal(hidden.status, 404);
        assertConforms(flavor, 'GET', path, hidden);
      } finally {
        await sb.close();
      }
    });

    it('rejects a body that is not a JSON string and an unknown user', async () => {
      const sb = createSandbox({ flavor });
      try {
        const alice = login(flavor, 'alice');
        const path = `${api(flavor)}/issue/DEMO-1/watchers`;
        const bad = await watch(sb, path, alice, JSON.stringify({ name: 'bob' }));
        assert.equal(bad.status, 400);
        assertConforms(flavor, 'POST', path, bad);
        assert.equal((await watch(sb, path, alice, JSON.stringify('nobody-here'))).status, 404);
        const noParam = await call(sb, path, { method: 'DELETE', headers: alice });
        assert.equal(noParam.status, 400);
      } finally {
        await sb.close();
      }
    });
  });
}
