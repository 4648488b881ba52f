import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { entityOutput } from '../output/render.js';
import { examples, run } from './run.js';

/** Registers `server info`. */
export function register(program: Command): void {
  const server = program.command('server').description('facts about the Jira server');
  server
    .command('info')
    .description(
      `show the server's version and deployment (JiraPS: ${aliasesOf('server', 'info').join(', ')})`,
    )
    .option('--fresh', 'ask the server again instead of using a cached answer')
    .addHelpText(
      'after',
      examples('jirats server info', 'jirats server info --server https://jira.example.com --json'),
    )
    .action(run(serverInfo));
}

async function serverInfo(ctx: Context, opts: { fresh?: boolean }): Promise<void> {
  const { jira } = await connect(ctx);
  const info = await jira.serverInfo({ fresh: opts.fresh });
  await entityOutput(ctx.terminal, ctx.format, info.raw, [
    ['baseUrl', info.baseUrl],
    ['title', info.serverTitle ?? ''],
    ['version', info.version],
    ['build', String(info.buildNumber)],
    ['deployment', info.deployment],
    ['deploymentType', info.deploymentType],
    ['serverTime', info.serverTime ?? ''],
  ]);
}
