import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { parseRateLimit } from '../../sandbox/rate-limit.js';
import type { Deployment } from '../config/profiles.js';
import type { Context } from '../context.js';
import { sandboxDataFile } from '../embedded-sandbox.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { loadSandbox, type SandboxModule } from '../library.js';
import { entityOutput } from '../output/render.js';
import { TableWriter } from '../output/table.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface StartOptions {
  port: number;
  host: string;
  flavor?: Deployment;
  data?: string;
  generate?: number;
  faults?: string;
  rateLimit?: number;
  contextPath?: string;
}

/** Registers `sandbox start`. */
export function register(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description('a Jira-compatible server for trying things out and testing');
  sandbox
    .command('start')
    .description('serve the sandbox over HTTP until Ctrl+C (SIGINT) or SIGTERM; state is saved to a file')
    .option('--port <port>', 'TCP port (0 picks a free one)', wholeNumber(0, 65535), 2990)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addOption(
      new Option('--flavor <flavor>', 'cloud or datacenter (default: --sandbox-flavor, else cloud)').choices([
        'cloud',
        'datacenter',
      ]),
    )
    .option('--data <file>', 'state file (default: sandbox-<flavor>.json in the jirats data folder)')
    .option('--generate <n>', 'add N generated issues to project LOAD', wholeNumber(0))
    .option('--faults <spec>', 'inject faults, e.g. latency=20,429=0.1,503=0.05,reset=0.02,seed=1')
    .option(
      '--rate-limit <rate>',
      'Cloud-like rate limits: N requests per second (N, N/s or N/m) per user, plus 20 writes per 2 s per issue',
      rateLimitOption,
    )
    .option('--context-path <path>', 'serve under a context path such as /jira')
    .addHelpText(
      'after',
      examples(
        'jirats sandbox start',
        'jirats sandbox start --flavor datacenter --port 8080 --generate 5000',
        'jirats sandbox start --faults 429=0.2,seed=7 --data ./sandbox.json',
        'jirats sandbox start --rate-limit 50/s --faults latency=20',
      ),
    )
    .action(run(start));
}

function rateLimitOption(value: string): number {
  try {
    return parseRateLimit(value);
  } catch {
    throw new InvalidArgumentError('expected N, N/s or N/m with N > 0, e.g. 50/s');
  }
}

async function start(ctx: Context, opts: StartOptions): Promise<void> {
  const flavor = opts.flavor ?? ctx.globals.sandboxFlavor ?? 'cloud';
  const dataFile = opts.data ? resolve(opts.data) : await sandboxDataFile(flavor);
  if (opts.contextPath !== undefined && !/^\/[^?#\s]*[^/?#\s]$/.test(opts.contextPath)) {
    throw usageError(`invalid --context-path '${opts.contextPath}'`, 'expected a path such as /jira');
  }
  const sandboxModule = await loadSandbox();
  const { createSandbox } = sandboxModule;
  let sandbox: ReturnType<typeof createSandbox>;
  try {
    sandbox = createSandbox({
      flavor,
      dataFile,
      generate: opts.generate,
      faults: opts.faults,
      contextPath: opts.contextPath,
      rateLimit:
        opts.rateLimit === undefined ? undefined : { perSecond: opts.rateLimit, perIssueWrites: true },
    });
  } catch (err) {
    throw usageError(`cannot start the sandbox: ${err instanceof Error ? err.message : String(err)}`);
  }
  let url: string;
  try {
    url = await sandbox.listen(opts.port, opts.host);
  } catch (err) {
    await sandbox.close().catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new CliError(
        `port ${opts.port} is already in use`,
        ExitCode.unexpected,
        'pick another with --port, or --port 0',
      );
    }
    throw err;
  }

  // Listen for the stop signals before announcing the URL, so a caller may stop us the moment it reads it.
  const stopped = new Promise<NodeJS.Signals>((done) => {
    const stop = (s: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(s);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const oauthKeyFile = flavor === 'datacenter' ? await writeDemoKey(sandboxModule, dataFile) : undefined;
  await announce(ctx, sandboxModule.DEMO_CREDENTIALS, { url, flavor, dataFile, oauthKeyFile });
  await ctx.terminal.flush();
  const signal = await stopped;
  await sandbox.close();
  ctx.terminal.info(`Sandbox stopped (${signal}); state saved to ${dataFile}.`);
}

async function announce(
  ctx: Context,
  accounts: SandboxModule['DEMO_CREDENTIALS'],
  where: { url: string; flavor: Deployment; dataFile: string; oauthKeyFile?: string },
): Promise<void> {
  const { url, flavor, dataFile, oauthKeyFile } = where;
  const cloud = flavor === 'cloud';
  // Each flavor accepts different secrets: list only those that work on it.
  const rows = accounts.map((a) => (cloud ? [a.user, a.email, a.apiToken] : [a.user, a.password, a.pat]));
  const headers = cloud ? ['USER', 'EMAIL', 'API TOKEN'] : ['USER', 'PASSWORD', 'PAT'];
  if (ctx.format !== 'table') {
    const users = accounts.map((a) =>
      cloud
        ? { user: a.user, email: a.email, apiToken: a.apiToken }
        : { user: a.user, password: a.password, pat: a.pat },
    );
    return entityOutput(ctx.terminal, ctx.format, { url, flavor, dataFile, users }, [
      ['url', url],
      ['flavor', flavor],
      ['dataFile', dataFile],
    ]);
  }
  const t = ctx.terminal;
  await t.out(`Jira sandbox (${flavor}) listening on ${url}\nState file: ${dataFile}\n\n`);
  const table = new TableWriter(t, headers);
  for (const row of rows) await table.row(row);
  await table.end();
  const signIn = cloud
    ? `printf %s admin-api-token | jirats session new --server ${url} --email admin@example.com --api-token-stdin`
    : `printf %s admin | jirats session new --server ${url} --user admin --password-stdin`;
  // The OAuth demo app and consumer are public test values, shown like the demo passwords above.
  const oauth = cloud
    ? `OAuth 2.0: printf %s demo-app-secret | jirats login --oauth2 --client-id demo-app --client-secret-stdin --auth-url ${url} --api-url ${url}`
    : `OAuth 1.0a: jirats login --oauth1 --server ${url} --consumer-key demo-consumer --private-key ${oauthKeyFile ?? 'FILE'}` +
      '\n            (demo consumer key pair, never for real use: DEMO_OAUTH1_CONSUMER in jirats/sandbox)';
  await t.out(`\nTry:  ${signIn}\n${oauth}\nStop: Ctrl+C\n`);
}

/**
 * Writes the demo OAuth 1.0a consumer's private key next to the state file (mode 0600), so the banner can
 * name a file that `jirats login --oauth1 --private-key` reads. The key is public: it only opens the sandbox.
 */
async function writeDemoKey(sandboxModule: SandboxModule, dataFile: string): Promise<string | undefined> {
  const path = join(dirname(dataFile), 'sandbox-oauth1-demo-key.pem');
  try {
    await writeFile(path, sandboxModule.DEMO_OAUTH1_CONSUMER.privateKey, { mode: 0o600 });
    return path;
  } catch {
    return undefined; // the banner then says where the key comes from instead
  }
}
