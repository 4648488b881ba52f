import type { Command } from 'commander';
import type { Comment, CommentVisibility, RichTextInput } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { parseJsonInput, readInput } from '../io/read-input.js';
import { canPrompt } from '../io/secret-input.js';
import { singleLine } from '../output/cells.js';
import { type Column, entityOutput, printList } from '../output/render.js';
import { wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface BodyOptions {
  bodyFile?: string;
  rawAdf?: string;
  visibilityRole?: string;
  visibilityGroup?: string;
}

interface ListOptions {
  first?: number;
  skip?: number;
  pageSize?: number;
}

interface RemoveOptions {
  force?: boolean;
  dryRun?: boolean;
}

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const COMMENT_ID = /^[1-9]\d*$/;

const COLUMNS: Column<Comment>[] = [
  { header: 'id', cell: (c) => c.id },
  { header: 'author', cell: (c) => c.author?.displayName ?? '' },
  { header: 'created', cell: (c) => c.created ?? '' },
  { header: 'body', cell: (c) => singleLine((c.body ?? '').split('\n').find((l) => l.trim() !== '') ?? '') },
];

/** Registers `comment list|add|update|remove`. */
export function register(program: Command): void {
  const comment = program.command('comment').description('read and write issue comments (Markdown bodies)');

  comment
    .command('list')
    .description(
      `list an issue's comments, oldest first (JiraPS: ${aliasesOf('comment', 'list').join(', ')})`,
    )
    .argument('<key>', 'issue key or id, e.g. DEMO-1')
    .option('--first <n>', 'stop after this many comments', wholeNumber(0))
    .option('--skip <n>', 'skip this many comments first', wholeNumber(0))
    .option('--page-size <n>', 'comments per request', wholeNumber(1, 5000))
    .addHelpText('after', examples('jirats comment list DEMO-1', 'jirats comment list DEMO-1 -o ndjson'))
    .action(run(listComments));

  withBodyOptions(
    comment
      .command('add')
      .description(`add a comment written in Markdown (JiraPS: ${aliasesOf('comment', 'add').join(', ')})`)
      .argument('<key>', 'issue key or id')
      .argument('[body]', 'the comment as Markdown (or use --body-file / --raw-adf)'),
  )
    .addHelpText(
      'after',
      examples(
        'jirats comment add DEMO-1 "Fixed in **build 42**"',
        'jirats comment add DEMO-1 --body-file notes.md --visibility-role Developers',
        'git log -1 --format=%B | jirats comment add DEMO-1 --body-file -',
      ),
    )
    .action(run(addComment));

  withBodyOptions(
    comment
      .command('update')
      .description("replace a comment's body")
      .argument('<key>', 'issue key or id')
      .argument('<id>', 'comment id')
      .argument('[body]', 'the new body as Markdown (or use --body-file / --raw-adf)'),
  )
    .addHelpText('after', examples('jirats comment update DEMO-1 10400 "Corrected: **build 43**"'))
    .action(run(updateComment));

  comment
    .command('remove')
    .description('delete a comment (asks first on a terminal)')
    .argument('<key>', 'issue key or id')
    .argument('<id>', 'comment id')
    .option('--force', 'do not ask for confirmation (required when not on a terminal)')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText(
      'after',
      examples('jirats comment remove DEMO-1 10400', 'jirats comment remove DEMO-1 10400 --force'),
    )
    .action(run(removeComment));
}

function withBodyOptions(command: Command): Command {
  return command
    .option('--body-file <file>', 'read the Markdown body from a file; - reads stdin')
    .option('--raw-adf <file>', 'send this ADF JSON file as the body, untouched (Cloud only)')
    .option('--visibility-role <name>', 'only members of this project role may see the comment')
    .option('--visibility-group <name>', 'only members of this group may see the comment');
}

function checkIssue(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

function checkCommentId(id: string): string {
  if (!COMMENT_ID.test(id)) throw usageError(`invalid comment id '${id}'`, 'expected a number such as 10400');
  return id;
}

/** The body from exactly one source: the argument, --body-file or --raw-adf. */
async function bodyFrom(text: string | undefined, opts: BodyOptions): Promise<RichTextInput> {
  const sources = [text, opts.bodyFile, opts.rawAdf].filter((s) => s !== undefined).length;
  if (sources === 0)
    throw usageError('no comment body', 'pass the body, --body-file FILE|- or --raw-adf FILE');
  if (sources > 1) throw usageError('give the body one way: an argument, --body-file or --raw-adf');
  if (opts.rawAdf !== undefined) {
    const expected = 'an ADF document: {"type":"doc","version":1,"content":[...]}';
    const value = parseJsonInput(await readInput(opts.rawAdf), expected);
    const { isAdfDoc } = await import('../../text/index.js');
    if (!isAdfDoc(value)) throw usageError('--raw-adf is not an ADF document', `expected ${expected}`);
    return { adf: value };
  }
  const markdown = text ?? (await readInput(opts.bodyFile));
  if (markdown.trim() === '') throw usageError('the comment body is empty');
  return markdown;
}

function visibilityFrom(opts: BodyOptions): CommentVisibility | undefined {
  if (opts.visibilityRole !== undefined && opts.visibilityGroup !== undefined) {
    throw usageError('use --visibility-role or --visibility-group, not both');
  }
  if (opts.visibilityRole !== undefined) return { type: 'role', value: opts.visibilityRole };
  if (opts.visibilityGroup !== undefined) return { type: 'group', value: opts.visibilityGroup };
  return undefined;
}

function commentFields(comment: Comment): [string, string][] {
  return [
    ['id', comment.id],
    ['author', comment.author?.displayName ?? ''],
    ['created', comment.created ?? ''],
    ['updated', comment.updated ?? ''],
    ['visibility', comment.visibility ? `${comment.visibility.type}: ${comment.visibility.value}` : ''],
    ['body', comment.body ?? ''],
  ];
}

async function listComments(ctx: Context, key: string, opts: ListOptions): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const comments = jira.issues.comments.list(key, {
    first: opts.first,
    skip: opts.skip,
    pageSize: opts.pageSize,
  });
  await printList(ctx, COLUMNS, comments, ['comment', 'comments']);
}

async function addComment(
  ctx: Context,
  key: string,
  text: string | undefined,
  opts: BodyOptions,
): Promise<void> {
  checkIssue(key);
  const body = await bodyFrom(text, opts);
  const visibility = visibilityFrom(opts);
  const { jira } = await connect(ctx);
  const comment = await jira.issues.comments.add(key, body, visibility ? { visibility } : {});
  await entityOutput(ctx.terminal, ctx.format, comment.raw, commentFields(comment));
}

async function updateComment(
  ctx: Context,
  key: string,
  id: string,
  text: string | undefined,
  opts: BodyOptions,
): Promise<void> {
  checkIssue(key);
  checkCommentId(id);
  const body = await bodyFrom(text, opts);
  const visibility = visibilityFrom(opts);
  const { jira } = await connect(ctx);
  const comment = await jira.issues.comments.update(key, id, body, visibility ? { visibility } : {});
  await entityOutput(ctx.terminal, ctx.format, comment.raw, commentFields(comment));
}

async function removeComment(ctx: Context, key: string, id: string, opts: RemoveOptions): Promise<void> {
  checkIssue(key);
  checkCommentId(id);
  const { jira } = await connect(ctx);
  if (opts.dryRun) {
    // Reading the deployment may ask serverInfo; nothing that changes data is sent.
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    const path = `/rest/api/${version}/issue/${encodeURIComponent(key)}/comment/${id}`;
    await ctx.terminal.out(`DELETE ${jira.server}${path}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    if (!(await confirm(`Delete comment ${id} on ${key}? [y/N] `))) {
      throw usageError('not deleted');
    }
  }
  await jira.issues.comments.remove(key, id);
  ctx.terminal.info(`deleted comment ${id} on ${key}`);
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
