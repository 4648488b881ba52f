// Start-up cost of the CLI, as ratios against the floor a Node program cannot go below:
//  1. `jirats --version` against `node -e 0`;
//  2. `jirats issue get DEMO-1` against a minimal script doing the same authenticated fetch,
//     both talking to one sandbox on a real port. The CLI runs as a user who set the server up once
//     (`jirats config server set URL`), so it knows the server is Data Center and sends the one request the
//     script sends; a third row shows a first contact through environment variables only, where the CLI
//     asks serverInfo first.
// Runs are interleaved (A, B, A, B, ...) so drift in machine load hits both sides alike; medians are reported.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSandbox } from '../src/sandbox/index.js';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const bin = join(import.meta.dirname, '..', 'dist', 'cli-bundle', 'bin.js');
if (!existsSync(bin)) {
  console.error('dist/cli-bundle/bin.js is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

async function timeOnce(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  await run(process.execPath, args, { env });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function compare(
  label: string,
  ours: string[],
  baseline: string[],
  env: NodeJS.ProcessEnv,
  target: number,
) {
  await timeOnce(ours, env); // warm the file system cache for both sides
  await timeOnce(baseline, env);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await timeOnce(ours, env));
    b.push(await timeOnce(baseline, env));
  }
  const ratio = median(a) / median(b);
  const verdict = ratio <= target ? 'within target' : 'OVER target';
  console.log(
    `${label.padEnd(34)} ours ${median(a).toFixed(1)} ms  baseline ${median(b).toFixed(1)} ms  ` +
      `ratio ${ratio.toFixed(2)}x (target <= ${target}x, ${verdict}; ${RUNS} interleaved runs, medians)`,
  );
}

const sandbox = createSandbox({ flavor: 'datacenter' });
const url = await sandbox.listen(0);
const home = mkdtempSync(join(tmpdir(), 'jirats-bench-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  JIRA_SERVER: url,
  JIRA_USER: 'admin',
  JIRA_PASSWORD: 'admin',
  JIRATS_CONFIG_DIR: join(home, 'config'),
  JIRATS_DATA_DIR: join(home, 'data'),
  JIRATS_CREDENTIAL_STORE: 'file',
  NO_COLOR: '1',
};
const script = join(home, 'minimal-fetch.mjs');
writeFileSync(
  script,
  `const auth = 'Basic ' + Buffer.from(process.env.JIRA_USER + ':' + process.env.JIRA_PASSWORD).toString('base64');
const res = await fetch(${JSON.stringify(url)} + '/rest/api/2/issue/DEMO-1', { headers: { Authorization: auth, Accept: 'application/json' } });
const issue = await res.json();
console.log(issue.key, issue.fields.summary);
`,
);

try {
  await compare('jirats --version vs node -e 0', [bin, '--version'], ['-e', '0'], env, 1.2);
  // Set the server up once and make one call, which remembers the deployment in the profile.
  const configured: NodeJS.ProcessEnv = { ...env, JIRATS_CONFIG_DIR: join(home, 'configured') };
  delete configured.JIRA_SERVER;
  await run(process.execPath, [bin, 'config', 'server', 'set', url], { env: configured });
  await run(process.execPath, [bin, 'issue', 'get', 'DEMO-1'], { env: configured });
  await compare(
    'jirats issue get vs minimal fetch',
    [bin, 'issue', 'get', 'DEMO-1'],
    [script],
    configured,
    1.2,
  );
  await compare('  first contact, env only', [bin, 'issue', 'get', 'DEMO-1'], [script], env, 1.2);
} finally {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
}
