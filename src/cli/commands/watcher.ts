import type { Command } from 'commander';
import type { User } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { type Column, printList } from '../output/render.js';
import { examples, run } from './run.js';

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;

const COLUMNS: Column<User>[] = [
  { header: 'displayName', cell: (u) => u.displayName },
  { header: 'user', cell: (u) => u.name ?? u.accountId ?? '' },
  { header: 'email', cell: (u) => u.emailAddress ?? '' },
];

/** Registers `watcher list|add|remove`. */
export function register(program: Command): void {
  const watcher = program.command('watcher').description("read and change an issue's watchers");
  const also = (verb: string) => `(JiraPS: ${aliasesOf('watcher', verb).join(', ')})`;

  watcher
    .command('list')
    .description(`list who watches an issue ${also('list')}`)
    .argument('<key>', 'issue key or id, e.g. DEMO-1')
    .addHelpText('after', examples('jirats watcher list DEMO-1 -o json'))
    .action(run(listWatchers));

  watcher
    .command('add')
    .description(`add watchers: user name, email, display name or account id ${also('add')}`)
    .argument('<key>', 'issue key or id')
    .argument('<user...>', 'users to add')
    .addHelpText('after', examples('jirats watcher add DEMO-1 bob@example.com "Alice Example"'))
    .action(run(addWatchers));

  watcher
    .command('remove')
    .description(`remove watchers ${also('remove')}`)
    .argument('<key>', 'issue key or id')
    .argument('<user...>', 'users to remove')
    .addHelpText('after', examples('jirats watcher remove DEMO-1 bob@example.com'))
    .action(run(removeWatchers));
}

function checkIssue(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

async function listWatchers(ctx: Context, key: string): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  await printList(ctx, COLUMNS, await jira.issues.watchers.list(key), ['watcher', 'watchers']);
}

async function addWatchers(ctx: Context, key: string, users: string[]): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  for (const user of users) {
    await jira.issues.watchers.add(key, user);
    ctx.terminal.info(`${user} now watches ${key}`);
  }
}

async function removeWatchers(ctx: Context, key: string, users: string[]): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  for (const user of users) {
    await jira.issues.watchers.remove(key, user);
    ctx.terminal.info(`${user} no longer watches ${key}`);
  }
}
