/** A sandbox (optionally with injected faults) and clients for it, for the bulk engine's tests. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jira } from '../../../src/index.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { CREDS, recordingFetch, SANDBOX_URL, type SentRequest } from '../../client/helpers/sandbox.js';

export type Flavor = 'cloud' | 'datacenter';

export interface BulkSandbox {
  sb: Sandbox;
  /** Alice, through the faults (retries on, short backoff). */
  jira: Jira;
  /** The admin, through the same sandbox (deletes). */
  admin: Jira;
  sent: SentRequest[];
  dir: string;
  /**
   * Runs after the sandbox handled a request and before the client sees the reply; throwing here loses the
   * reply (the change is made, the client never hears of it), as a dropped connection or a killed process does.
   */
  tap: { afterServer?: (method: string, url: URL, status: number) => void };
}

/** The error fetch gives when a connection drops before the reply. */
export function connectionLost(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  });
}

/** A create POST (`/rest/api/{v}/issue`). */
export function isCreate(method: string, url: URL): boolean {
  return method === 'POST' && /\/rest\/api\/\w+\/issue$/.test(url.pathname);
}

export function bulkSandbox(flavor: Flavor, faults = ''): BulkSandbox {
  const sb = createSandbox({ flavor, ...(faults ? { faults } : {}) });
  const tap: BulkSandbox['tap'] = {};
  const { fetch, sent } = recordingFetch(async (input, init) => {
    const res = await sb.fetch(input, init);
    tap.afterServer?.(init?.method ?? 'GET', new URL(String(input)), res.status);
    return res;
  });
  const client = (auth: ConstructorParameters<typeof Jira>[0]['auth']) =>
    new Jira({
      server: SANDBOX_URL,
      fetch,
      allowInsecureHttp: true,
      deployment: flavor,
      ...(auth ? { auth } : {}),
      retry: { retries: 8, baseDelayMs: 5, maxDelayMs: 50 },
    });
  const alice = flavor === 'cloud' ? CREDS.cloudToken('alice') : CREDS.dcBasic('alice');
  const admin = flavor === 'cloud' ? CREDS.cloudToken('admin') : CREDS.dcBasic('admin');
  const dir = mkdtempSync(join(tmpdir(), 'jirats-bulk-'));
  // Closing the sandbox also removes the test's journals.
  const close = sb.close.bind(sb);
  sb.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    sb,
    jira: client(alice),
    admin: client(admin),
    sent,
    tap,
    dir,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export function rows(label: string, n: number): Record<string, string>[] {
  return Array.from({ length: n }, (_, i) => ({
    project: 'DEMO',
    issuetype: 'Task',
    summary: `${label} ${i}`,
    labels: label,
  }));
}
