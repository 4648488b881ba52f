// Creating 1,000 issues through a Cloud-like rate limit: the jirats library (`jira.issues.createMany`, whose
// concurrency adapts to the rate-limit headers), the jirats CLI (`issue create --from-csv`), and a sequential
// loop with jira.js 5.4 (`Version3Client.issues.createIssue`, one after another, as its documentation shows),
// set against what the rate limit allows. Each tool gets a fresh sandbox process on a real port with what
// `jirats sandbox start --rate-limit R/s --faults latency=L` sets up (a token bucket of R tokens per user,
// refilled at R a second, plus Cloud's 20 writes per 2 s per issue; every reply waits L ms).
//
//   BENCH_SIZE (1000), BENCH_RATE (50, requests per second), BENCH_LATENCY (20 ms), BENCH_ROUNDS (1)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Version3Client } from 'jira.js';
import { Jira } from '../src/index.js';
import { cliEnv, sandboxUrl } from './fetch-all-tools.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const LATENCY = Number(process.env.BENCH_LATENCY ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const EMAIL = 'admin@example.com';
const TOKEN = 'admin-api-token';
const bin = join(import.meta.dirname, '..', 'dist', 'cli-bundle', 'bin.js');
const sandboxModule = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'sandbox', 'index.js')).href;
if (!existsSync(bin)) {
  console.error('dist/cli-bundle/bin.js is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

interface Sandbox {
  url: string;
  stop(): Promise<void>;
}

/**
 * A sandbox process on a free port with the rate limit and latency. It keeps its state in memory: `jirats sandbox
 * start` saves the whole state to its file after every change, which at 1,000 creates costs more than the
 * creates themselves and would make the server, not the client, the bottleneck.
 */
function startSandbox(home: string): Promise<Sandbox> {
  const script = join(home, 'sandbox.mjs');
  const options = {
    flavor: 'cloud',
    faults: `latency=${LATENCY}`,
    rateLimit: { perSecond: RATE, perIssueWrites: true },
  };
  writeFileSync(
    script,
    `import { createSandbox } from ${JSON.stringify(sandboxModule)};
const sandbox = createSandbox(${JSON.stringify(options)});
process.stdout.write(JSON.stringify({ url: await sandbox.listen(0) }));
process.on('SIGTERM', () => sandbox.close().then(() => process.exit(0)));
`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return sandboxUrl(child);
}

function row(i: number, label: string) {
  return { project: 'DEMO', issuetype: 'Task', summary: `Bulk bench issue ${i + 1}`, labels: label };
}

/** The jirats library with its adaptive limiter. Returns how many rows it reported created. */
async function viaLibrary(url: string, label: string): Promise<number> {
  const jira = new Jira({
    server: url,
    auth: { type: 'apiToken', email: EMAIL, token: TOKEN },
    deployment: 'cloud',
  });
  const rows = Array.from({ length: SIZE }, (_, i) => row(i, label));
  // The limiter's defaults (start at 4, grow to 16) are what a user gets; passed here so the figure says so.
  const options = { concurrency: 4, maxConcurrency: 16 };
  let created = 0;
  for await (const result of jira.issues.createMany(rows, options)) {
    if (result.status === 'created') created += 1;
    else if (result.status === 'failed')
      console.error(`  library row ${result.index + 1}: ${result.error.message}`);
  }
  return created;
}

/** The jirats CLI reading a CSV file, as a user would run it. Returns the rows it reported done. */
function viaCli(home: string, url: string, label: string): Promise<number> {
  const csv = join(home, `${label}.csv`);
  const lines = ['project,issuetype,summary,labels'];
  for (let i = 0; i < SIZE; i++) lines.push(`DEMO,Task,Bulk bench issue ${i + 1},${label}`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const args = [bin, '--server', url, 'issue', 'create', '--from-csv', csv, '-o', 'ndjson', '--quiet'];
  const env = { ...cliEnv(home), JIRA_EMAIL: EMAIL, JIRA_API_TOKEN: TOKEN };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`CLI exited with ${code}: ${stderr.trim().slice(0, 500)}`));
      else resolve(stdout.split('\n').filter((l) => /"key":"DEMO-\d+"/.test(l)).length);
    });
  });
}

/**
 * jira.js 5.4, one create after another. It does not retry a 429 itself, so the loop does what its
 * documentation leaves to the caller: wait Retry-After and send the same create again.
 */
async function viaJiraJs(url: string, label: string): Promise<number> {
  const client = new Version3Client({
    host: url,
    authentication: { basic: { email: EMAIL, apiToken: TOKEN } },
  });
  let created = 0;
  for (let i = 0; i < SIZE; i++) {
    const { summary } = row(i, label);
    for (;;) {
      try {
        await client.issues.createIssue({
          fields: { project: { key: 'DEMO' }, issuetype: { name: 'Task' }, summary, labels: [label] },
        });
        created += 1;
        break;
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (status !== 429 && status !== 503) throw err;
        const retryAfter = Number(
          (err as { response?: { headers?: Record<string, string> } }).response?.headers?.['retry-after'] ??
            1,
        );
        await new Promise((r) => setTimeout(r, Math.max(1, retryAfter) * 1000));
      }
    }
  }
  return created;
}

/** How many issues the server holds with the run's label: the tools' own counts are checked against it. */
async function countOnServer(url: string, label: string): Promise<number> {
  const jira = new Jira({
    server: url,
    auth: { type: 'apiToken', email: EMAIL, token: TOKEN },
    deployment: 'cloud',
  });
  return jira.issues.count(`labels = "${label}"`);
}

type Tool = 'jirats library' | 'jirats CLI --from-csv' | 'jira.js sequential';
const TOOLS: Tool[] = ['jirats library', 'jirats CLI --from-csv', 'jira.js sequential'];
const LABELS: Record<Tool, string> = {
  'jirats library': 'library',
  'jirats CLI --from-csv': 'cli',
  'jira.js sequential': 'jirajs',
};

async function runTool(home: string, tool: Tool, round: number): Promise<number> {
  const label = `bench-${LABELS[tool]}-${round}`;
  const sandbox = await startSandbox(home);
  try {
    const started = performance.now();
    const reported =
      tool === 'jirats library'
        ? await viaLibrary(sandbox.url, label)
        : tool === 'jirats CLI --from-csv'
          ? await viaCli(home, sandbox.url, label)
          : await viaJiraJs(sandbox.url, label);
    const ms = performance.now() - started;
    // The bucket refills while nothing is sent, so the count below never runs into the limit.
    await new Promise((r) => setTimeout(r, 1500));
    const onServer = await countOnServer(sandbox.url, label);
    if (reported !== SIZE || onServer !== SIZE) {
      throw new Error(`${tool}: reported ${reported} created, server holds ${onServer}, expected ${SIZE}`);
    }
    return ms;
  } finally {
    await sandbox.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const home = mkdtempSync(join(tmpdir(), 'jirats-bulk-bench-'));
try {
  const times = new Map<Tool, number[]>(TOOLS.map((t) => [t, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const tool of TOOLS) times.get(tool)?.push(await runTool(home, tool, round));
  }
  // The bucket starts full (RATE tokens), then refills at RATE a second: no client finishes sooner.
  const floorMs = (Math.max(0, SIZE - RATE) / RATE) * 1000 + LATENCY;
  const sequentialMs = median(times.get('jira.js sequential') ?? []);
  console.log(
    `${SIZE} creates, rate limit ${RATE}/s (burst ${RATE}), latency ${LATENCY} ms, ${ROUNDS} round(s), medians`,
  );
  console.log(
    `${'tool'.padEnd(24)}${'ms'.padStart(9)}${'issues/s'.padStart(10)}  vs jira.js  vs rate-limit floor`,
  );
  for (const tool of TOOLS) {
    const ms = median(times.get(tool) ?? []);
    const perSecond = SIZE / (ms / 1000);
    console.log(
      `${tool.padEnd(24)}${ms.toFixed(0).padStart(9)}${perSecond.toFixed(1).padStart(10)}  ` +
        `${(sequentialMs / ms).toFixed(2).padStart(9)}x  ${(ms / floorMs).toFixed(2).padStart(9)}x`,
    );
  }
  console.log(
    `${'rate-limit floor'.padEnd(24)}${floorMs.toFixed(0).padStart(9)}${(SIZE / (floorMs / 1000)).toFixed(1).padStart(10)}` +
      `  targets: jirats >= 5x jira.js, <= 1.3x the floor`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
