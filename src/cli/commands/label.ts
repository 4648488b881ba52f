import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { examples, run } from './run.js';

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;

type Verb = 'set' | 'add' | 'remove' | 'clear';

/** Registers `label set|add|remove|clear`. */
export function register(program: Command): void {
  const label = program
    .command('label')
    .description("change an issue's labels (each change is one edit, never read-then-write)");
  const verbs: [Verb, string, string][] = [
    [
      'set',
      `replace all labels (JiraPS: ${aliasesOf('label', 'set').join(', ')})`,
      'jirats label set DEMO-1 ui login',
    ],
    ['add', 'add labels', 'jirats label add DEMO-1 needs-review'],
    ['remove', 'remove labels', 'jirats label remove DEMO-1 needs-review'],
  ];
  for (const [verb, description, example] of verbs) {
    label
      .command(verb)
      .description(description)
      .argument('<key>', 'issue key or id')
      .argument(verb === 'set' ? '[labels...]' : '<labels...>', 'labels (single words)')
      .addHelpText('after', examples(example))
      .action(run((ctx: Context, key: string, labels: string[]) => change(ctx, verb, key, labels)));
  }
  label
    .command('clear')
    .description('remove every label')
    .argument('<key>', 'issue key or id')
    .addHelpText('after', examples('jirats label clear DEMO-1'))
    .action(run((ctx: Context, key: string) => change(ctx, 'clear', key, [])));
}

async function change(ctx: Context, verb: Verb, key: string, labels: string[]): Promise<void> {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  const bad = labels.find((l) => l.trim() === '' || /\s/.test(l));
  if (bad !== undefined) throw usageError(`invalid label '${bad}'`, 'labels are single words without spaces');
  const { jira } = await connect(ctx);
  if (verb === 'clear') await jira.issues.labels.clear(key);
  else await jira.issues.labels[verb](key, labels);
  ctx.terminal.info(`labels of ${key} changed`);
}
