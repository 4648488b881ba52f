/** Shared helpers for the sandbox tests: credentials per flavor and a request that returns parsed JSON. */
import assert from 'node:assert/strict';
import type { Flavor, Sandbox } from '../../src/sandbox/index.js';
import { validateResponse } from '../support/openapi.js';

export const ORIGIN = 'http://jira.test';
export const FLAVORS: readonly Flavor[] = ['cloud', 'datacenter'];

/** An `Authorization: Basic` header. */
export function basic(login: string, secret: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${login}:${secret}`).toString('base64')}` };
}

/** The seeded credential of `user` that the flavor accepts (email + API token on Cloud, password on DC). */
export function login(flavor: Flavor, user: 'admin' | 'alice' | 'bob'): Record<string, string> {
  return flavor === 'cloud' ? basic(`${user}@example.com`, `${user}-api-token`) : basic(user, user);
}

/** The API version a flavor serves its main routes on. */
export function api(flavor: Flavor): string {
  return flavor === 'cloud' ? '/rest/api/3' : '/rest/api/2';
}

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when not JSON, undefined when empty. */
  body: unknown;
}

/** Sends a request to the sandbox in-process and reads the reply. */
export async function call(
  sb: Sandbox,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await sb.fetch(`${ORIGIN}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = text === '' ? undefined : text;
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Asserts the reply matches the flavor's (patched) OpenAPI document for this operation and status. */
export function assertConforms(flavor: Flavor, method: string, path: string, reply: Reply): void {
  const result = validateResponse(flavor, method, path, reply.status, reply.body);
  assert.ok(result.ok, `${flavor} ${method} ${path} ${reply.status}:\n${result.errors}`);
}

/** Narrows an unknown JSON value to an object. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    assert.fail(`expected an object: ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Narrows an unknown JSON value to an array. */
export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) assert.fail(`expected an array: ${JSON.stringify(value)}`);
  return value;
}

/** The sorted keys of an object, for pinning which keys Jira sends. */
export function keys(value: unknown): string[] {
  return Object.keys(obj(value)).sort();
}
