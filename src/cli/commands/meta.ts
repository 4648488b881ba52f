import type { Command } from 'commander';
import type { FieldMeta } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { type Column, listOutput } from '../output/render.js';
import { examples, run } from './run.js';

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;

const COLUMNS: Column<FieldMeta>[] = [
  { header: 'id', cell: (f) => f.id },
  { header: 'name', cell: (f) => f.name },
  { header: 'required', cell: (f) => (f.required ? 'yes' : '') },
  { header: 'type', cell: typeOf },
  { header: 'operations', cell: (f) => f.operations.join(',') },
];

function typeOf(field: FieldMeta): string {
  const type = typeof field.schema.type === 'string' ? field.schema.type : '';
  const items = typeof field.schema.items === 'string' ? field.schema.items : '';
  return type === 'array' && items !== '' ? `array<${items}>` : type;
}

/** Registers `meta create|edit`. */
export function register(program: Command): void {
  const meta = program.command('meta').description('the fields of create and edit screens');
  meta
    .command('create')
    .description(
      `the fields for creating an issue of a type in a project (JiraPS: ${aliasesOf('meta', 'create').join(', ')})`,
    )
    .argument('<project>', 'project key or id')
    .argument('<issuetype>', 'issue type name or id')
    .addHelpText('after', examples('jirats meta create DEMO Task', 'jirats meta create DEMO Bug -o json'))
    .action(run(createMeta));
  meta
    .command('edit')
    .description(`the fields of an issue's edit screen (JiraPS: ${aliasesOf('meta', 'edit').join(', ')})`)
    .argument('<key>', 'issue key or id')
    .addHelpText('after', examples('jirats meta edit DEMO-1'))
    .action(run(editMeta));
}

async function createMeta(ctx: Context, project: string, issueType: string): Promise<void> {
  if (project.trim() === '' || issueType.trim() === '')
    throw usageError('a project and an issue type are required');
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (f: FieldMeta) => f.raw);
  for await (const field of jira.issues.createMeta(project, issueType)) await out.add(field);
  await out.end();
}

async function editMeta(ctx: Context, key: string): Promise<void> {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (f: FieldMeta) => f.raw);
  for (const field of await jira.issues.editMeta(key)) await out.add(field);
  await out.end();
}
