import { type Command, InvalidArgumentError } from 'commander';
import type { FilterPermission, FilterShareType } from '../../index.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { type Column, listOutput } from '../output/render.js';
import { describeShare, jiraps } from './filter-text.js';
import { examples, run } from './run.js';

interface AddOptions {
  type: FilterShareType;
  group?: string;
  project?: string;
  role?: string;
}

interface RemoveOptions {
  all?: boolean;
  force?: boolean;
}

const TYPES: readonly FilterShareType[] = ['group', 'project', 'projectRole', 'authenticated', 'global'];

const COLUMNS: Column<FilterPermission>[] = [
  { header: 'id', cell: (p) => p.id },
  { header: 'type', cell: (p) => p.type },
  { header: 'shared with', cell: describeShare },
];

/** Registers `filter permission list|add|remove` under the `filter` noun. */
export function registerFilterPermission(filter: Command): void {
  const permission = filter.command('permission').description("a filter's share permissions");
  permission
    .command('list')
    .description(`list who a filter is shared with${jiraps('permission', 'list')}`)
    .argument('<id>', 'filter id')
    .addHelpText('after', examples('jirats filter permission list 10000'))
    .action(run(listPermissions));

  permission
    .command('add')
    .description(`share a filter you own${jiraps('permission', 'add')}`)
    .argument('<id>', 'filter id')
    .requiredOption('--type <type>', `${TYPES.join(', ')}`, shareType)
    .option('--group <name>', 'the group (type group)')
    .option('--project <key>', 'the project, key or id (types project and projectRole)')
    .option('--role <role>', 'the project role, name or id (type projectRole)')
    .addHelpText(
      'after',
      examples(
        'jirats filter permission add 10000 --type group --group jira-software-users',
        'jirats filter permission add 10000 --type projectRole --project DEMO --role Developers',
      ),
    )
    .action(run(addPermission));

  permission
    .command('remove')
    .description(`remove share permissions by id, or all of them${jiraps('permission', 'remove')}`)
    .argument('<id>', 'filter id')
    .argument('[permissionIds...]', 'share permission ids (see `filter permission list`)')
    .option('--all', 'remove every share permission: the filter becomes private')
    .option('--force', 'do not ask for confirmation')
    .addHelpText(
      'after',
      examples(
        'jirats filter permission remove 10000 10100',
        'jirats filter permission remove 10000 --all --force',
      ),
    )
    .action(run(removePermissions));
}

function shareType(value: string): FilterShareType {
  const found = TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
  if (!found) throw new InvalidArgumentError(`expected one of ${TYPES.join(', ')}`);
  return found;
}

async function printList(ctx: Context, shares: FilterPermission[]): Promise<void> {
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (p: FilterPermission) => p.raw);
  for (const share of shares) await out.add(share);
  await out.end();
}

async function listPermissions(ctx: Context, id: string): Promise<void> {
  const { jira } = await connect(ctx);
  await printList(ctx, await jira.filters.permissions.list(id));
}

async function addPermission(ctx: Context, id: string, opts: AddOptions): Promise<void> {
  const needs: Record<FilterShareType, (keyof AddOptions)[]> = {
    group: ['group'],
    project: ['project'],
    projectRole: ['project', 'role'],
    authenticated: [],
    global: [],
  };
  const missing = needs[opts.type].filter((k) => !opts[k]);
  if (missing.length > 0)
    throw usageError(`--type ${opts.type} needs ${missing.map((k) => `--${k}`).join(' and ')}`);
  const { jira } = await connect(ctx);
  await printList(ctx, await jira.filters.permissions.add(id, opts));
}

async function removePermissions(
  ctx: Context,
  id: string,
  ids: string[],
  opts: RemoveOptions,
): Promise<void> {
  if ((opts.all === true) === ids.length > 0)
    throw usageError('give share permission ids or --all (not both)');
  const bad = ids.find((p) => !/^\d+$/.test(p));
  if (bad !== undefined) throw usageError(`a share permission id is a number (got '${bad}')`);
  const { jira } = await connect(ctx);
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not removing without confirmation', 'pass --force to remove');
    const what = opts.all ? 'every share permission' : `share permissions ${ids.join(', ')}`;
    if (!(await askYesNo(`Remove ${what} of filter ${id}? [y/N] `))) throw usageError('not removed');
  }
  if (opts.all) {
    const count = await jira.filters.permissions.removeAll(id);
    ctx.terminal.info(`removed ${count} share permission(s) of filter ${id}`);
    return;
  }
  for (const permissionId of ids) await jira.filters.permissions.remove(id, permissionId);
  ctx.terminal.info(`removed ${ids.length} share permission(s) of filter ${id}`);
}
