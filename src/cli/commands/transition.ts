import type { Command } from 'commander';
import type { Transition, TransitionOptions } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { readInput } from '../io/read-input.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import { type BulkFlags, isBulkRun, withBulkFlags } from './bulk/bulk-flags.js';
import { fieldAssignments, repeatable } from './option-parsers.js';
import { examples, run } from './run.js';

interface ListOptions {
  screen?: boolean;
}

/** Options of `transition run` (and `issue transition`). */
export interface RunOptions {
  comment?: string;
  commentFile?: string;
  field?: string[];
  assignee?: string;
  unassign?: boolean;
  timeSpent?: string;
  started?: string;
  resolution?: string;
}

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;

const COLUMNS: Column<Transition>[] = [
  { header: 'id', cell: (t) => t.id },
  { header: 'name', cell: (t) => t.name },
  { header: 'to', cell: (t) => t.to.name },
  { header: 'category', cell: (t) => t.to.category?.name ?? '' },
  { header: 'fields', cell: (t) => Object.keys(t.fields ?? {}).join(', ') },
];

/** Registers `transition list|run`. */
export function register(program: Command): void {
  const transition = program
    .command('transition')
    .description('move issues through their workflow (transitions by name or id)');

  transition
    .command('list')
    .description('list the transitions an issue offers from its current status')
    .argument('<key>', 'issue key or id, e.g. DEMO-1')
    .option('--screen', "include each transition's screen fields (expand=transitions.fields)")
    .addHelpText(
      'after',
      examples('jirats transition list DEMO-1', 'jirats transition list DEMO-1 --screen -o json'),
    )
    .action(run(listTransitions));

  withRunOptions(
    transition
      .command('run')
      .description(
        `perform a transition by name (any case) or id (JiraPS: ${aliasesOf('transition', 'run').join(', ')})`,
      )
      .argument('<key>', 'issue key or id')
      .argument('<transition>', "transition name or id, e.g. 'In Progress' or 21"),
  )
    .addHelpText(
      'after',
      examples(
        'jirats transition run DEMO-1 "In Progress"',
        'jirats transition run DEMO-12 "Resolve Issue" --resolution "Won\'t Do" --comment "Works as designed"',
        'jirats transition run DEMO-1 Done --time-spent 1h --assignee alice',
      ),
    )
    .action(run(runTransition));
}

/** Adds the options of a transition run to `command`. */
export function withRunOptions(command: Command): Command {
  return command
    .option('--comment <markdown>', 'add this comment (Markdown) with the transition')
    .option('--comment-file <file>', 'read the comment from a file; - reads stdin')
    .option(
      '--field <name=value>',
      'set a screen field by name or id; VALUE is JSON or text (repeatable)',
      repeatable,
    )
    .option('--assignee <user>', 'assign to this user (account id, user name, email or display name)')
    .option('--unassign', 'leave the issue unassigned')
    .option('--time-spent <span>', 'log work with the transition, e.g. "1h 30m"')
    .option('--started <iso>', 'when the logged work started (default: now)')
    .option('--resolution <name>', 'resolution for a transition into a done status');
}

function checkIssue(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

/** `NAME=VALUE` pairs; VALUE is JSON when it parses, else the text itself. */
async function optionsFrom(opts: RunOptions): Promise<TransitionOptions> {
  if (opts.assignee !== undefined && opts.unassign)
    throw usageError('use --assignee or --unassign, not both');
  if (opts.comment !== undefined && opts.commentFile !== undefined)
    throw usageError('give the comment one way: --comment or --comment-file');
  if (opts.started !== undefined && opts.timeSpent === undefined)
    throw usageError('--started needs --time-spent');
  const out: TransitionOptions = {};
  const comment = opts.commentFile === undefined ? opts.comment : await readInput(opts.commentFile);
  if (comment !== undefined) {
    if (comment.trim() === '') throw usageError('the comment is empty');
    out.comment = comment;
  }
  if (opts.field && opts.field.length > 0) out.fields = fieldAssignments(opts.field) ?? {};
  if (opts.assignee !== undefined) out.assignee = opts.assignee;
  if (opts.unassign) out.assignee = null;
  if (opts.timeSpent !== undefined) out.timeSpent = opts.timeSpent;
  if (opts.started !== undefined) out.started = opts.started;
  if (opts.resolution !== undefined) out.resolution = opts.resolution;
  return out;
}

async function listTransitions(ctx: Context, key: string, opts: ListOptions): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (t: Transition) => t.raw);
  for (const transition of await jira.issues.transitions.list(key, { fields: opts.screen === true })) {
    await out.add(transition);
  }
  await out.end();
}

/** Performs the transition, then prints the issue's new status and resolution. */
export async function runTransition(
  ctx: Context,
  key: string,
  name: string,
  opts: RunOptions,
): Promise<void> {
  checkIssue(key);
  if (name.trim() === '') throw usageError('a transition name or id is required');
  const options = await optionsFrom(opts);
  const { jira } = await connect(ctx);
  await jira.issues.transition(key, name, options);
  const issue = await jira.issues.get(key, { fields: ['status', 'resolution', 'assignee'] });
  const resolution = issue.fields.resolution as { name?: string } | null | undefined;
  await entityOutput(ctx.terminal, ctx.format, issue.raw, [
    ['key', issue.key],
    ['status', issue.status ?? ''],
    ['resolution', resolution?.name ?? ''],
    ['assignee', issue.assignee?.displayName ?? ''],
  ]);
}

/**
 * Registers `issue transition KEY TRANSITION`, the same as `transition run`, under the issue noun, and its
 * JQL form `issue transition --jql JQL --to NAME` for every matching issue.
 */
export function registerIssueTransition(issue: Command): void {
  const command = withRunOptions(
    issue
      .command('transition')
      .description(
        'perform a workflow transition by name (any case) or id, on one issue or every --jql match',
      )
      .argument('[key]', 'issue key or id (or use --jql)')
      .argument('[transition]', "transition name or id, e.g. 'In Progress' or 21"),
  )
    .option('--jql <jql>', 'transition every issue this JQL finds (with --to)')
    .option('--to <name>', 'with --jql: the transition, or the status to reach, by name or id')
    .option('--dry-run', 'with --jql: print the requests that would be sent and send nothing')
    .addHelpText(
      'after',
      examples(
        'jirats issue transition DEMO-1 "In Progress" --comment "On it"',
        'jirats issue transition --jql "fixVersion = 1.2 AND status != Done" --to Done',
      ),
    );
  withBulkFlags(command, { concurrency: true }).action(run(issueTransition));
}

interface IssueTransitionOptions extends RunOptions, BulkFlags {
  to?: string;
}

async function issueTransition(
  ctx: Context,
  key: string | undefined,
  name: string | undefined,
  opts: IssueTransitionOptions,
): Promise<void> {
  if (isBulkRun(opts)) {
    if (key !== undefined) throw usageError('give an issue key or --jql, not both');
    const single = Object.entries(opts).find(
      ([option, value]) =>
        value !== undefined && !['jql', 'to', 'journal', 'resume', 'concurrency', 'dryRun'].includes(option),
    );
    if (single)
      throw usageError(`--${single[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is for one issue`);
    return (await import('./bulk/bulk-jql.js')).bulkTransition(ctx, opts);
  }
  if (key === undefined || name === undefined) {
    throw usageError(
      'an issue key and a transition are required',
      'or transition many with --jql JQL --to NAME',
    );
  }
  if (opts.to !== undefined || opts.dryRun || opts.journal !== undefined || opts.concurrency !== undefined) {
    throw usageError('--to, --dry-run, --journal and --concurrency go with --jql');
  }
  return runTransition(ctx, key, name, opts);
}
