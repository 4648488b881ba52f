import type { Command } from 'commander';
import type { IssueLink, LinkedIssueRef } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { readInput } from '../io/read-input.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { singleLine } from '../output/cells.js';
import { type Column, entityOutput, printList } from '../output/render.js';
import { examples, run } from './run.js';

interface AddOptions {
  comment?: string;
  commentFile?: string;
  dryRun?: boolean;
}

interface RemoveOptions {
  all?: string;
  force?: boolean;
  dryRun?: boolean;
}

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const LINK_ID = /^[1-9]\d*$/;

const COLUMNS: Column<IssueLink>[] = [
  { header: 'id', cell: (l) => l.id },
  { header: 'type', cell: (l) => l.type.name },
  { header: 'link', cell: (l) => l.phrase ?? '' },
  { header: 'issue', cell: (l) => l.issue?.key ?? '' },
  { header: 'status', cell: (l) => l.issue?.status ?? '' },
  { header: 'summary', cell: (l) => singleLine(l.issue?.summary ?? '') },
];

/** Registers `link add|list|get|remove`. */
export function register(program: Command): void {
  const link = program.command('link').description('link issues to each other ("DEMO-1 blocks DEMO-2")');

  link
    .command('add')
    .description(
      `link two issues, read as a sentence: FROM TYPE TO (JiraPS: ${aliasesOf('link', 'add').join(', ')})`,
    )
    .argument('<from>', 'the issue the sentence starts with')
    .argument(
      '<type-and-to...>',
      'the link type (name, outward or inward phrase, or id; several words need no quotes), then the other issue',
    )
    .option('--comment <markdown>', 'also add this comment (Markdown) to the linking issue')
    .option('--comment-file <file>', 'read the comment from a file; - reads stdin')
    .option('--dry-run', 'print the request that would be sent and send nothing')
    .addHelpText(
      'after',
      examples(
        'jirats link add DEMO-1 blocks DEMO-2',
        'jirats link add DEMO-1 is blocked by DEMO-2',
        'jirats link add DEMO-3 Duplicate DEMO-4 --comment "Same crash as DEMO-4"',
      ),
    )
    .action(run(addLink));

  link
    .command('list')
    .description(`list an issue's links with their direction (JiraPS: the IssueLinks of Get-JiraIssue)`)
    .argument('<key>', 'issue key or id')
    .addHelpText('after', examples('jirats link list DEMO-1', 'jirats link list DEMO-1 -o json'))
    .action(run(listLinks));

  link
    .command('get')
    .description(`show one link by id (JiraPS: ${aliasesOf('link', 'get').join(', ')})`)
    .argument('<id>', 'link id, as `link list` shows it')
    .action(run(getLink));

  link
    .command('remove')
    .description(
      `delete links by id, or every link of an issue with --all (JiraPS: ${aliasesOf('link', 'remove').join(', ')})`,
    )
    .argument('[ids...]', 'link ids')
    .option('--all <key>', 'remove every link of this issue')
    .option('--force', 'do not ask for confirmation (required when not on a terminal)')
    .option('--dry-run', 'print the requests that would be sent and send nothing')
    .addHelpText(
      'after',
      examples('jirats link remove 10400 --force', 'jirats link remove --all DEMO-1 --dry-run'),
    )
    .action(run(removeLinks));
}

function checkIssue(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

function checkLinkId(id: string): string {
  if (!LINK_ID.test(id)) throw usageError(`invalid link id '${id}'`, 'expected a number such as 10400');
  return id;
}

async function commentFrom(opts: AddOptions): Promise<string | undefined> {
  if (opts.comment !== undefined && opts.commentFile !== undefined) {
    throw usageError('give the comment one way: --comment or --comment-file');
  }
  const text =
    opts.comment ?? (opts.commentFile === undefined ? undefined : await readInput(opts.commentFile));
  if (text !== undefined && text.trim() === '') throw usageError('the comment is empty');
  return text;
}

function ref(issue: LinkedIssueRef | undefined): string {
  return issue ? [issue.key, issue.summary].filter(Boolean).join('  ') : '';
}

function linkFields(link: IssueLink): [string, string][] {
  return [
    ['id', link.id],
    ['type', link.type.name],
    ['link', `${link.from?.key ?? '?'} ${link.type.outward} ${link.to?.key ?? '?'}`],
    ['from', ref(link.from)],
    ['to', ref(link.to)],
  ];
}

async function addLink(ctx: Context, from: string, rest: string[], opts: AddOptions): Promise<void> {
  checkIssue(from);
  const to = rest.at(-1) ?? '';
  const type = rest.slice(0, -1).join(' ');
  if (type === '') throw usageError('expected FROM TYPE TO', 'e.g. jirats link add DEMO-1 blocks DEMO-2');
  checkIssue(to);
  const comment = await commentFrom(opts);
  const { jira } = await connect(ctx);
  const input = { from, type, to, ...(comment === undefined ? {} : { comment }) };
  if (opts.dryRun) {
    // Resolving the type reads the link types; nothing that changes data is sent.
    const request = await jira.issues.links.request(input);
    await ctx.terminal.out(
      `${request.method} ${jira.server}${request.path}\n${JSON.stringify(request.body, null, 2)}\n`,
    );
    return;
  }
  const link = await jira.issues.links.add(input);
  await entityOutput(ctx.terminal, ctx.format, link.raw, linkFields(link));
}

async function listLinks(ctx: Context, key: string): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  await printList(ctx, COLUMNS, await jira.issues.links.list(key), ['link', 'links']);
}

async function getLink(ctx: Context, id: string): Promise<void> {
  checkLinkId(id);
  const { jira } = await connect(ctx);
  const link = await jira.issues.links.get(id);
  await entityOutput(ctx.terminal, ctx.format, link.raw, linkFields(link));
}

async function removeLinks(ctx: Context, ids: string[], opts: RemoveOptions): Promise<void> {
  if (opts.all !== undefined && ids.length > 0) throw usageError('give link ids or --all KEY, not both');
  if (opts.all === undefined && ids.length === 0) {
    throw usageError('nothing to remove', 'give link ids, or --all KEY for every link of an issue');
  }
  for (const id of ids) checkLinkId(id);
  if (opts.all !== undefined) checkIssue(opts.all);
  const { jira } = await connect(ctx);
  const targets = opts.all === undefined ? ids : (await jira.issues.links.list(opts.all)).map((l) => l.id);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    for (const id of targets)
      await ctx.terminal.out(`DELETE ${jira.server}/rest/api/${version}/issueLink/${id}\n`);
    return;
  }
  if (targets.length === 0) {
    ctx.terminal.info(`${opts.all ?? 'the issue'} has no links`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    const what =
      opts.all === undefined
        ? `link(s) ${targets.join(', ')}`
        : `all ${targets.length} link(s) of ${opts.all}`;
    if (!(await askYesNo(`Delete ${what}? [y/N] `))) throw usageError('not deleted');
  }
  for (const id of targets) {
    await jira.issues.links.remove(id);
    ctx.terminal.info(`deleted link ${id}`);
  }
}
