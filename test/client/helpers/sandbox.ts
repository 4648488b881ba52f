/** A sandbox and a client wired to it in-process, with every request the client sends recorded. */

import { Jira, type JiraOptions } from '../../../src/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

/** The server URL used for in-process sandboxes (not loopback: plain http needs allowInsecureHttp). */
export const SANDBOX_URL = 'http://jira.test';

/** Wrap a fetch so every request it carries is recorded (an observer; the sandbox still answers). */
export function recordingFetch(inner: Sandbox['fetch']): { fetch: Sandbox['fetch']; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch: Sandbox['fetch'] = (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : undefined;
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body,
    });
    return inner(input, init);
  };
  return { fetch, sent };
}

/** A sandbox of one flavor and a client for it; close the sandbox when done. */
export function sandboxClient(
  flavor: 'cloud' | 'datacenter',
  options: Partial<JiraOptions> = {},
  sandboxOptions: SandboxOptions = {},
): { sb: Sandbox; jira: Jira; sent: SentRequest[]; newClient: (o?: Partial<JiraOptions>) => Jira } {
  const sb = createSandbox({ flavor, ...sandboxOptions });
  const { fetch, sent } = recordingFetch(sb.fetch);
  const newClient = (o: Partial<JiraOptions> = {}) =>
    new Jira({
      server: SANDBOX_URL,
      fetch,
      allowInsecureHttp: true,
      retry: { retries: 0 },
      ...options,
      ...o,
    });
  return { sb, jira: newClient(), sent, newClient };
}

/** Seed credentials, per the sandbox contract. */
export const CREDS = {
  dcBasic: (user: string) => ({ type: 'basic' as const, username: user, password: user }),
  dcPat: (user: string) => ({ type: 'pat' as const, token: `${user}-pat` }),
  cloudToken: (user: string) => ({
    type: 'apiToken' as const,
    email: `${user}@example.com`,
    token: `${user}-api-token`,
  }),
};
