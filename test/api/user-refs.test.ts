import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, NotFoundError } from '../../src/index.js';
import { CREDS, sandboxClient } from '../client/helpers/sandbox.js';
import { validateResponse } from '../support/openapi.js';

const FLAVORS = ['cloud', 'datacenter'] as const;

describe('users.resolve', () => {
  for (const flavor of FLAVORS) {
    const auth = flavor === 'cloud' ? CREDS.cloudToken('alice') : CREDS.dcBasic('alice');
    const id = (ref: object) => ('accountId' in ref ? ref.accountId : 'name' in ref ? ref.name : undefined);

    it(`${flavor}: resolves a user named by email, display name or login to the flavor's reference`, async () => {
      const { sb, jira } = sandboxClient(flavor, { auth, deployment: flavor });
      try {
        const bob = flavor === 'cloud' ? '5f3c8a1b2d4e6f7a8b9c0d3a' : 'bob';
        for (const who of ['bob@example.com', 'Bob Brown', 'BOB BROWN']) {
          assert.equal(id(await jira.users.resolve(who)), bob, who);
        }
        if (flavor === 'datacenter') assert.deepEqual(await jira.users.resolve('bob'), { name: 'bob' });
        else assert.deepEqual(await jira.users.resolve(bob), { accountId: bob });
        const found = await jira.users.find('alice@example.com');
        assert.equal(found.displayName, 'Alice Anderson');
      } finally {
        await sb.close();
      }
    });

    it(`${flavor}: an unknown user is NotFoundError, an empty one InputError`, async () => {
      const { sb, jira } = sandboxClient(flavor, { auth, deployment: flavor });
      try {
        await assert.rejects(jira.users.resolve('nobody-at-all'), NotFoundError);
        await assert.rejects(jira.users.resolve('  '), InputError);
      } finally {
        await sb.close();
      }
    });

    it(`${flavor}: the sandbox's user routes answer as the OpenAPI documents say`, async () => {
      const { sb } = sandboxClient(flavor);
      try {
        const v = flavor === 'cloud' ? '3' : '2';
        const header = {
          Authorization: `Basic ${Buffer.from(flavor === 'cloud' ? 'alice@example.com:alice-api-token' : 'alice:alice').toString('base64')}`,
        };
        const q = flavor === 'cloud' ? 'query=ali' : 'username=ali';
        const search = await sb.fetch(`http://jira.test/rest/api/${v}/user/search?${q}`, { headers: header });
        const users = (await search.json()) as { displayName: string }[];
        assert.deepEqual(
          users.map((u) => u.displayName),
          ['Alice Anderson'],
        );
        {
          const r = validateResponse(flavor, 'GET', `/rest/api/${v}/user/search`, 200, users);
          assert.ok(r.ok, r.errors);
        }
        const one = flavor === 'cloud' ? 'accountId=5f3c8a1b2d4e6f7a8b9c0d3a' : 'username=bob';
        const get = await sb.fetch(`http://jira.test/rest/api/${v}/user?${one}`, { headers: header });
        const body = (await get.json()) as { displayName: string };
        assert.equal(body.displayName, 'Bob Brown');
        {
          const r = validateResponse(flavor, 'GET', `/rest/api/${v}/user`, 200, body);
          assert.ok(r.ok, r.errors);
        }
        const missing = await sb.fetch(`http://jira.test/rest/api/${v}/user/search`, { headers: header });
        assert.equal(missing.status, 400);
      } finally {
        await sb.close();
      }
    });
  }
});
