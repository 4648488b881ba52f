import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, type Jira, NotFoundError, PermissionError } from '../../src/index.js';
import { CREDS, type SentRequest, sandboxClient } from '../client/helpers/sandbox.js';
import { validateResponse } from '../support/openapi.js';

const FLAVORS = ['cloud', 'datacenter'] as const;
type Flavor = (typeof FLAVORS)[number];

function auth(flavor: Flavor, user: string) {
  return flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every JSON reply the sandbox sent, checked against the flavor's OpenAPI document. */
async function validateAll(flavor: Flavor, jira: Jira, sent: SentRequest[]): Promise<void> {
  // A snapshot: the checks below send requests too, which the recorder appends.
  for (const req of [...sent]) {
    const path = new URL(req.url).pathname;
    if (!/\/(user|group)/.test(path)) continue;
    const res = await jira
      .request<unknown>({
        method: req.method as 'GET',
        path,
        query: Object.fromEntries(new URL(req.url).searchParams),
      })
      .catch(() => undefined);
    if (req.method !== 'GET' || res === undefined) continue;
    const r = validateResponse(flavor, 'GET', path, 200, res);
    assert.ok(r.ok, `${path}: ${r.errors}`);
  }
}

for (const flavor of FLAVORS) {
  describe(`users and groups (${flavor})`, () => {
    const open = (user = 'admin') => sandboxClient(flavor, { auth: auth(flavor, user), deployment: flavor });

    it('searches users, gets one with groups, and finds the signed-in user', async () => {
      const { sb, jira, sent } = open('alice');
      try {
        const found = await collect(jira.users.search('b'));
        assert.deepEqual(
          found.map((u) => u.displayName),
          ['Bob Brown'],
        );
        const bob = await jira.users.get('bob@example.com');
        assert.equal(bob.displayName, 'Bob Brown');
        assert.deepEqual(bob.groups, ['jira-software-users']);
        const admin = await jira.users.get(flavor === 'cloud' ? '5f3c8a1b2d4e6f7a8b9c0d1e' : 'admin');
        assert.deepEqual(admin.groups?.sort(), ['jira-administrators', 'jira-software-users']);
        assert.equal((await jira.users.me()).displayName, 'Alice Anderson');
        await assert.rejects(jira.users.get('nobody@example.com'), NotFoundError);
        await validateAll(flavor, jira, sent);
      } finally {
        await sb.close();
      }
    });

    it('creates, updates (Data Center) and removes a user; an invalid email sends nothing', async () => {
      const { sb, jira, sent } = open();
      try {
        const before = sent.length;
        await assert.rejects(jira.users.create({ email: 'not-an-email', name: 'carol' }), InputError);
        assert.equal(sent.filter((r) => r.method === 'POST').length, 0, 'nothing posted');
        assert.ok(sent.length >= before);
        const carol = await jira.users.create({
          email: 'carol@example.com',
          name: 'carol',
          displayName: 'Carol C',
        });
        assert.equal(carol.emailAddress, 'carol@example.com');
        const created = await jira.users.get('carol@example.com');
        assert.deepEqual(created.groups, ['jira-software-users']);
        if (flavor === 'datacenter') {
          const changed = await jira.users.update('carol', { displayName: 'Carol Clark', active: false });
          assert.equal(changed.displayName, 'Carol Clark');
          assert.equal(changed.active, false);
          assert.equal((await collect(jira.users.search('carol'))).length, 0, 'inactive users are left out');
          assert.equal((await collect(jira.users.search('carol', { includeInactive: true }))).length, 1);
        } else {
          await assert.rejects(jira.users.update('carol@example.com', { displayName: 'x' }), InputError);
        }
        await jira.users.remove(flavor === 'cloud' ? (created.accountId ?? '') : 'carol');
        await assert.rejects(jira.users.get('carol@example.com'), NotFoundError);
      } finally {
        await sb.close();
      }
    });

    it('only administrators manage users and groups', async () => {
      const { sb, jira } = open('bob');
      try {
        await assert.rejects(jira.users.create({ email: 'dave@example.com', name: 'dave' }), PermissionError);
        await assert.rejects(jira.groups.create('bobs-group'), PermissionError);
        await assert.rejects(
          jira.groups.addMember('jira-administrators', 'bob@example.com'),
          PermissionError,
        );
        assert.deepEqual(
          (await jira.users.get('bob@example.com')).groups,
          ['jira-software-users'],
          'nothing changed',
        );
      } finally {
        await sb.close();
      }
    });

    it('creates a group, adds and removes members (idempotently), lists members over pages, deletes it', async () => {
      const { sb, jira, sent } = open();
      try {
        const group = await jira.groups.create('release-managers');
        assert.equal(group.name, 'release-managers');
        assert.equal(group.groupId !== undefined, flavor === 'cloud');
        assert.deepEqual(await jira.groups.addMember('release-managers', 'alice@example.com'), {
          group: 'release-managers',
          user: flavor === 'cloud' ? { accountId: '5f3c8a1b2d4e6f7a8b9c0d2f' } : { name: 'alice' },
          changed: true,
        });
        await jira.groups.addMember('release-managers', 'Bob Brown');
        const again = await jira.groups.addMember('release-managers', 'bob@example.com');
        assert.equal(again.changed, false);
        assert.match(again.message ?? '', /already a member/);
        const members = await collect(jira.groups.members('release-managers', { pageSize: 1 }));
        assert.deepEqual(
          members.map((u) => u.displayName),
          ['Alice Anderson', 'Bob Brown'],
        );
        assert.equal((await jira.groups.get('RELEASE-managers')).size, 2);
        const removed = await jira.groups.removeMember('release-managers', 'bob@example.com');
        assert.equal(removed.changed, true);
        const notMember = await jira.groups.removeMember('release-managers', 'bob@example.com');
        assert.equal(notMember.changed, false);
        assert.match(notMember.message ?? '', /not a member/);
        await validateAll(flavor, jira, sent);
        await jira.groups.remove('release-managers');
        await assert.rejects(jira.groups.get('release-managers'), NotFoundError);
        await assert.rejects(collect(jira.groups.members('release-managers')), NotFoundError);
      } finally {
        await sb.close();
      }
    });

    it('a group that does not exist is NotFoundError; an existing name cannot be created again', async () => {
      const { sb, jira } = open();
      try {
        await assert.rejects(jira.groups.get('no-such-group'), NotFoundError);
        await assert.rejects(jira.groups.addMember('no-such-group', 'bob'), NotFoundError);
        await assert.rejects(jira.groups.create('jira-software-users'), /already exists/);
      } finally {
        await sb.close();
      }
    });
  });
}
