import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { entityOutput } from '../output/render.js';
import { examples, run } from './run.js';

/** Registers `user me`. */
export function register(program: Command): void {
  const user = program.command('user').description('Jira users');
  user
    .command('me')
    .description(`show the signed-in user (JiraPS: ${aliasesOf('user', 'me').join(', ')} without arguments)`)
    .addHelpText('after', examples('jirats user me', 'jirats user me --json'))
    .action(run(me));
}

async function me(ctx: Context): Promise<void> {
  const { jira } = await connect(ctx);
  const user = await jira.myself();
  const fields: [string, string][] = [['displayName', user.displayName]];
  if (user.name !== undefined) fields.push(['name', user.name]);
  if (user.key !== undefined) fields.push(['key', user.key]);
  if (user.accountId !== undefined) fields.push(['accountId', user.accountId]);
  if (user.emailAddress !== undefined) fields.push(['email', user.emailAddress]);
  fields.push(['active', String(user.active)]);
  if (user.timeZone !== undefined) fields.push(['timeZone', user.timeZone]);
  await entityOutput(ctx.terminal, ctx.format, user.raw, fields);
}
