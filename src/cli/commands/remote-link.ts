import type { Command } from 'commander';
import type { RemoteLink, RemoteLinkInput } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { askYesNo } from '../io/yes-no.js';
import { singleLine } from '../output/cells.js';
import { type Column, entityOutput, printList } from '../output/render.js';
import { examples, run } from './run.js';

interface WriteOptions {
  title: string;
  summary?: string;
  globalId?: string;
  relationship?: string;
  iconUrl?: string;
  iconTitle?: string;
  applicationName?: string;
  applicationType?: string;
}

interface RemoveOptions {
  globalId?: string;
  force?: boolean;
  dryRun?: boolean;
}

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const LINK_ID = /^[1-9]\d*$/;

const COLUMNS: Column<RemoteLink>[] = [
  { header: 'id', cell: (l) => l.id },
  { header: 'relationship', cell: (l) => l.relationship ?? '' },
  { header: 'title', cell: (l) => singleLine(l.title) },
  { header: 'url', cell: (l) => l.url },
  { header: 'global id', cell: (l) => l.globalId ?? '' },
];

/** Registers `remotelink list|get|add|update|remove`. */
export function register(program: Command): void {
  const remote = program
    .command('remotelink')
    .description('links from issues to web pages and other systems');

  remote
    .command('list')
    .description(`list an issue's remote links (JiraPS: ${aliasesOf('remotelink', 'list').join(', ')})`)
    .argument('<key>', 'issue key or id')
    .option('--global-id <id>', 'only the link with this global id')
    .addHelpText('after', examples('jirats remotelink list DEMO-1', 'jirats remotelink list DEMO-1 -o json'))
    .action(run(listRemoteLinks));

  remote
    .command('get')
    .description('show one remote link')
    .argument('<key>', 'issue key or id')
    .argument('<id>', 'remote link id')
    .action(run(getRemoteLink));

  withWriteOptions(
    remote
      .command('add')
      .description(
        `link an issue to a URL; with a known --global-id Jira updates that link (JiraPS: ${aliasesOf('remotelink', 'add').join(', ')})`,
      )
      .argument('<key>', 'issue key or id')
      .argument('<url>', 'the linked item'),
  )
    .addHelpText(
      'after',
      examples(
        'jirats remotelink add DEMO-1 https://example.com/runbook --title "Runbook"',
        'jirats remotelink add DEMO-1 https://ci.example.com/b/42 --title "Build 42" --global-id ci-build-42',
      ),
    )
    .action(run(addRemoteLink));

  withWriteOptions(
    remote
      .command('update')
      .description(
        `replace a remote link; options left out are cleared (JiraPS: ${aliasesOf('remotelink', 'update').join(', ')})`,
      )
      .argument('<key>', 'issue key or id')
      .argument('<id>', 'remote link id')
      .argument('<url>', 'the linked item'),
  ).action(run(updateRemoteLink));

  remote
    .command('remove')
    .description(
      `delete remote links by id, or the one with --global-id (JiraPS: ${aliasesOf('remotelink', 'remove').join(', ')})`,
    )
    .argument('<key>', 'issue key or id')
    .argument('[ids...]', 'remote link ids')
    .option('--global-id <id>', 'remove the link with this global id')
    .option('--force', 'do not ask for confirmation (required when not on a terminal)')
    .option('--dry-run', 'print the requests that would be sent and send nothing')
    .addHelpText('after', examples('jirats remotelink remove DEMO-1 10400 --force'))
    .action(run(removeRemoteLinks));
}

function withWriteOptions(command: Command): Command {
  return command
    .requiredOption('--title <text>', 'the link text')
    .option('--summary <text>', 'a line shown under the title')
    .option('--global-id <id>', "the item's id in its own system (adding it again updates the link)")
    .option('--relationship <text>', 'shown before the link, e.g. "mentioned in" (Jira: "links to")')
    .option('--icon-url <url>', 'a 16x16 icon for the link')
    .option('--icon-title <text>', "the icon's tooltip")
    .option('--application-name <name>', 'the system the item lives in')
    .option('--application-type <type>', 'its name-spaced type, e.g. com.example.tracker');
}

function checkIssue(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

function checkLinkId(id: string): string {
  if (!LINK_ID.test(id)) throw usageError(`invalid remote link id '${id}'`, 'expected a number');
  return id;
}

function inputFrom(url: string, opts: WriteOptions): RemoteLinkInput {
  if (!URL.canParse(url))
    throw usageError(`invalid URL '${url}'`, 'expected an absolute URL such as https://…');
  if (opts.title.trim() === '') throw usageError('the title is empty');
  const input: RemoteLinkInput = { url, title: opts.title };
  if (opts.summary !== undefined) input.summary = opts.summary;
  if (opts.globalId !== undefined) input.globalId = opts.globalId;
  if (opts.relationship !== undefined) input.relationship = opts.relationship;
  if (opts.iconUrl !== undefined || opts.iconTitle !== undefined) {
    input.icon = {
      ...(opts.iconUrl === undefined ? {} : { url16x16: opts.iconUrl }),
      ...(opts.iconTitle === undefined ? {} : { title: opts.iconTitle }),
    };
  }
  if (opts.applicationName !== undefined || opts.applicationType !== undefined) {
    input.application = {
      ...(opts.applicationName === undefined ? {} : { name: opts.applicationName }),
      ...(opts.applicationType === undefined ? {} : { type: opts.applicationType }),
    };
  }
  return input;
}

function linkFields(link: RemoteLink): [string, string][] {
  return [
    ['id', link.id],
    ['title', link.title],
    ['url', link.url],
    ['summary', link.summary ?? ''],
    ['relationship', link.relationship ?? ''],
    ['global id', link.globalId ?? ''],
    ['application', link.application?.name ?? ''],
  ];
}

async function listRemoteLinks(ctx: Context, key: string, opts: { globalId?: string }): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const links = await jira.issues.remoteLinks.list(
    key,
    opts.globalId === undefined ? {} : { globalId: opts.globalId },
  );
  await printList(ctx, COLUMNS, links, ['remote link', 'remote links']);
}

async function getRemoteLink(ctx: Context, key: string, id: string): Promise<void> {
  checkIssue(key);
  checkLinkId(id);
  const { jira } = await connect(ctx);
  const link = await jira.issues.remoteLinks.get(key, id);
  await entityOutput(ctx.terminal, ctx.format, link.raw, linkFields(link));
}

async function addRemoteLink(ctx: Context, key: string, url: string, opts: WriteOptions): Promise<void> {
  checkIssue(key);
  const input = inputFrom(url, opts);
  const { jira } = await connect(ctx);
  const link = await jira.issues.remoteLinks.add(key, input);
  await entityOutput(ctx.terminal, ctx.format, link.raw, linkFields(link));
}

async function updateRemoteLink(
  ctx: Context,
  key: string,
  id: string,
  url: string,
  opts: WriteOptions,
): Promise<void> {
  checkIssue(key);
  checkLinkId(id);
  const input = inputFrom(url, opts);
  const { jira } = await connect(ctx);
  const link = await jira.issues.remoteLinks.update(key, id, input);
  await entityOutput(ctx.terminal, ctx.format, link.raw, linkFields(link));
}

async function removeRemoteLinks(
  ctx: Context,
  key: string,
  ids: string[],
  opts: RemoveOptions,
): Promise<void> {
  checkIssue(key);
  if (opts.globalId !== undefined && ids.length > 0)
    throw usageError('give link ids or --global-id, not both');
  if (opts.globalId === undefined && ids.length === 0) {
    throw usageError('nothing to remove', 'give remote link ids, or --global-id ID');
  }
  for (const id of ids) checkLinkId(id);
  const { jira } = await connect(ctx);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    const root = `${jira.server}/rest/api/${version}/issue/${encodeURIComponent(key)}/remotelink`;
    if (opts.globalId !== undefined) {
      await ctx.terminal.out(`DELETE ${root}?globalId=${encodeURIComponent(opts.globalId)}\n`);
    }
    for (const id of ids) await ctx.terminal.out(`DELETE ${root}/${id}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    const what =
      opts.globalId === undefined ? `remote link(s) ${ids.join(', ')}` : `the remote link '${opts.globalId}'`;
    if (!(await askYesNo(`Delete ${what} on ${key}? [y/N] `))) throw usageError('not deleted');
  }
  if (opts.globalId !== undefined) {
    await jira.issues.remoteLinks.removeByGlobalId(key, opts.globalId);
    ctx.terminal.info(`deleted the remote link '${opts.globalId}' on ${key}`);
  }
  for (const id of ids) {
    await jira.issues.remoteLinks.remove(key, id);
    ctx.terminal.info(`deleted remote link ${id} on ${key}`);
  }
}
