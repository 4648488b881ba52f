import type { Command } from 'commander';
import type { MembershipChange, User } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface MembersOptions {
  includeInactive?: boolean;
  first?: number;
  pageSize?: number;
}

interface RemoveOptions {
  force?: boolean;
  dryRun?: boolean;
  swapGroup?: string;
}

const MEMBER_COLUMNS: Column<User>[] = [
  { header: 'name', cell: (u) => u.name ?? u.accountId ?? '' },
  { header: 'displayName', cell: (u) => u.displayName },
  { header: 'email', cell: (u) => u.emailAddress ?? '' },
  { header: 'active', cell: (u) => String(u.active) },
];

const CHANGE_COLUMNS: Column<MembershipChange & { who: string }>[] = [
  { header: 'user', cell: (c) => c.who },
  { header: 'group', cell: (c) => c.group },
  { header: 'changed', cell: (c) => String(c.changed) },
  { header: 'note', cell: (c) => c.message ?? '' },
];

const jiraps = (verb: string) => {
  const names = aliasesOf('group', verb);
  return names.length > 0 ? ` (JiraPS: ${names.join(', ')})` : '';
};

/** Registers `group get|members|create|remove|add-member|remove-member`. */
export function register(program: Command): void {
  const group = program.command('group').description('Jira groups and their members');
  group
    .command('get')
    .description(`show a group and its member count${jiraps('get')}`)
    .argument('<name>', 'group name')
    .addHelpText('after', examples('jirats group get jira-software-users'))
    .action(run(getGroup));

  group
    .command('members')
    .description(`list a group's members, all pages${jiraps('members')}`)
    .argument('<name>', 'group name')
    .option('--include-inactive', 'include deactivated users')
    .option('--first <n>', 'stop after this many members', wholeNumber(0))
    .option('--page-size <n>', 'members per request', wholeNumber(1, 1000))
    .addHelpText('after', examples('jirats group members jira-software-users -o csv'))
    .action(run(members));

  group
    .command('create')
    .description(`create a group; administrators only${jiraps('create')}`)
    .argument('<name>', 'group name')
    .addHelpText('after', examples('jirats group create release-managers'))
    .action(run(createGroup));

  group
    .command('remove')
    .description(`delete a group; administrators only${jiraps('remove')}`)
    .argument('<name>', 'group name')
    .option('--swap-group <name>', 'give its comment and worklog restrictions to this group')
    .option('--force', 'do not ask for confirmation')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText('after', examples('jirats group remove release-managers --force'))
    .action(run(removeGroup));

  group
    .command('add-member')
    .description(
      `add users to a group; members already in it are reported, not an error${jiraps('add-member')}`,
    )
    .argument('<group>', 'group name')
    .argument('<users...>', 'account ids, user names, emails or display names')
    .addHelpText('after', examples('jirats group add-member release-managers alice@example.com "Bob Brown"'))
    .action(run((ctx: Context, name: string, users: string[]) => changeMembers(ctx, name, users, 'add')));

  group
    .command('remove-member')
    .description(
      `remove users from a group; non-members are reported, not an error${jiraps('remove-member')}`,
    )
    .argument('<group>', 'group name')
    .argument('<users...>', 'account ids, user names, emails or display names')
    .addHelpText('after', examples('jirats group remove-member release-managers bob@example.com'))
    .action(run((ctx: Context, name: string, users: string[]) => changeMembers(ctx, name, users, 'remove')));
}

async function getGroup(ctx: Context, name: string): Promise<void> {
  const { jira } = await connect(ctx);
  const found = await jira.groups.get(name);
  const fields: [string, string][] = [['name', found.name]];
  if (found.groupId) fields.push(['groupId', found.groupId]);
  if (found.size !== undefined) fields.push(['members', String(found.size)]);
  await entityOutput(ctx.terminal, ctx.format, found.raw, fields);
}

async function members(ctx: Context, name: string, opts: MembersOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, MEMBER_COLUMNS, (u: User) => u.raw);
  for await (const user of jira.groups.members(name, opts)) await out.add(user);
  await out.end();
}

async function createGroup(ctx: Context, name: string): Promise<void> {
  const { jira } = await connect(ctx);
  const created = await jira.groups.create(name);
  const fields: [string, string][] = [['name', created.name]];
  if (created.groupId) fields.push(['groupId', created.groupId]);
  await entityOutput(ctx.terminal, ctx.format, created.raw, fields);
}

async function removeGroup(ctx: Context, name: string, opts: RemoveOptions): Promise<void> {
  const { jira } = await connect(ctx);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    const swap = opts.swapGroup ? `&swapGroup=${encodeURIComponent(opts.swapGroup)}` : '';
    await ctx.terminal.out(
      `DELETE ${jira.server}/rest/api/${version}/group?groupname=${encodeURIComponent(name)}${swap}\n`,
    );
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await askYesNo(`Delete group ${name}? [y/N] `))) throw usageError('not deleted');
  }
  await jira.groups.remove(name, opts.swapGroup ? { swapGroup: opts.swapGroup } : {});
  ctx.terminal.info(`deleted group ${name}`);
}

/** One result line per user, in the order given; the first hard error stops (the lines so far are printed). */
async function changeMembers(
  ctx: Context,
  name: string,
  users: string[],
  how: 'add' | 'remove',
): Promise<void> {
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, CHANGE_COLUMNS, (c) => c);
  try {
    for (const who of users) {
      const change =
        how === 'add' ? await jira.groups.addMember(name, who) : await jira.groups.removeMember(name, who);
      if (!change.changed && change.message) ctx.terminal.warn(`${who}: ${change.message}`);
      await out.add({ ...change, who });
    }
  } finally {
    await out.end();
  }
}
