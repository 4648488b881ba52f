import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import type { Context } from '../context.js';
import { entityOutput } from '../output/render.js';
import { examples, run } from './run.js';

const NEVER_LOGGED = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'set-cookie2'];

/** Registers `headers-log set|get|disable`: response-header logging, saved per profile. */
export function register(program: Command): void {
  const log = program
    .command('headers-log')
    .description('log chosen response headers (X-AREQUESTID, X-ANODEID, ...) on stderr for every command');

  log
    .command('set')
    .description(`choose the headers to log (JiraPS: ${aliasesOf('headers-log', 'set').join(', ')})`)
    .requiredOption('--include <patterns...>', 'header names to log; wildcards * and ?, any case')
    .option('--exclude <patterns...>', 'header names not to log, even if included')
    .addHelpText(
      'after',
      `${examples("jirats headers-log set --include 'X-A*' --exclude X-AUSERNAME", "jirats headers-log set --include 'X-RateLimit-*' Retry-After")}
\nAuthorization, Proxy-Authorization, Cookie and Set-Cookie are never logged.`,
    )
    .action(run(setLog));
  log
    .command('get')
    .description(`show the header-log settings (JiraPS: ${aliasesOf('headers-log', 'get').join(', ')})`)
    .addHelpText('after', examples('jirats headers-log get', 'jirats headers-log get --profile work --json'))
    .action(run(getLog));
  log
    .command('disable')
    .description('stop logging response headers')
    .addHelpText('after', examples('jirats headers-log disable'))
    .action(run(disableLog));
}

async function setLog(ctx: Context, opts: { include: string[]; exclude?: string[] }): Promise<void> {
  const config = await ctx.config();
  const name = await ctx.profileName();
  const profile = config.ensure(name);
  profile.headerLog = { include: opts.include, ...(opts.exclude ? { exclude: opts.exclude } : {}) };
  await config.save();
  const blocked = NEVER_LOGGED.filter((h) => opts.include.some((p) => wildcardMatch(p, h)));
  if (blocked.length > 0) ctx.terminal.warn(`never logged, as they carry secrets: ${blocked.join(', ')}`);
  ctx.terminal.info(
    `Response headers matching ${opts.include.join(', ')} will be logged for profile '${name}'.`,
  );
}

async function getLog(ctx: Context): Promise<void> {
  const headerLog = (await ctx.profile())?.headerLog;
  if (!headerLog) {
    ctx.terminal.info(`Header logging is off for profile '${await ctx.profileName()}'.`);
    return;
  }
  await entityOutput(ctx.terminal, ctx.format, headerLog, [
    ['include', headerLog.include.join(', ')],
    ['exclude', (headerLog.exclude ?? []).join(', ')],
  ]);
}

async function disableLog(ctx: Context): Promise<void> {
  const config = await ctx.config();
  const profile = config.get(await ctx.profileName());
  if (profile?.headerLog) {
    delete profile.headerLog;
    await config.save();
  }
  ctx.terminal.info('Header logging is off.');
}

/** Case-insensitive match of a header name against a pattern with `*` and `?`. */
function wildcardMatch(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}
