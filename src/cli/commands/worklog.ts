import type { Command } from 'commander';
import type { AddWorklogInput, EstimateAdjustment, Worklog } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { readInput } from '../io/read-input.js';
import { canPrompt } from '../io/secret-input.js';
import { singleLine } from '../output/cells.js';
import { type Column, entityOutput, printList } from '../output/render.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface ListOptions {
  first?: number;
  skip?: number;
  pageSize?: number;
}

interface EstimateOptions {
  newEstimate?: string;
  reduceBy?: string;
  increaseBy?: string;
  leaveEstimate?: boolean;
}

interface WriteOptions extends EstimateOptions {
  timeSpent?: string;
  started?: string;
  comment?: string;
  commentFile?: string;
}

interface RemoveOptions extends EstimateOptions {
  force?: boolean;
  dryRun?: boolean;
}

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const WORKLOG_ID = /^[1-9]\d*$/;

const COLUMNS: Column<Worklog>[] = [
  { header: 'id', cell: (w) => w.id },
  { header: 'author', cell: (w) => w.author?.displayName ?? '' },
  { header: 'started', cell: (w) => w.started ?? '' },
  { header: 'time spent', cell: (w) => w.timeSpent ?? String(w.timeSpentSeconds) },
  {
    header: 'comment',
    cell: (w) => singleLine((w.comment ?? '').split('\n').find((l) => l.trim() !== '') ?? ''),
  },
];

/** Registers `worklog list|get|add|update|remove`. */
export function register(program: Command): void {
  const worklog = program.command('worklog').description('log work on issues and read it back');

  worklog
    .command('list')
    .description(
      `list an issue's worklogs, oldest first (JiraPS: ${aliasesOf('worklog', 'list').join(', ')})`,
    )
    .argument('<key>', 'issue key or id, e.g. DEMO-1')
    .option('--first <n>', 'stop after this many worklogs', wholeNumber(0))
    .option('--skip <n>', 'skip this many worklogs first', wholeNumber(0))
    .option('--page-size <n>', 'worklogs per request', wholeNumber(1, 5000))
    .addHelpText('after', examples('jirats worklog list DEMO-1', 'jirats worklog list DEMO-1 -o json'))
    .action(run(listWorklogs));

  worklog
    .command('get')
    .description('show one worklog')
    .argument('<key>', 'issue key or id')
    .argument('<id>', 'worklog id')
    .action(run(getWorklog));

  withEstimateOptions(
    withWriteOptions(
      worklog
        .command('add')
        .description(`log work on an issue (JiraPS: ${aliasesOf('worklog', 'add').join(', ')})`)
        .argument('<key>', 'issue key or id'),
    ),
    'reduce',
  )
    .addHelpText(
      'after',
      examples(
        'jirats worklog add DEMO-1 --time-spent "1h 30m"',
        'jirats worklog add DEMO-1 --time-spent 2d --started 2026-01-05T09:00:00Z --comment "Spike on **caching**"',
        'jirats worklog add DEMO-1 --time-spent 1h --new-estimate 3h',
      ),
    )
    .action(run(addWorklog));

  withEstimateOptions(
    withWriteOptions(
      worklog
        .command('update')
        .description('change a worklog (only what you pass)')
        .argument('<key>', 'issue key or id')
        .argument('<id>', 'worklog id'),
    ),
    'reduce',
  )
    .addHelpText('after', examples('jirats worklog update DEMO-1 10400 --time-spent 45m'))
    .action(run(updateWorklog));

  withEstimateOptions(
    worklog
      .command('remove')
      .description('delete a worklog (asks first on a terminal)')
      .argument('<key>', 'issue key or id')
      .argument('<id>', 'worklog id')
      .option('--force', 'do not ask for confirmation (required when not on a terminal)')
      .option('--dry-run', 'print the request that would be sent and send nothing'),
    'increase',
  )
    .addHelpText('after', examples('jirats worklog remove DEMO-1 10400 --force'))
    .action(run(removeWorklog));
}

function withWriteOptions(command: Command): Command {
  return command
    .option('--time-spent <span>', 'time spent: "1h 30m", 90m, 1.5h, 2d, 1w (1d = 8h, 1w = 5d)')
    .option('--started <iso>', 'when the work started, e.g. 2026-01-05T09:00:00Z (default: now)')
    .option('--comment <markdown>', 'a comment in Markdown')
    .option('--comment-file <file>', 'read the comment from a file; - reads stdin');
}

function withEstimateOptions(command: Command, manual: 'reduce' | 'increase'): Command {
  const out = command
    .option('--new-estimate <span>', 'set the remaining estimate to this')
    .option('--leave-estimate', 'leave the remaining estimate as it is');
  return manual === 'reduce'
    ? out.option('--reduce-by <span>', 'reduce the remaining estimate by this, not by the time spent')
    : out.option('--increase-by <span>', 'increase the remaining estimate by this, not by the time spent');
}

function checkIssue(key: string): void {
  if (!ISSUE.test(key))
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
}

function checkId(id: string): void {
  if (!WORKLOG_ID.test(id)) throw usageError(`invalid worklog id '${id}'`, 'expected a number such as 10400');
}

function adjustmentFrom(opts: EstimateOptions): EstimateAdjustment | undefined {
  const given = [opts.newEstimate, opts.reduceBy, opts.increaseBy, opts.leaveEstimate || undefined].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1) throw usageError('give one estimate option at most');
  if (opts.newEstimate !== undefined) return { newEstimate: opts.newEstimate };
  if (opts.reduceBy !== undefined) return { reduceBy: opts.reduceBy };
  if (opts.increaseBy !== undefined) return { increaseBy: opts.increaseBy };
  return opts.leaveEstimate ? 'leave' : undefined;
}

async function inputFrom(opts: WriteOptions): Promise<Partial<AddWorklogInput>> {
  if (opts.comment !== undefined && opts.commentFile !== undefined)
    throw usageError('give the comment one way: --comment or --comment-file');
  const input: Partial<AddWorklogInput> = {};
  if (opts.timeSpent !== undefined) input.timeSpent = opts.timeSpent;
  if (opts.started !== undefined) input.started = opts.started;
  const comment = opts.commentFile === undefined ? opts.comment : await readInput(opts.commentFile);
  if (comment !== undefined) input.comment = comment;
  const adjust = adjustmentFrom(opts);
  if (adjust !== undefined) input.adjustEstimate = adjust;
  return input;
}

function worklogFields(w: Worklog): [string, string][] {
  return [
    ['id', w.id],
    ['author', w.author?.displayName ?? ''],
    ['started', w.started ?? ''],
    ['time spent', w.timeSpent ?? String(w.timeSpentSeconds)],
    ['seconds', String(w.timeSpentSeconds)],
    ['comment', w.comment ?? ''],
  ];
}

async function listWorklogs(ctx: Context, key: string, opts: ListOptions): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const list = jira.issues.worklogs.list(key, {
    first: opts.first,
    skip: opts.skip,
    pageSize: opts.pageSize,
  });
  await printList(ctx, COLUMNS, list, ['worklog', 'worklogs']);
}

async function getWorklog(ctx: Context, key: string, id: string): Promise<void> {
  checkIssue(key);
  checkId(id);
  const { jira } = await connect(ctx);
  const worklog = await jira.issues.worklogs.get(key, id);
  await entityOutput(ctx.terminal, ctx.format, worklog.raw, worklogFields(worklog));
}

async function addWorklog(ctx: Context, key: string, opts: WriteOptions): Promise<void> {
  checkIssue(key);
  const input = await inputFrom(opts);
  if (input.timeSpent === undefined)
    throw usageError('--time-spent is required', 'e.g. --time-spent "1h 30m"');
  const { jira } = await connect(ctx);
  const worklog = await jira.issues.worklogs.add(key, { ...input, timeSpent: input.timeSpent });
  await entityOutput(ctx.terminal, ctx.format, worklog.raw, worklogFields(worklog));
}

async function updateWorklog(ctx: Context, key: string, id: string, opts: WriteOptions): Promise<void> {
  checkIssue(key);
  checkId(id);
  const input = await inputFrom(opts);
  if (input.timeSpent === undefined && input.started === undefined && input.comment === undefined)
    throw usageError('nothing to change', 'pass --time-spent, --started or --comment');
  const { jira } = await connect(ctx);
  const worklog = await jira.issues.worklogs.update(key, id, input);
  await entityOutput(ctx.terminal, ctx.format, worklog.raw, worklogFields(worklog));
}

async function removeWorklog(ctx: Context, key: string, id: string, opts: RemoveOptions): Promise<void> {
  checkIssue(key);
  checkId(id);
  const adjustEstimate = adjustmentFrom(opts);
  const { jira } = await connect(ctx);
  if (opts.dryRun) {
    // Reading the deployment may ask serverInfo; nothing that changes data is sent.
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    const path = `/rest/api/${version}/issue/${encodeURIComponent(key)}/worklog/${id}`;
    await ctx.terminal.out(`DELETE ${jira.server}${path}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await confirm(`Delete worklog ${id} on ${key}? [y/N] `))) throw usageError('not deleted');
  }
  await jira.issues.worklogs.remove(key, id, adjustEstimate === undefined ? {} : { adjustEstimate });
  ctx.terminal.info(`deleted worklog ${id} on ${key}`);
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
