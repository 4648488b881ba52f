import type { Command } from 'commander';
import type { Project } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface ListOptions {
  first?: number;
  pageSize?: number;
}

const COLUMNS: Column<Project>[] = [
  { header: 'key', cell: (p) => p.key },
  { header: 'name', cell: (p) => p.name },
  { header: 'type', cell: (p) => p.projectTypeKey ?? '' },
  { header: 'lead', cell: (p) => p.lead?.displayName ?? '' },
];

const jiraps = (verb: string) => {
  const names = aliasesOf('project', verb);
  return names.length > 0 ? ` (JiraPS: ${names.join(', ')})` : '';
};

/** Registers `project list|get`. */
export function register(program: Command): void {
  const project = program.command('project').description('Jira projects');
  project
    .command('list')
    .description(`list the projects you may browse${jiraps('list')}`)
    .option('--first <n>', 'stop after this many projects', wholeNumber(0))
    .option('--page-size <n>', 'projects per request (Cloud)', wholeNumber(1, 1000))
    .addHelpText('after', examples('jirats project list', 'jirats project list -o csv'))
    .action(run(listProjects));

  project
    .command('get')
    .description(`show a project with its lead, components and versions${jiraps('get')}`)
    .argument('<project>', 'project key or id')
    .addHelpText('after', examples('jirats project get DEMO', 'jirats project get DEMO --json'))
    .action(run(getProject));
}

async function listProjects(ctx: Context, opts: ListOptions): Promise<void> {
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (p: Project) => p.raw);
  for await (const found of jira.projects.list(opts)) await out.add(found);
  await out.end();
}

async function getProject(ctx: Context, key: string): Promise<void> {
  const { jira } = await connect(ctx);
  const found = await jira.projects.get(key);
  const fields: [string, string][] = [
    ['key', found.key],
    ['id', found.id],
    ['name', found.name],
    ['type', found.projectTypeKey ?? ''],
    ['lead', found.lead?.displayName ?? ''],
    ['description', found.description ?? ''],
    ['issueTypes', (found.issueTypes ?? []).map((t) => t.name).join(', ')],
    ['components', (found.components ?? []).map((c) => c.name).join(', ')],
    ['versions', (found.versions ?? []).map((v) => v.name).join(', ')],
  ];
  await entityOutput(ctx.terminal, ctx.format, found.raw, fields);
}
