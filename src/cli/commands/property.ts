/** `jirats issue property list|get|set|remove`: issue entity properties, JSON values stored on an issue. */
import type { Command } from 'commander';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { parseJsonInput, readInput } from '../io/read-input.js';
import { canPrompt } from '../io/secret-input.js';
import { listOutput } from '../output/render.js';
import { examples, run } from './run.js';

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const JSON_HINT = 'any JSON: {"a":1}, [1,2], 42, true, or a quoted string such as \'"text"\'';

/** Registers the `property` verbs under the `issue` noun. */
export function registerProperty(issue: Command): void {
  const property = issue.command('property').description('read and write issue properties (JSON values)');

  property
    .command('list')
    .description('list the property keys set on an issue')
    .argument('<key>', 'issue key or id, e.g. DEMO-1')
    .addHelpText('after', examples('jirats issue property list DEMO-1'))
    .action(run(listProperties));

  property
    .command('get')
    .description("print a property's JSON value (exit 4 when it is not set)")
    .argument('<key>', 'issue key or id')
    .argument('<property>', 'property key')
    .addHelpText('after', examples('jirats issue property get DEMO-1 support.info'))
    .action(run(getProperty));

  property
    .command('set')
    .description('create or replace a property with a JSON value')
    .argument('<key>', 'issue key or id')
    .argument('<property>', 'property key')
    .argument('[json]', 'the value as JSON (or use --value-file)')
    .option('--value-file <file>', 'read the JSON value from a file; - reads stdin')
    .addHelpText(
      'after',
      examples(
        'jirats issue property set DEMO-1 support.info \'{"team":"payments","level":2}\'',
        'jirats issue property set DEMO-1 reviewed true',
        'jirats issue property set DEMO-1 big --value-file value.json',
      ),
    )
    .action(run(setProperty));

  property
    .command('remove')
    .description('delete a property (asks first on a terminal)')
    .argument('<key>', 'issue key or id')
    .argument('<property>', 'property key')
    .option('--force', 'do not ask for confirmation (required when not on a terminal)')
    .addHelpText('after', examples('jirats issue property remove DEMO-1 support.info --force'))
    .action(run(removeProperty));
}

function checkIssue(key: string): void {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
}

function checkProperty(name: string): void {
  if (name.trim() === '') throw usageError('the property key is empty');
}

async function listProperties(ctx: Context, key: string): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const names = await jira.issues.properties.list(key);
  const out = listOutput(
    ctx.terminal,
    ctx.format,
    [{ header: 'property', cell: (n: string) => n }],
    (n) => n,
  );
  for (const name of names) await out.add(name);
  await out.end();
}

async function getProperty(ctx: Context, key: string, name: string): Promise<void> {
  checkIssue(key);
  checkProperty(name);
  const { jira } = await connect(ctx);
  const value = await jira.issues.properties.get(key, name);
  if (value === undefined) throw new CliError(`${key} has no property '${name}'`, ExitCode.notFound);
  const compact = ctx.format === 'ndjson' || ctx.format === 'csv';
  await ctx.terminal.out(`${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`);
}

async function setProperty(
  ctx: Context,
  key: string,
  name: string,
  json: string | undefined,
  opts: { valueFile?: string },
): Promise<void> {
  checkIssue(key);
  checkProperty(name);
  if (json !== undefined && opts.valueFile !== undefined) {
    throw usageError('give the value one way: an argument or --value-file');
  }
  if (json === undefined && opts.valueFile === undefined) throw usageError('no value', `pass ${JSON_HINT}`);
  const value = parseJsonInput(json ?? (await readInput(opts.valueFile)), JSON_HINT);
  const { jira } = await connect(ctx);
  await jira.issues.properties.set(key, name, value);
  ctx.terminal.info(`set property ${name} on ${key}`);
}

async function removeProperty(
  ctx: Context,
  key: string,
  name: string,
  opts: { force?: boolean },
): Promise<void> {
  checkIssue(key);
  checkProperty(name);
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await confirm(`Delete property ${name} of ${key}? [y/N] `))) throw usageError('not deleted');
  }
  const { jira } = await connect(ctx);
  await jira.issues.properties.remove(key, name);
  ctx.terminal.info(`deleted property ${name} of ${key}`);
}

async function confirm(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}
