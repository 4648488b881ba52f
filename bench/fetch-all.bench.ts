// Fetch every issue of project LOAD (summary, status, assignee) from a sandbox with 20 ms of latency per reply,
// on each flavor, side by side: the jirats library, the jirats CLI (-o ndjson), jira.js 5.4 paging one request
// after another, and the floor that latency and page counts allow. Then the peak memory of the CLI streaming
// NDJSON at 10,000 and 100,000 issues. Sandboxes run as separate processes on real ports.
//
//   BENCH_SIZE=10000 (issues in the timed runs)   BENCH_ROUNDS=2 (interleaved rounds; medians are reported)
//   BENCH_MEMORY_SIZES=10000,100000               BENCH_MEMORY_FLAVORS=cloud,datacenter
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Flavor,
  type Haul,
  type SandboxProcess,
  serverWorkMs,
  startSandbox,
  viaCli,
  viaJiraJs,
  viaLibrary,
} from './fetch-all-tools.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MEMORY_SIZES = (process.env.BENCH_MEMORY_SIZES ?? '10000,100000').split(',').map(Number);
const MEMORY_FLAVORS = (process.env.BENCH_MEMORY_FLAVORS ?? 'cloud,datacenter').split(',') as Flavor[];
const LATENCY_MS = 20;
const CONCURRENCY = 4;
const JQL = 'project = LOAD ORDER BY key ASC';
const PAGE = { datacenter: 1000, cloud: 100 } as const;
const CLOUD_ID_PAGE = 5000;
const MEMORY_LIMIT_KB = 150 * 1024;

const bin = join(import.meta.dirname, '..', 'dist', 'cli-bundle', 'bin.js');
if (!existsSync(bin)) {
  console.error('dist/cli-bundle/bin.js is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

/** The least time latency allows: Data Center pages in parallel; Cloud's id pages in turn, then batches in parallel. */
function floorMs(flavor: Flavor, n: number): { ms: number; formula: string } {
  if (flavor === 'datacenter') {
    const pages = Math.ceil(n / PAGE.datacenter);
    return {
      ms: (pages * LATENCY_MS) / CONCURRENCY,
      formula: `ceil(N/1000) x ${LATENCY_MS} / ${CONCURRENCY}`,
    };
  }
  const idPages = Math.ceil(n / CLOUD_ID_PAGE);
  const batches = Math.ceil(n / PAGE.cloud);
  return {
    ms: idPages * LATENCY_MS + (batches * LATENCY_MS) / CONCURRENCY,
    formula: `ceil(N/5000) x ${LATENCY_MS} + ceil(N/100) x ${LATENCY_MS} / ${CONCURRENCY}`,
  };
}

interface Contestant {
  name: string;
  fetch: (url: string) => Promise<Haul>;
}

function contestants(flavor: Flavor, home: string): Contestant[] {
  return [
    { name: 'jirats library', fetch: (url) => viaLibrary(url, flavor, JQL) },
    { name: 'jirats CLI -o ndjson', fetch: (url) => viaCli(bin, home, url, flavor, JQL) },
    {
      name: `jira.js, maxResults ${PAGE[flavor]}`,
      fetch: (url) => viaJiraJs(url, flavor, JQL, PAGE[flavor]),
    },
    { name: 'jira.js, default page size', fetch: (url) => viaJiraJs(url, flavor, JQL) },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Fails loudly when a tool did not get every issue, in order. */
function check(name: string, haul: Haul, n: number): void {
  const ok = haul.count === n && haul.firstKey === 'LOAD-1' && haul.lastKey === `LOAD-${n}`;
  if (!ok)
    throw new Error(`${name} got ${haul.count} issues (${haul.firstKey} .. ${haul.lastKey}), expected ${n}`);
}

async function timeFlavor(flavor: Flavor, home: string): Promise<void> {
  const sandbox = await startSandbox(bin, home, flavor, SIZE, `latency=${LATENCY_MS}`);
  try {
    console.log(
      `\n${flavor}: ${SIZE} issues, latency ${LATENCY_MS} ms, sandbox up in ${sandbox.startMs.toFixed(0)} ms`,
    );
    const tools = contestants(flavor, home);
    const times = tools.map(() => [] as number[]);
    const hauls: Haul[] = [];
    await tools[0]?.fetch(sandbox.url); // warm-up: the sandbox's JQL engine and the client's modules load once
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, tool] of tools.entries()) {
        const started = performance.now();
        const haul = await tool.fetch(sandbox.url);
        times[i]?.push(performance.now() - started);
        check(tool.name, haul, SIZE);
        hauls[i] = haul;
      }
    }
    const floor = floorMs(flavor, SIZE);
    const quiet = await startSandbox(bin, home, flavor, SIZE, 'latency=0');
    // Once to warm the sandbox up, as the timed runs had their warm-up too; the second is the figure.
    const work = await serverWorkMs(quiet.url, flavor, JQL, SIZE)
      .then(() => serverWorkMs(quiet.url, flavor, JQL, SIZE))
      .finally(() => quiet.stop());
    const jiraJs = median(times[2] ?? []);
    const jiraJsDefault = median(times[3] ?? []);
    console.log(
      `${'tool'.padEnd(28)}${'median ms'.padStart(10)}${'jira.js/x'.padStart(11)}` +
        `${'jira.js default/x'.padStart(19)}${'x floor'.padStart(9)}  issues  first..last`,
    );
    for (const [i, tool] of tools.entries()) {
      const ms = median(times[i] ?? []);
      const haul = hauls[i] as Haul;
      console.log(
        `${tool.name.padEnd(28)}${ms.toFixed(0).padStart(10)}${(jiraJs / ms).toFixed(2).padStart(11)}` +
          `${(jiraJsDefault / ms).toFixed(2).padStart(19)}${(ms / floor.ms).toFixed(2).padStart(9)}` +
          `  ${String(haul.count).padStart(6)}  ${haul.firstKey}..${haul.lastKey}`,
      );
    }
    console.log(`${'floor'.padEnd(28)}${floor.ms.toFixed(0).padStart(10)}   (${floor.formula}, N = ${SIZE})`);
    console.log(
      `${'server work, latency 0'.padEnd(28)}${work.toFixed(0).padStart(10)}   ` +
        `(the same pages one by one, unparsed; the sandbox answers on one thread, so no client beats it)`,
    );
    console.log(
      `jirats library / max(floor, server work) = ${(median(times[0] ?? []) / Math.max(floor.ms, work)).toFixed(2)}`,
    );
    console.log(
      `(${ROUNDS} interleaved rounds after one warm-up; jira.js/x = how many times faster than jira.js)`,
    );
  } finally {
    await sandbox.stop();
  }
}

async function memory(home: string): Promise<void> {
  console.log('\nPeak memory (max RSS) of `jirats issue search ... -o ndjson`, sandbox in another process:');
  for (const n of MEMORY_SIZES) {
    for (const flavor of MEMORY_FLAVORS) {
      const sandbox: SandboxProcess = await startSandbox(bin, home, flavor, n, 'latency=0');
      try {
        const started = performance.now();
        const haul = await viaCli(bin, home, sandbox.url, flavor, JQL);
        const ms = performance.now() - started;
        check('CLI', haul, n);
        const mb = (haul.maxRssKb ?? 0) / 1024;
        const verdict = (haul.maxRssKb ?? Number.POSITIVE_INFINITY) <= MEMORY_LIMIT_KB ? 'within' : 'OVER';
        console.log(
          `  ${flavor.padEnd(11)} ${String(n).padStart(7)} issues  ${mb.toFixed(1).padStart(6)} MB ` +
            `(${verdict} 150 MB)  ${(ms / 1000).toFixed(1)} s; sandbox start ${(sandbox.startMs / 1000).toFixed(1)} s`,
        );
      } finally {
        await sandbox.stop();
      }
    }
  }
}

const home = mkdtempSync(join(tmpdir(), 'jirats-fetch-all-'));
try {
  for (const flavor of ['datacenter', 'cloud'] as const) await timeFlavor(flavor, home);
  await memory(home);
} finally {
  rmSync(home, { recursive: true, force: true });
}
