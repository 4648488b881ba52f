import { type Command, InvalidArgumentError } from 'commander';
import type { UpdateVersionChanges, Version, VersionOrder, VersionPosition } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { repeatable, wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface ListOptions {
  name?: string[];
  sort?: VersionOrder;
  first?: number;
  pageSize?: number;
}

interface WriteOptions {
  name?: string;
  description?: string;
  startDate?: string;
  releaseDate?: string;
  released?: boolean;
  unreleased?: boolean;
  archived?: boolean;
  unarchived?: boolean;
}

interface MoveOptions {
  position?: string;
  after?: string;
}

interface RemoveOptions {
  moveFixIssuesTo?: string;
  moveAffectedIssuesTo?: string;
  force?: boolean;
  dryRun?: boolean;
}

const COLUMNS: Column<Version>[] = [
  { header: 'id', cell: (v) => v.id },
  { header: 'name', cell: (v) => v.name },
  { header: 'released', cell: (v) => String(v.released) },
  { header: 'archived', cell: (v) => String(v.archived) },
  { header: 'startDate', cell: (v) => v.startDate ?? '' },
  { header: 'releaseDate', cell: (v) => v.releaseDate ?? '' },
];

const ORDERS = ['sequence', 'name', 'startDate', 'releaseDate'];
const POSITIONS = ['first', 'last', 'earlier', 'later'];

const jiraps = (verb: string) => {
  const names = aliasesOf('version', verb);
  return names.length > 0 ? ` (JiraPS: ${names.join(', ')})` : '';
};

/** `name` or `-name` (reversed), as `--sort` takes it. */
function versionOrder(value: string): VersionOrder {
  if (!ORDERS.includes(value.replace(/^-/, ''))) {
    throw new InvalidArgumentError(`expected one of ${ORDERS.join(', ')} (a leading - reverses)`);
  }
  return value as VersionOrder;
}

/** Registers `version list|get|create|set|move|remove`. */
export function register(program: Command): void {
  const version = program.command('version').description("a project's versions (releases)");
  version
    .command('list')
    .description(`list a project's versions, all pages${jiraps('list')}`)
    .argument('<project>', 'project key or id')
    .option('--name <pattern>', 'only names matching (* and ?, any case); repeatable', repeatable)
    .option('--sort <field>', `order by ${ORDERS.join('|')}; --sort=-name reverses`, versionOrder)
    .option('--first <n>', 'stop after this many versions', wholeNumber(0))
    .option('--page-size <n>', 'versions per request', wholeNumber(1, 1000))
    .addHelpText('after', examples('jirats version list DEMO --name "1.*" --sort releaseDate'))
    .action(run(listVersions));

  version
    .command('get')
    .description(`show one version${jiraps('get')}`)
    .argument('<id>', 'version id')
    .action(
      run(async (ctx: Context, id: string) => show(ctx, await (await connect(ctx)).jira.versions.get(id))),
    );

  const writeOptions = (cmd: Command, update: boolean): Command => {
    if (update) cmd.option('--name <name>', 'new name (issues follow)');
    cmd
      .option('--description <text>', 'description')
      .option('--start-date <yyyy-MM-dd>', `start date${update ? " ('' clears it)" : ''}`)
      .option('--release-date <yyyy-MM-dd>', `release date${update ? " ('' clears it)" : ''}`)
      .option('--released', 'mark as released')
      .option('--archived', 'mark as archived');
    if (update)
      cmd.option('--unreleased', 'mark as not released').option('--unarchived', 'mark as not archived');
    return cmd;
  };

  writeOptions(
    version
      .command('create')
      .description(`create a version; project administrators only${jiraps('create')}`)
      .argument('<project>', 'project key, id or name')
      .argument('<name>', 'version name'),
    false,
  )
    .addHelpText('after', examples('jirats version create DEMO 3.0 --release-date 2026-06-30'))
    .action(run(createVersion));

  writeOptions(
    version
      .command('set')
      .description(`change a version${jiraps('set')}`)
      .argument('<id>', 'version id'),
    true,
  )
    .addHelpText('after', examples('jirats version set 10001 --released --release-date 2026-03-20'))
    .action(run(setVersion));

  version
    .command('move')
    .description(`move a version within its project's order${jiraps('move')}`)
    .argument('<id>', 'version id')
    .option('--position <where>', POSITIONS.join('|'))
    .option('--after <id>', 'put it right after this version')
    .addHelpText(
      'after',
      examples('jirats version move 10003 --position first', 'jirats version move 10003 --after 10000'),
    )
    .action(run(moveVersion));

  version
    .command('remove')
    .description(`delete a version${jiraps('remove')}`)
    .argument('<id>', 'version id')
    .option('--move-fix-issues-to <id>', 'issues fixed in it move to this version of the same project')
    .option('--move-affected-issues-to <id>', 'issues affecting it move to this version of the same project')
    .option('--force', 'do not ask for confirmation')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText('after', examples('jirats version remove 10001 --move-fix-issues-to 10002 --force'))
    .action(run(removeVersion));
}

async function show(ctx: Context, found: Version): Promise<void> {
  const fields: [string, string][] = [
    ['id', found.id],
    ['name', found.name],
    ['description', found.description ?? ''],
    ['released', String(found.released)],
    ['archived', String(found.archived)],
    ['startDate', found.startDate ?? ''],
    ['releaseDate', found.releaseDate ?? ''],
  ];
  await entityOutput(ctx.terminal, ctx.format, found.raw, fields);
}

async function listVersions(ctx: Context, project: string, opts: ListOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (v: Version) => v.raw);
  const { sort, ...rest } = opts;
  for await (const found of jira.versions.list(project, { ...rest, ...(sort ? { orderBy: sort } : {}) })) {
    await out.add(found);
  }
  await out.end();
}

/** The fields both create and set send; conflicting flags are a usage error. */
function changesOf(opts: WriteOptions): UpdateVersionChanges {
  if (opts.released && opts.unreleased) throw usageError('--released and --unreleased contradict each other');
  if (opts.archived && opts.unarchived) throw usageError('--archived and --unarchived contradict each other');
  const changes: UpdateVersionChanges = {};
  if (opts.name !== undefined) changes.name = opts.name;
  if (opts.description !== undefined) changes.description = opts.description;
  if (opts.startDate !== undefined) changes.startDate = opts.startDate === '' ? null : opts.startDate;
  if (opts.releaseDate !== undefined) changes.releaseDate = opts.releaseDate === '' ? null : opts.releaseDate;
  if (opts.released || opts.unreleased) changes.released = opts.released === true;
  if (opts.archived || opts.unarchived) changes.archived = opts.archived === true;
  return changes;
}

async function createVersion(ctx: Context, project: string, name: string, opts: WriteOptions): Promise<void> {
  const changes = changesOf(opts);
  const { jira } = await connect(ctx);
  const { startDate, releaseDate, ...rest } = changes;
  const created = await jira.versions.create({
    project,
    name,
    ...rest,
    ...(startDate ? { startDate } : {}),
    ...(releaseDate ? { releaseDate } : {}),
  });
  await show(ctx, created);
}

async function setVersion(ctx: Context, id: string, opts: WriteOptions): Promise<void> {
  const changes = changesOf(opts);
  if (Object.keys(changes).length === 0) throw usageError('nothing to change', 'give at least one option');
  const { jira } = await connect(ctx);
  await show(ctx, await jira.versions.update(id, changes));
}

async function moveVersion(ctx: Context, id: string, opts: MoveOptions): Promise<void> {
  if ((opts.position === undefined) === (opts.after === undefined)) {
    throw usageError('give either --position or --after');
  }
  let to: VersionPosition;
  if (opts.after !== undefined) to = { after: opts.after };
  else {
    const position = (opts.position ?? '').toLowerCase();
    if (!POSITIONS.includes(position)) throw usageError(`--position must be one of ${POSITIONS.join(', ')}`);
    to = position as VersionPosition;
  }
  const { jira } = await connect(ctx);
  await show(ctx, await jira.versions.move(id, to));
}

async function removeVersion(ctx: Context, id: string, opts: RemoveOptions): Promise<void> {
  for (const value of [id, opts.moveFixIssuesTo, opts.moveAffectedIssuesTo]) {
    if (value !== undefined && !/^\d+$/.test(value)) throw usageError(`'${value}' is not a version id`);
  }
  const { jira } = await connect(ctx);
  const body: Record<string, number> = {};
  if (opts.moveFixIssuesTo) body.moveFixIssuesTo = Number(opts.moveFixIssuesTo);
  if (opts.moveAffectedIssuesTo) body.moveAffectedIssuesTo = Number(opts.moveAffectedIssuesTo);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    await ctx.terminal.out(
      `POST ${jira.server}/rest/api/${version}/version/${id}/removeAndSwap\n${JSON.stringify(body)}\n`,
    );
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await askYesNo(`Delete version ${id}? [y/N] `))) throw usageError('not deleted');
  }
  await jira.versions.remove(id, {
    ...(opts.moveFixIssuesTo ? { moveFixIssuesTo: opts.moveFixIssuesTo } : {}),
    ...(opts.moveAffectedIssuesTo ? { moveAffectedIssuesTo: opts.moveAffectedIssuesTo } : {}),
  });
  ctx.terminal.info(`deleted version ${id}`);
}
