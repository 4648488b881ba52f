import type { Command } from 'commander';
import type { User } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface SearchOptions {
  includeInactive?: boolean;
  first?: number;
}

interface CreateOptions {
  emailAddress: string;
  name?: string;
  displayName?: string;
  notify: boolean;
}

interface SetOptions {
  displayName?: string;
  emailAddress?: string;
  active?: boolean;
}

interface RemoveOptions {
  force?: boolean;
  dryRun?: boolean;
}

const COLUMNS: Column<User>[] = [
  { header: 'name', cell: (u) => u.name ?? u.accountId ?? '' },
  { header: 'displayName', cell: (u) => u.displayName },
  { header: 'email', cell: (u) => u.emailAddress ?? '' },
  { header: 'active', cell: (u) => String(u.active) },
];

/** Registers `user me|get|search|create|set|remove`. */
export function register(program: Command): void {
  const user = program.command('user').description('Jira users: look up, search, administer');
  user
    .command('me')
    .description('show the signed-in user')
    .addHelpText('after', examples('jirats user me', 'jirats user me --json'))
    .action(run(me));

  user
    .command('get')
    .description(
      `show one user and their groups; no USER means yourself (JiraPS: ${aliasesOf('user', 'get').join(', ')})`,
    )
    .argument('[user]', 'account id (Cloud), user name (Data Center), email or display name')
    .addHelpText('after', examples('jirats user get alice@example.com', 'jirats user get "Bob Brown" --json'))
    .action(run(getUser));

  user
    .command('search')
    .description('list users whose name, display name or email starts with QUERY')
    .argument('<query>', 'the start of a name or email')
    .option('--include-inactive', 'include deactivated users')
    .option('--first <n>', 'stop after this many users', wholeNumber(0))
    .addHelpText('after', examples('jirats user search al', 'jirats user search a --include-inactive -o csv'))
    .action(run(searchUsers));

  user
    .command('create')
    .description(`create a user; administrators only (JiraPS: ${aliasesOf('user', 'create').join(', ')})`)
    .requiredOption('--email-address <address>', "the new user's email address")
    .option('--name <login>', 'user name (Data Center: required)')
    .option('--display-name <text>', 'full name (Data Center; default: the user name)')
    .option('--no-notify', 'do not email the new user (Data Center)')
    .addHelpText(
      'after',
      examples(
        'jirats user create --email-address carol@example.com --name carol --display-name "Carol Clark"',
      ),
    )
    .action(run(createUser));

  user
    .command('set')
    .description(`change a Data Center user (JiraPS: ${aliasesOf('user', 'set').join(', ')})`)
    .argument('<user>', 'user name, email or display name')
    .option('--display-name <text>', 'new full name')
    .option('--email-address <address>', 'new email address')
    .option('--active', 'activate the user')
    .option('--inactive', 'deactivate the user')
    .addHelpText('after', examples('jirats user set carol --display-name "Carol C. Clark" --inactive'))
    .action(run(setUser));

  user
    .command('remove')
    .description(`delete a user; administrators only (JiraPS: ${aliasesOf('user', 'remove').join(', ')})`)
    .argument('<user>', 'account id, user name, email or display name')
    .option('--force', 'do not ask for confirmation')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText('after', examples('jirats user remove carol --force'))
    .action(run(removeUser));
}

async function me(ctx: Context): Promise<void> {
  const { jira } = await connect(ctx);
  await showUser(ctx, await jira.myself());
}

async function getUser(ctx: Context, text: string | undefined): Promise<void> {
  const { jira } = await connect(ctx);
  await showUser(ctx, text === undefined ? await jira.myself() : await jira.users.get(text));
}

async function showUser(ctx: Context, user: User): Promise<void> {
  const fields: [string, string][] = [['displayName', user.displayName]];
  if (user.name !== undefined) fields.push(['name', user.name]);
  if (user.key !== undefined) fields.push(['key', user.key]);
  if (user.accountId !== undefined) fields.push(['accountId', user.accountId]);
  if (user.emailAddress !== undefined) fields.push(['email', user.emailAddress]);
  fields.push(['active', String(user.active)]);
  if (user.timeZone !== undefined) fields.push(['timeZone', user.timeZone]);
  if (user.groups !== undefined) fields.push(['groups', user.groups.join(', ')]);
  await entityOutput(ctx.terminal, ctx.format, user.raw, fields);
}

async function searchUsers(ctx: Context, query: string, opts: SearchOptions): Promise<void> {
  if (query.trim() === '') throw usageError('the search text is empty');
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (u: User) => u.raw);
  for await (const user of jira.users.search(query, opts)) await out.add(user);
  await out.end();
}

async function createUser(ctx: Context, opts: CreateOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const user = await jira.users.create({
    email: opts.emailAddress,
    ...(opts.name === undefined ? {} : { name: opts.name }),
    ...(opts.displayName === undefined ? {} : { displayName: opts.displayName }),
    notify: opts.notify,
  });
  await showUser(ctx, user);
}

async function setUser(ctx: Context, text: string, opts: SetOptions & { inactive?: boolean }): Promise<void> {
  if (opts.active && opts.inactive) throw usageError('give one of --active and --inactive');
  const active = opts.active ? true : opts.inactive ? false : undefined;
  const { jira } = await connect(ctx);
  const user = await jira.users.update(text, {
    ...(opts.displayName === undefined ? {} : { displayName: opts.displayName }),
    ...(opts.emailAddress === undefined ? {} : { email: opts.emailAddress }),
    ...(active === undefined ? {} : { active }),
  });
  await showUser(ctx, user);
}

async function removeUser(ctx: Context, text: string, opts: RemoveOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const ref = await jira.users.resolve(text);
  const query =
    'accountId' in ref ? `accountId=${ref.accountId}` : `username=${encodeURIComponent(ref.name)}`;
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    await ctx.terminal.out(`DELETE ${jira.server}/rest/api/${version}/user?${query}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await askYesNo(`Delete user ${text}? [y/N] `))) throw usageError('not deleted');
  }
  await jira.users.remove(ref);
  ctx.terminal.info(`deleted user ${text}`);
}
