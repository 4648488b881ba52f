import type { Command } from 'commander';
import type { Component, UpdateComponentChanges } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { examples, run } from './run.js';

interface WriteOptions {
  name?: string;
  description?: string;
  lead?: string;
}

interface RemoveOptions {
  moveIssuesTo?: string;
  force?: boolean;
  dryRun?: boolean;
}

const COLUMNS: Column<Component>[] = [
  { header: 'id', cell: (c) => c.id },
  { header: 'name', cell: (c) => c.name },
  { header: 'lead', cell: (c) => c.lead?.displayName ?? '' },
  { header: 'description', cell: (c) => c.description ?? '' },
];

const jiraps = (verb: string) => {
  const names = aliasesOf('component', verb);
  return names.length > 0 ? ` (JiraPS: ${names.join(', ')})` : '';
};

/** Registers `component list|get|create|set|remove`. */
export function register(program: Command): void {
  const component = program.command('component').description("a project's components");
  component
    .command('list')
    .description(`list a project's components${jiraps('list')}`)
    .argument('<project>', 'project key or id')
    .addHelpText('after', examples('jirats component list DEMO'))
    .action(run(listComponents));

  component
    .command('get')
    .description(`show one component${jiraps('get')}`)
    .argument('<id>', 'component id')
    .addHelpText('after', examples('jirats component get 10000 --json'))
    .action(
      run(async (ctx: Context, id: string) => show(ctx, await (await connect(ctx)).jira.components.get(id))),
    );

  component
    .command('create')
    .description(`create a component; project administrators only${jiraps('create')}`)
    .argument('<project>', 'project key, id or name')
    .argument('<name>', 'component name')
    .option('--description <text>', 'what the component covers')
    .option('--lead <user>', 'component lead: account id, user name, email or display name')
    .addHelpText('after', examples('jirats component create DEMO Mobile --lead alice@example.com'))
    .action(run(createComponent));

  component
    .command('set')
    .description(`change a component's name, description or lead${jiraps('set')}`)
    .argument('<id>', 'component id')
    .option('--name <name>', 'new name (issues follow)')
    .option('--description <text>', 'new description')
    .option('--lead <user>', "new lead; '' removes the lead")
    .addHelpText('after', examples('jirats component set 10003 --name "Mobile apps"'))
    .action(run(setComponent));

  component
    .command('remove')
    .description(`delete a component${jiraps('remove')}`)
    .argument('<id>', 'component id')
    .option('--move-issues-to <id>', 'give its issues to this component of the same project')
    .option('--force', 'do not ask for confirmation')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText('after', examples('jirats component remove 10002 --move-issues-to 10000 --force'))
    .action(run(removeComponent));
}

async function show(ctx: Context, found: Component): Promise<void> {
  const fields: [string, string][] = [
    ['id', found.id],
    ['name', found.name],
    ['project', found.project ?? ''],
    ['lead', found.lead?.displayName ?? ''],
    ['assigneeType', found.assigneeType ?? ''],
    ['description', found.description ?? ''],
  ];
  await entityOutput(ctx.terminal, ctx.format, found.raw, fields);
}

async function listComponents(ctx: Context, project: string): Promise<void> {
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (c: Component) => c.raw);
  for await (const found of jira.components.list(project)) await out.add(found);
  await out.end();
}

async function createComponent(
  ctx: Context,
  project: string,
  name: string,
  opts: WriteOptions,
): Promise<void> {
  const { jira } = await connect(ctx);
  const created = await jira.components.create({
    project,
    name,
    ...(opts.description === undefined ? {} : { description: opts.description }),
    ...(opts.lead === undefined ? {} : { lead: opts.lead }),
  });
  await show(ctx, created);
}

async function setComponent(ctx: Context, id: string, opts: WriteOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const changes: UpdateComponentChanges = {};
  if (opts.name !== undefined) changes.name = opts.name;
  if (opts.description !== undefined) changes.description = opts.description;
  if (opts.lead !== undefined) changes.lead = opts.lead.trim() === '' ? null : opts.lead;
  if (Object.keys(changes).length === 0)
    throw usageError('nothing to change', 'give --name, --description or --lead');
  await show(ctx, await jira.components.update(id, changes));
}

async function removeComponent(ctx: Context, id: string, opts: RemoveOptions): Promise<void> {
  const { jira } = await connect(ctx);
  if (!/^\d+$/.test(id)) throw usageError(`'${id}' is not a component id`);
  if (opts.moveIssuesTo !== undefined && !/^\d+$/.test(opts.moveIssuesTo)) {
    throw usageError(`'${opts.moveIssuesTo}' is not a component id`);
  }
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    const move = opts.moveIssuesTo ? `?moveIssuesTo=${opts.moveIssuesTo}` : '';
    await ctx.terminal.out(`DELETE ${jira.server}/rest/api/${version}/component/${id}${move}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await askYesNo(`Delete component ${id}? [y/N] `))) throw usageError('not deleted');
  }
  await jira.components.remove(id, opts.moveIssuesTo ? { moveIssuesTo: opts.moveIssuesTo } : {});
  ctx.terminal.info(`deleted component ${id}`);
}
