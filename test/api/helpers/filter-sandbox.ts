/**
 * One sandbox shared by clients of several users, with every JSON success reply of the filter, project role
 * and filter search resources checked against the flavor's OpenAPI document as it passes.
 */
import { Jira } from '../../../src/index.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { CREDS, SANDBOX_URL, type SentRequest } from '../../client/helpers/sandbox.js';
import { validateResponse, validateSchema } from '../../support/openapi.js';

export type Flavor = 'cloud' | 'datacenter';
export type SeedUser = 'admin' | 'alice' | 'bob';

/** A sandbox, a client per seeded user, the requests sent and the schema problems seen. */
export interface FilterSandbox {
  sb: Sandbox;
  as(user: SeedUser): Jira;
  sent: SentRequest[];
  problems: string[];
}

/** Opens a sandbox of `flavor` whose replies are validated on the way to the clients. */
export function filterSandbox(flavor: Flavor): FilterSandbox {
  const sb = createSandbox({ flavor });
  const sent: SentRequest[] = [];
  const problems: string[] = [];
  const fetch: Sandbox['fetch'] = async (input, init) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : undefined;
    sent.push({ method, url: String(input), headers: new Headers(init?.headers), body });
    const res = await sb.fetch(input, init);
    const path = new URL(String(input)).pathname;
    const text = res.ok ? await res.clone().text() : '';
    if (res.ok && text !== '' && /\/(filter|role)/.test(path)) {
      const problem = check(flavor, method, path, res.status, JSON.parse(text));
      if (problem) problems.push(problem);
    }
    return res;
  };
  const clients = new Map<SeedUser, Jira>();
  const as = (user: SeedUser): Jira => {
    let jira = clients.get(user);
    if (!jira) {
      const auth = flavor === 'cloud' ? CREDS.cloudToken(user) : CREDS.dcBasic(user);
      jira = new Jira({
        server: SANDBOX_URL,
        fetch,
        allowInsecureHttp: true,
        retry: { retries: 0 },
        deployment: flavor,
        auth,
      });
      clients.set(user, jira);
    }
    return jira;
  };
  return { sb, as, sent, problems };
}

/**
 * Data Center 10.3's document has no `/filter/search` (Data Center 11 serves it): there the page envelope is
 * checked here and each value against FilterBean.
 */
function check(
  flavor: Flavor,
  method: string,
  path: string,
  status: number,
  body: unknown,
): string | undefined {
  if (flavor === 'datacenter' && path.endsWith('/filter/search')) {
    const page = body as Record<string, unknown>;
    const values = Array.isArray(page.values) ? page.values : undefined;
    if (!values || typeof page.total !== 'number' || typeof page.isLast !== 'boolean')
      return `${path}: not a page of values`;
    for (const value of values) {
      const r = validateSchema('datacenter', 'FilterBean', value);
      if (!r.ok) return `${path}: ${r.errors}`;
    }
    return undefined;
  }
  const r = validateResponse(flavor, method, path, status, body);
  return r.ok ? undefined : `${method} ${path} ${status}: ${r.errors}`;
}
