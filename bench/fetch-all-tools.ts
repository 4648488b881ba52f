// The contestants of bench/fetch-all.bench.ts, each fetching every issue of a search and reporting how many it
// got and the first and last keys: the jirats library, the jirats CLI (a separate process, streaming NDJSON),
// and jira.js paging sequentially the way its documentation shows. Also starts sandboxes as separate processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Version2Client, Version3Client } from 'jira.js';
import { Jira } from '../src/index.js';

export type Flavor = 'cloud' | 'datacenter';

/** What a fetch produced, to check that every tool got everything. */
export interface Haul {
  count: number;
  firstKey: string;
  lastKey: string;
  /** Peak resident memory of the process that fetched, in kB (CLI runs only). */
  maxRssKb?: number;
}

export const FIELDS = ['summary', 'status', 'assignee'];

/** Credentials per flavor: Data Center user name and password, Cloud email and API token. */
export function login(flavor: Flavor): { user: string; secret: string } {
  return flavor === 'cloud'
    ? { user: 'admin@example.com', secret: 'admin-api-token' }
    : { user: 'admin', secret: 'admin' };
}

class Tally {
  count = 0;
  firstKey = '';
  lastKey = '';
  add(key: string): void {
    if (this.count++ === 0) this.firstKey = key;
    this.lastKey = key;
  }
  haul(extra: Partial<Haul> = {}): Haul {
    return { count: this.count, firstKey: this.firstKey, lastKey: this.lastKey, ...extra };
  }
}

/** A running sandbox process. */
export interface SandboxProcess {
  url: string;
  startMs: number;
  stop(): Promise<void>;
}

/** Starts `jirats sandbox start` on a free port and waits for its URL. */
export function startSandbox(
  bin: string,
  home: string,
  flavor: Flavor,
  size: number,
  faults: string,
): Promise<SandboxProcess> {
  const args = [bin, 'sandbox', 'start', '--flavor', flavor, '--port', '0', '--generate', String(size)];
  args.push('--faults', faults, '--data', `${home}/sandbox-${flavor}-${size}.json`, '-o', 'json');
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: cliEnv(home), stdio: ['ignore', 'pipe', 'ignore'] });
  return sandboxUrl(child).then(({ url, stop }) => ({ url, startMs: performance.now() - started, stop }));
}

/** Waits for a sandbox process to print `{"url": ...}`; `stop` ends it with SIGTERM. */
export function sandboxUrl(child: ChildProcess): Promise<{ url: string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`sandbox exited early (${code})`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      try {
        const { url } = JSON.parse(out) as { url: string };
        child.removeAllListeners('exit');
        resolve({ url, stop: () => stopChild(child) });
      } catch {
        // Not all of the JSON yet.
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The CLI's environment: a private config home, no stored credentials. */
export function cliEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JIRATS_CONFIG_DIR: `${home}/config`,
    JIRATS_DATA_DIR: `${home}/data`,
    JIRATS_CREDENTIAL_STORE: 'file',
    NO_COLOR: '1',
  };
}

/** The jirats library: one `for await` over the search. */
export async function viaLibrary(url: string, flavor: Flavor, jql: string): Promise<Haul> {
  const { user, secret } = login(flavor);
  const auth =
    flavor === 'cloud'
      ? { type: 'apiToken' as const, email: user, token: secret }
      : { type: 'basic' as const, username: user, password: secret };
  const jira = new Jira({ server: url, auth, deployment: flavor });
  const tally = new Tally();
  for await (const issue of jira.issues.search(jql, { fields: FIELDS })) tally.add(issue.key);
  return tally.haul();
}

/** The jirats CLI streaming NDJSON, under /usr/bin/time for its peak memory. */
export function viaCli(bin: string, home: string, url: string, flavor: Flavor, jql: string): Promise<Haul> {
  const { user, secret } = login(flavor);
  const creds =
    flavor === 'cloud' ? { JIRA_EMAIL: user, JIRA_API_TOKEN: secret } : { JIRA_PAT: `${user}-pat` };
  const args = ['-f', 'maxrss=%M', process.execPath, bin, '--server', url, 'issue', 'search', jql];
  args.push('--fields', FIELDS.join(','), '-o', 'ndjson');
  const child = spawn('/usr/bin/time', args, { env: { ...cliEnv(home), ...creds } });
  const tally = new Tally();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => tally.add((JSON.parse(line) as { key: string }).key));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const rss = /maxrss=(\d+)/.exec(stderr);
      if (code !== 0) reject(new Error(`CLI exited with ${code}: ${stderr.trim()}`));
      else resolve(tally.haul({ maxRssKb: rss ? Number(rss[1]) : undefined }));
    });
  });
}

/**
 * jira.js 5.4, paging one request after another as its documentation shows: Data Center's
 * `searchForIssuesUsingJql` (startAt/maxResults/total), Cloud's `searchForIssuesUsingJqlEnhancedSearchPost`
 * (nextPageToken). `pageSize` undefined leaves the page size to the server's default.
 */
export async function viaJiraJs(url: string, flavor: Flavor, jql: string, pageSize?: number): Promise<Haul> {
  const { user, secret } = login(flavor);
  const config = { host: url, authentication: { basic: { email: user, apiToken: secret } } };
  const tally = new Tally();
  if (flavor === 'datacenter') {
    const client = new Version2Client(config);
    let startAt = 0;
    for (;;) {
      const page = await client.issueSearch.searchForIssuesUsingJql({
        jql,
        startAt,
        maxResults: pageSize,
        fields: FIELDS,
      });
      const issues = page.issues ?? [];
      for (const issue of issues) tally.add(issue.key);
      startAt += issues.length;
      if (issues.length === 0 || startAt >= (page.total ?? 0)) return tally.haul();
    }
  }
  const client = new Version3Client(config);
  let nextPageToken: string | undefined;
  for (;;) {
    const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql,
      nextPageToken,
      maxResults: pageSize,
      fields: FIELDS,
    });
    for (const issue of page.issues ?? []) tally.add(issue.key);
    nextPageToken = page.nextPageToken ?? undefined;
    if (!nextPageToken) return tally.haul();
  }
}

/**
 * The server's own work for the same pages, one request at a time with no client parsing: with latency off, a
 * lower bound no client can beat, since the sandbox answers on one thread.
 */
export async function serverWorkMs(url: string, flavor: Flavor, jql: string, n: number): Promise<number> {
  const { user, secret } = login(flavor);
  const headers = {
    Authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`,
    'Content-Type': 'application/json',
  };
  const fields = FIELDS.join(',');
  const started = performance.now();
  if (flavor === 'datacenter') {
    for (let startAt = 0; startAt < n; startAt += 1000) {
      const query = `jql=${encodeURIComponent(jql)}&fields=${fields}&startAt=${startAt}&maxResults=1000`;
      await (await fetch(`${url}/rest/api/2/search?${query}`, { headers })).arrayBuffer();
    }
    return performance.now() - started;
  }
  const ids: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const body = JSON.stringify({ jql, fields: ['id'], maxResults: 5000, nextPageToken });
    const res = await fetch(`${url}/rest/api/3/search/jql`, { method: 'POST', headers, body });
    const page = (await res.json()) as { issues: { id: string }[]; nextPageToken?: string };
    ids.push(...page.issues.map((i) => i.id));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  for (let i = 0; i < ids.length; i += 100) {
    const body = JSON.stringify({ issueIdsOrKeys: ids.slice(i, i + 100), fields: FIELDS });
    await (await fetch(`${url}/rest/api/3/issue/bulkfetch`, { method: 'POST', headers, body })).arrayBuffer();
  }
  return performance.now() - started;
}
