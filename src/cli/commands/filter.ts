import { type Command, InvalidArgumentError } from 'commander';
import type { Filter, FilterOrderBy } from '../../index.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { registerFilterPermission } from './filter-permission.js';
import { describeShare, jiraps } from './filter-text.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface FindOptions {
  name?: string;
  owner?: string;
  group?: string;
  project?: string;
  sort?: FilterOrderBy;
  first?: number;
  pageSize?: number;
}

interface CreateOptions {
  description?: string;
  favourite?: boolean;
}

interface SetOptions {
  name?: string;
  description?: string;
  jql?: string;
  favourite?: boolean;
}

interface RemoveOptions {
  force?: boolean;
  dryRun?: boolean;
}

const SORTS = ['description', 'favourite_count', 'is_favourite', 'id', 'name', 'owner'];

const FILTER_COLUMNS: Column<Filter>[] = [
  { header: 'id', cell: (f) => f.id },
  { header: 'name', cell: (f) => f.name },
  { header: 'owner', cell: (f) => f.owner?.displayName ?? '' },
  { header: 'favourite', cell: (f) => String(f.favourite) },
  { header: 'shared', cell: (f) => f.sharePermissions.map(describeShare).join(', ') },
  { header: 'jql', cell: (f) => f.jql },
];

/** Registers `filter get|favourites|find|create|set|remove` and `filter permission ...`. */
export function register(program: Command): void {
  const filter = program.command('filter').description('saved filters and who they are shared with');
  filter
    .command('get')
    .description(`show saved filters by id${jiraps('get')}`)
    .argument('<ids...>', 'filter ids')
    .addHelpText('after', examples('jirats filter get 10000', 'jirats filter get 10000 10001 -o json'))
    .action(run(getFilters));

  filter
    .command('favourites')
    .alias('favorites')
    .description(`list your favourite filters${jiraps('favourites')}`)
    .addHelpText('after', examples('jirats filter favourites'))
    .action(run(favourites));

  filter
    .command('find')
    .description(`search the filters you may see; every option given must match${jiraps('find')}`)
    .option('--name <text>', 'part of the name, any case')
    .option('--owner <user>', 'owner: account id, user name, email or display name')
    .option('--group <name>', 'shared with this group')
    .option('--project <key>', 'shared with this project (key or id)')
    .option('--sort <field>', `order by ${SORTS.join(', ')}; a leading - reverses`, sortField)
    .option('--first <n>', 'stop after this many filters', wholeNumber(0))
    .option('--page-size <n>', 'filters per request', wholeNumber(1, 100))
    .addHelpText(
      'after',
      examples('jirats filter find --name bugs', 'jirats filter find --owner alice --sort -name'),
    )
    .action(run(findFilters));

  filter
    .command('create')
    .description(`save a JQL query as a filter (private until shared)${jiraps('create')}`)
    .argument('<name>', 'filter name')
    .argument('<jql>', 'JQL query')
    .option('--description <text>', 'description')
    .option('--favourite', 'mark it as a favourite')
    .addHelpText(
      'after',
      examples(`jirats filter create 'My bugs' 'assignee = currentUser() AND type = Bug'`),
    )
    .action(run(createFilter));

  filter
    .command('set')
    .description(`change a filter you own${jiraps('set')}`)
    .argument('<id>', 'filter id')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .option('--jql <jql>', 'new JQL query')
    .option('--favourite', 'mark it as a favourite')
    .option('--no-favourite', 'unmark it as a favourite')
    .addHelpText('after', examples(`jirats filter set 10000 --jql 'project = DEMO' --favourite`))
    .action(run(setFilter));

  filter
    .command('remove')
    .description(`delete a filter (its owner or a Jira administrator)${jiraps('remove')}`)
    .argument('<id>', 'filter id')
    .option('--force', 'do not ask for confirmation')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText('after', examples('jirats filter remove 10000 --force'))
    .action(run(removeFilter));

  registerFilterPermission(filter);
}

function sortField(value: string): FilterOrderBy {
  if (!SORTS.includes(value.replace(/^-/, ''))) {
    throw new InvalidArgumentError(`expected one of ${SORTS.join(', ')} (a leading - reverses)`);
  }
  return value as FilterOrderBy;
}

async function showFilter(ctx: Context, filter: Filter): Promise<void> {
  const fields: [string, string][] = [
    ['id', filter.id],
    ['name', filter.name],
    ['owner', filter.owner?.displayName ?? ''],
    ['jql', filter.jql],
    ['description', filter.description],
    ['favourite', String(filter.favourite)],
    ['shared', filter.sharePermissions.map(describeShare).join(', ') || 'private'],
  ];
  if (filter.viewUrl) fields.push(['url', filter.viewUrl]);
  await entityOutput(ctx.terminal, ctx.format, filter.raw, fields);
}

async function getFilters(ctx: Context, ids: string[]): Promise<void> {
  const { jira } = await connect(ctx);
  if (ids.length === 1) return showFilter(ctx, await jira.filters.get(ids[0] ?? ''));
  const out = listOutput(ctx.terminal, ctx.format, FILTER_COLUMNS, (f: Filter) => f.raw);
  try {
    for (const id of ids) await out.add(await jira.filters.get(id));
  } finally {
    await out.end();
  }
}

async function favourites(ctx: Context): Promise<void> {
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, FILTER_COLUMNS, (f: Filter) => f.raw);
  for (const filter of await jira.filters.favourites()) await out.add(filter);
  await out.end();
}

async function findFilters(ctx: Context, opts: FindOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const { sort, ...rest } = opts;
  const out = listOutput(ctx.terminal, ctx.format, FILTER_COLUMNS, (f: Filter) => f.raw);
  try {
    for await (const filter of jira.filters.find({ ...rest, ...(sort ? { orderBy: sort } : {}) }))
      await out.add(filter);
  } finally {
    await out.end();
  }
}

async function createFilter(ctx: Context, name: string, jql: string, opts: CreateOptions): Promise<void> {
  const { jira } = await connect(ctx);
  await showFilter(ctx, await jira.filters.create({ name, jql, ...opts }));
}

async function setFilter(ctx: Context, id: string, opts: SetOptions): Promise<void> {
  if (Object.values(opts).every((v) => v === undefined)) {
    throw usageError('nothing to change', 'give --name, --description, --jql, --favourite or --no-favourite');
  }
  const { jira } = await connect(ctx);
  await showFilter(ctx, await jira.filters.update(id, opts));
}

async function removeFilter(ctx: Context, id: string, opts: RemoveOptions): Promise<void> {
  if (!/^\d+$/.test(id)) throw usageError(`a filter id is a number (got '${id}')`);
  const { jira } = await connect(ctx);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    await ctx.terminal.out(`DELETE ${jira.server}/rest/api/${version}/filter/${id}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    const filter = await jira.filters.get(id);
    if (!(await askYesNo(`Delete filter ${id} (${filter.name})? [y/N] `))) throw usageError('not deleted');
  }
  await jira.filters.remove(id);
  ctx.terminal.info(`deleted filter ${id}`);
}
