import type { Command } from 'commander';
import type { Attachment, Jira } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { canPrompt } from '../io/secret-input.js';
import { type Column, listOutput, printList } from '../output/render.js';
import { repeatable } from './option-parsers.js';
import { examples, run } from './run.js';

interface ListOptions {
  name?: string[];
}

interface DownloadOptions {
  name?: string[];
  id?: string[];
  dir?: string;
  overwrite?: boolean;
}

interface RemoveOptions {
  name?: string[];
  id?: string[];
  force?: boolean;
  dryRun?: boolean;
}

const ISSUE = /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*|[1-9]\d*)$/;
const ATTACHMENT_ID = /^[1-9]\d*$/;

const COLUMNS: Column<Attachment>[] = [
  { header: 'id', cell: (a) => a.id },
  { header: 'filename', cell: (a) => a.filename },
  { header: 'size', cell: (a) => String(a.size) },
  { header: 'mimeType', cell: (a) => a.mimeType ?? '' },
  { header: 'author', cell: (a) => a.author?.displayName ?? '' },
  { header: 'created', cell: (a) => a.created ?? '' },
];

interface Written {
  id: string;
  filename: string;
  path: string;
}

const WRITTEN_COLUMNS: Column<Written>[] = [
  { header: 'id', cell: (w) => w.id },
  { header: 'filename', cell: (w) => w.filename },
  { header: 'path', cell: (w) => w.path },
];

/** Registers `attachment list|add|download|remove`. */
export function register(program: Command): void {
  const attachment = program
    .command('attachment')
    .description('upload, list, download and delete issue attachments');
  const also = (verb: string) => `(JiraPS: ${aliasesOf('attachment', verb).join(', ')})`;

  attachment
    .command('list')
    .description(`list an issue's attachments ${also('list')}`)
    .argument('<key>', 'issue key or id, e.g. DEMO-1')
    .option('--name <pattern>', 'only file names matching this pattern (* and ?; repeatable)', repeatable)
    .addHelpText(
      'after',
      examples('jirats attachment list DEMO-1', "jirats attachment list DEMO-1 --name '*.png' -o json"),
    )
    .action(run(listAttachments));

  attachment
    .command('add')
    .description(`attach files to an issue ${also('add')}`)
    .argument('<key>', 'issue key or id')
    .argument('<file...>', 'files to upload (streamed from disk)')
    .addHelpText('after', examples('jirats attachment add DEMO-1 report.pdf screenshot.png'))
    .action(run(addAttachments));

  attachment
    .command('download')
    .description(`save attachments to a folder, never leaving partial files ${also('download')}`)
    .argument('[key]', 'issue key or id (with --name)')
    .option('--name <pattern>', 'attachments of KEY whose file name matches (repeatable)', repeatable)
    .option('--id <id>', 'attachment id (repeatable)', repeatable)
    .option('--dir <dir>', 'folder to write into (default: the current folder)')
    .option('--overwrite', 'replace files that already exist')
    .addHelpText(
      'after',
      examples(
        "jirats attachment download DEMO-1 --name '*' --dir out",
        'jirats attachment download --id 10400',
      ),
    )
    .action(run(downloadAttachments));

  attachment
    .command('remove')
    .description(`delete attachments (asks first on a terminal) ${also('remove')}`)
    .argument('[key]', 'issue key or id (with --name)')
    .option('--id <id>', 'attachment id (repeatable)', repeatable)
    .option('--name <pattern>', 'attachments of KEY whose file name matches (repeatable)', repeatable)
    .option('--force', 'do not ask for confirmation (required when not on a terminal)')
    .option('--dry-run', 'print the requests that would be sent and send nothing')
    .addHelpText(
      'after',
      examples(
        'jirats attachment remove --id 10400 --force',
        "jirats attachment remove DEMO-1 --name '*.tmp' --dry-run",
      ),
    )
    .action(run(removeAttachments));
}

function checkIssue(key: string): string {
  if (!ISSUE.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

function checkIds(ids: readonly string[]): void {
  for (const id of ids) {
    if (!ATTACHMENT_ID.test(id))
      throw usageError(`invalid attachment id '${id}'`, 'expected a number such as 10400');
  }
}

/** Exactly one way to pick attachments: `--id ...`, or KEY with `--name ...`. */
function checkSelection(key: string | undefined, opts: { id?: string[]; name?: string[] }): void {
  const byId = (opts.id?.length ?? 0) > 0;
  const byName = key !== undefined || (opts.name?.length ?? 0) > 0;
  if (byId === byName) throw usageError('pick attachments with --id ID..., or with KEY --name PATTERN...');
  if (byId) checkIds(opts.id ?? []);
  else {
    if (key === undefined) throw usageError('--name needs an issue KEY');
    if ((opts.name?.length ?? 0) === 0)
      throw usageError(`pass --name PATTERN to choose attachments of ${key}`);
    checkIssue(key);
  }
}

/** The attachments KEY --name selects; none is exit 4. */
async function byName(jira: Jira, key: string, names: string[]): Promise<Attachment[]> {
  const found = await jira.issues.attachments.list(key, { name: names });
  if (found.length === 0) {
    throw new CliError(
      `no attachment of ${key} matches ${names.map((n) => `'${n}'`).join(', ')}`,
      ExitCode.notFound,
    );
  }
  return found;
}

async function listAttachments(ctx: Context, key: string, opts: ListOptions): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const found = await jira.issues.attachments.list(key, opts.name ? { name: opts.name } : {});
  await printList(ctx, COLUMNS, found, ['attachment', 'attachments']);
}

async function addAttachments(ctx: Context, key: string, files: string[]): Promise<void> {
  checkIssue(key);
  const { jira } = await connect(ctx);
  const added = await jira.issues.attachments.add(key, files);
  const out = listOutput(ctx.terminal, ctx.format, COLUMNS, (a: Attachment) => a.raw);
  for (const item of added) await out.add(item);
  await out.end();
}

async function downloadAttachments(
  ctx: Context,
  key: string | undefined,
  opts: DownloadOptions,
): Promise<void> {
  checkSelection(key, opts);
  const { jira } = await connect(ctx);
  const targets: (Attachment | string)[] =
    key === undefined ? (opts.id ?? []) : await byName(jira, key, opts.name ?? []);
  const out = listOutput(ctx.terminal, ctx.format, WRITTEN_COLUMNS, (w: Written) => w);
  const target = opts.dir === undefined ? {} : { dir: opts.dir };
  for (const which of targets) {
    const attachment = typeof which === 'string' ? await jira.issues.attachments.get(which) : which;
    const path = await jira.issues.attachments.download(attachment, target, {
      overwrite: opts.overwrite === true,
    });
    await out.add({ id: attachment.id, filename: attachment.filename, path });
  }
  await out.end();
}

async function removeAttachments(ctx: Context, key: string | undefined, opts: RemoveOptions): Promise<void> {
  checkSelection(key, opts);
  const { jira } = await connect(ctx);
  const ids =
    key === undefined ? (opts.id ?? []) : (await byName(jira, key, opts.name ?? [])).map((a) => a.id);
  if (opts.dryRun) {
    const version = (await jira.deployment()) === 'cloud' ? '3' : '2';
    for (const id of ids)
      await ctx.terminal.out(`DELETE ${jira.server}/rest/api/${version}/attachment/${id}\n`);
    return;
  }
  if (!opts.force) {
    if (!canPrompt()) throw usageError('not deleting without confirmation', 'pass --force to delete');
    const what = ids.length === 1 ? `attachment ${ids[0]}` : `${ids.length} attachments (${ids.join(', ')})`;
    if (!(await confirm(`Delete ${what}? [y/N] `))) throw usageError('not deleted');
  }
  for (const id of ids) {
    await jira.issues.attachments.remove(id);
    ctx.terminal.info(`deleted attachment ${id}`);
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
