/** Handlers of `issue create|set|assign|remove` (loaded only when one of them runs). */
import type {
  CreateIssueInput,
  Issue,
  IssueFieldsInput,
  Jira,
  RequestSpec,
  UpdateIssueChanges,
} from '../../index.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { readInput } from '../io/read-input.js';
import { canPrompt } from '../io/secret-input.js';
import { entityOutput } from '../output/render.js';
import { isBulkRun } from './bulk/bulk-flags.js';
import type { DeleteFlags, UpdateFlags } from './bulk/bulk-jql.js';
import { requestText } from './bulk/dry-run.js';
import { type BulkCreateOptions, bulkCreateIssues, isBulkCreate } from './issue-bulk.js';
import { fieldAssignments } from './option-parsers.js';

interface FieldOptions {
  summary?: string;
  description?: string;
  descriptionFile?: string;
  assignee?: string;
  unassign?: boolean;
  reporter?: string;
  label?: string[];
  parent?: string;
  fixVersion?: string[];
  component?: string[];
  priority?: string;
  due?: string;
  field?: string[];
  dryRun?: boolean;
}

interface CreateOptions extends FieldOptions {
  project?: string;
  type?: string;
}

interface SetOptions extends FieldOptions {
  addComment?: string;
  defaultAssignee?: boolean;
  skipNotification?: boolean;
}

interface AssignOptions {
  unassign?: boolean;
  default?: boolean;
}

interface RemoveOptions extends DeleteFlags {
  includeSubtasks?: boolean;
  force?: boolean;
  dryRun?: boolean;
}

/** Field options of `issue set` that the JQL form does not take (it changes fields with --set). */
const SINGLE_ISSUE_OPTIONS = [
  'summary',
  'description',
  'descriptionFile',
  'assignee',
  'unassign',
  'reporter',
  'label',
  'parent',
  'fixVersion',
  'component',
  'priority',
  'due',
  'field',
  'addComment',
  'defaultAssignee',
  'skipNotification',
] as const;

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkKey(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

/** `NAME=VALUE` pairs; VALUE is JSON when it parses, else the text itself. */
/** The field changes the options ask for (shared by create and set). */
async function fieldsFrom(opts: FieldOptions): Promise<IssueFieldsInput> {
  if (opts.description !== undefined && opts.descriptionFile !== undefined)
    throw usageError('give the description one way: --description or --description-file');
  if (opts.due !== undefined && !DATE.test(opts.due))
    throw usageError(`invalid --due '${opts.due}'`, 'expected a date such as 2026-12-24');
  const input: IssueFieldsInput = {};
  if (opts.summary !== undefined) {
    if (opts.summary.trim() === '') throw usageError('the summary is empty');
    input.summary = opts.summary;
  }
  const description =
    opts.descriptionFile !== undefined ? await readInput(opts.descriptionFile) : opts.description;
  if (description !== undefined) input.description = description;
  if (opts.label) input.labels = opts.label;
  if (opts.parent !== undefined) input.parent = checkKey(opts.parent);
  if (opts.fixVersion) input.fixVersions = opts.fixVersion;
  if (opts.component) input.components = opts.component;
  if (opts.priority !== undefined) input.priority = opts.priority;
  if (opts.due !== undefined) input.dueDate = opts.due;
  const fields = fieldAssignments(opts.field);
  if (fields) input.fields = fields;
  return input;
}

async function printRequests(ctx: Context, jira: Jira, requests: readonly RequestSpec[]): Promise<void> {
  for (const request of requests) await ctx.terminal.out(requestText(jira, request));
}

function issueFields(issue: Issue): [string, string][] {
  return [
    ['key', issue.key],
    ['summary', issue.summary ?? ''],
    ['type', issue.issueType ?? ''],
    ['status', issue.status ?? ''],
    ['assignee', issue.assignee?.displayName ?? ''],
  ];
}

/** `issue create`. */
export async function createIssue(ctx: Context, opts: CreateOptions & BulkCreateOptions): Promise<void> {
  if (isBulkCreate(opts)) {
    if (opts.project !== undefined || opts.type !== undefined || opts.summary !== undefined) {
      throw usageError(
        'with --from-csv or --from-ndjson, every row names its project, issuetype and summary',
      );
    }
    return bulkCreateIssues(ctx, opts);
  }
  if (opts.journal !== undefined) throw usageError('--journal is for --from-csv and --from-ndjson runs');
  if (opts.project === undefined || opts.type === undefined) {
    throw usageError('a project and an issue type are required', 'pass --project KEY --type NAME');
  }
  if (opts.summary === undefined) throw usageError('a summary is required', 'pass --summary TEXT');
  if (opts.assignee !== undefined && opts.unassign)
    throw usageError('use --assignee or --unassign, not both');
  const input: CreateIssueInput = {
    ...(await fieldsFrom(opts)),
    project: opts.project,
    issueType: opts.type,
    summary: opts.summary,
  };
  if (opts.reporter !== undefined) input.reporter = opts.reporter;
  if (opts.assignee !== undefined) input.assignee = opts.assignee;
  if (opts.unassign) input.assignee = null;
  const { jira } = await connect(ctx);
  if (opts.dryRun) return printRequests(ctx, jira, [await jira.issues.createRequest(input)]);
  const issue = await jira.issues.create(input);
  if (ctx.format === 'table') {
    await ctx.terminal.out(`${issue.key}\n`);
    return;
  }
  await entityOutput(ctx.terminal, ctx.format, issue.raw, issueFields(issue));
}

/** `issue set` (and its JQL form, `issue update --jql`). */
export async function setIssue(
  ctx: Context,
  key: string | undefined,
  opts: SetOptions & UpdateFlags,
): Promise<void> {
  if (isBulkRun(opts)) {
    if (key !== undefined) throw usageError('give an issue key or --jql, not both');
    const single = SINGLE_ISSUE_OPTIONS.find((name) => opts[name] !== undefined);
    if (single !== undefined) {
      throw usageError(
        `--${single.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is for one issue`,
        'with --jql, change fields with --set FIELD=VALUE, --add-label and --remove-label',
      );
    }
    return (await import('./bulk/bulk-jql.js')).bulkUpdate(ctx, opts);
  }
  if (key === undefined) throw usageError('an issue key or --jql is required');
  if (opts.set || opts.addLabel || opts.removeLabel || opts.journal !== undefined || opts.concurrency) {
    throw usageError('--set, --add-label, --remove-label, --journal and --concurrency go with --jql');
  }
  checkKey(key);
  const assigneeWays = [opts.assignee !== undefined, opts.unassign, opts.defaultAssignee].filter(Boolean);
  if (assigneeWays.length > 1) throw usageError('use one of --assignee, --unassign and --default-assignee');
  const changes: UpdateIssueChanges = await fieldsFrom(opts);
  if (opts.reporter !== undefined) changes.reporter = opts.reporter;
  if (opts.assignee !== undefined) changes.assignee = opts.assignee;
  if (opts.unassign) changes.assignee = null;
  if (opts.defaultAssignee) changes.assignee = 'default';
  if (opts.addComment !== undefined) {
    if (opts.addComment.trim() === '') throw usageError('the comment is empty');
    changes.addComment = opts.addComment;
  }
  if (Object.keys(changes).length === 0)
    throw usageError(`nothing to change on ${key}`, 'pass at least one field option, e.g. --summary');
  const { jira } = await connect(ctx);
  const notify = opts.skipNotification ? { notify: false } : {};
  if (opts.dryRun) return printRequests(ctx, jira, await jira.issues.updateRequests(key, changes, notify));
  await jira.issues.update(key, changes, notify);
  ctx.terminal.info(`updated ${key}`);
}

/** `issue assign`. */
export async function assignIssue(
  ctx: Context,
  key: string,
  user: string | undefined,
  opts: AssignOptions,
): Promise<void> {
  checkKey(key);
  const ways = [user !== undefined, opts.unassign, opts.default].filter(Boolean).length;
  if (ways !== 1) throw usageError('give exactly one of USER, --unassign and --default');
  const who = opts.unassign ? null : opts.default ? 'default' : (user as string);
  const { jira } = await connect(ctx);
  await jira.issues.assign(key, who);
  ctx.terminal.info(who === null ? `unassigned ${key}` : `assigned ${key}`);
}

/** `issue remove`. */
export async function removeIssues(ctx: Context, keys: string[], opts: RemoveOptions): Promise<void> {
  if (isBulkRun(opts)) {
    if (keys.length > 0) throw usageError('give issue keys or --jql, not both');
    return (await import('./bulk/bulk-jql.js')).bulkDelete(ctx, opts);
  }
  if (keys.length === 0)
    throw usageError('issue keys or --jql are required', 'e.g. jirats issue remove DEMO-9');
  if (opts.journal !== undefined || opts.concurrency)
    throw usageError('--journal and --concurrency go with --jql');
  keys.forEach(checkKey);
  const { jira } = await connect(ctx);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    const requests = keys.map((key) => ({
      method: 'DELETE',
      path: `/rest/api/${version}/issue/${encodeURIComponent(key)}`,
      query: { deleteSubtasks: opts.includeSubtasks ? 'true' : 'false' },
    }));
    return printRequests(ctx, jira, requests);
  }
  if (!opts.force && !opts.yes) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    const what = keys.length === 1 ? keys[0] : `${keys.length} issues (${keys.join(', ')})`;
    if (!(await confirm(`Delete ${what}${opts.includeSubtasks ? ' and their sub-tasks' : ''}? [y/N] `)))
      throw usageError('not deleted');
  }
  for (const key of keys) {
    await jira.issues.remove(key, { includeSubtasks: opts.includeSubtasks === true });
    ctx.terminal.info(`deleted ${key}`);
  }
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
