/** Shared by the project, component and version tests: clients per flavor, collecting, spec checks. */
import assert from 'node:assert/strict';
import type { Jira } from '../../src/index.js';
import { CREDS, type SentRequest } from '../client/helpers/sandbox.js';
import { validateResponse } from '../support/openapi.js';

export const FLAVORS = ['cloud', 'datacenter'] as const;
export type Flavor = (typeof FLAVORS)[number];

export function auth(flavor: Flavor, user: string) {
  return flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const names = (items: { name: string }[]) => items.map((i) => i.name);

/** Every successful GET to a project, component or version resource, replayed and checked against the spec. */
export async function validateReads(flavor: Flavor, jira: Jira, sent: SentRequest[]): Promise<number> {
  let checked = 0;
  for (const req of [...sent]) {
    const url = new URL(req.url);
    if (req.method !== 'GET' || !/\/rest\/api\/\w+\/(project|component|version)/.test(url.pathname)) continue;
    const body = await jira
      .request<unknown>({ path: url.pathname, query: Object.fromEntries(url.searchParams) })
      .catch(() => undefined);
    if (body === undefined) continue;
    const result = validateResponse(flavor, 'GET', url.pathname, 200, body);
    assert.ok(result.ok, `${url.pathname}: ${result.errors}`);
    checked += 1;
  }
  return checked;
}

export async function fixVersionsOf(jira: Jira, key: string): Promise<string[]> {
  const issue = await jira.issues.get(key, { fields: ['fixVersions'] });
  const list = issue.fields.fixVersions;
  return Array.isArray(list) ? list.map((v) => String((v as { name?: unknown }).name)) : [];
}

export async function componentsOf(jira: Jira, key: string): Promise<string[]> {
  const issue = await jira.issues.get(key, { fields: ['components'] });
  const list = issue.fields.components;
  return Array.isArray(list) ? list.map((v) => String((v as { name?: unknown }).name)) : [];
}
