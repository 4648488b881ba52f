/**
 * Reference data nouns: `field`, `priority`, `status`, `issuetype`, `resolution`, `linktype` and `cache`.
 * They share one module (each is its own NounModule) because every one is a thin list over the library.
 */
import { Option } from 'commander';
import type {
  CacheType,
  Field,
  IssueLinkType,
  IssueType,
  Priority,
  Resolution,
  Status,
} from '../../library-core.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { type Column, entityOutput, listOutput } from '../output/render.js';
import type { NounModule } from './noun.js';
import { examples, run } from './run.js';

const CACHE_TYPES: readonly CacheType[] = ['fields', 'issuetypes', 'priorities', 'statuses', 'serverinfo'];

/** A cache kind in any case (JiraPS writes `Fields`); `all` means every kind. */
function cacheType(value: string): CacheType | undefined {
  const lower = value.toLowerCase();
  if (lower === 'all') return undefined;
  const found = CACHE_TYPES.find((t) => t === lower);
  if (!found) throw usageError(`--type must be one of ${CACHE_TYPES.join(', ')}, all (got '${value}')`);
  return found;
}

/** How the help names a command's JiraPS equivalents. */
function jiraps(...words: string[]): string {
  const names = aliasesOf(...words);
  return names.length > 0 ? ` (JiraPS: ${names.join(', ')})` : '';
}

interface Listed {
  id: string;
  name: string;
  raw: Record<string, unknown>;
}

/** A filter word matches the id exactly, or the name ignoring case; `*` matches any run of characters. */
function matches(item: Listed, filter: string): boolean {
  if (item.id === filter) return true;
  // Matched piece by piece, not as a regular expression, so a filter of any length works.
  const name = item.name.toLowerCase();
  const parts = filter.toLowerCase().split('*');
  const first = parts[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
  if (parts.length === 1) return name === first;
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last))
    return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** The items matching any filter (all items without filters); a filter matching nothing is not found. */
function pick<T extends Listed>(items: T[], filters: readonly string[], what: string): T[] {
  if (filters.length === 0) return items;
  for (const filter of filters) {
    if (!items.some((i) => matches(i, filter))) {
      throw new CliError(`No ${what} matches '${filter}'.`, ExitCode.notFound);
    }
  }
  return items.filter((i) => filters.some((f) => matches(i, f)));
}

const SINGULAR: Readonly<Record<string, string>> = {
  fields: 'field',
  priorities: 'priority',
  statuses: 'status',
  'issue types': 'issue type',
  resolutions: 'resolution',
  'link types': 'link type',
};

async function printList<T extends Listed>(
  ctx: Context,
  items: T[],
  columns: Column<T>[],
  noun: string,
  filters: readonly string[] = [],
): Promise<void> {
  const out = listOutput(ctx.terminal, ctx.format, columns, (i: T) => i.raw);
  for (const item of pick(items, filters, SINGULAR[noun] ?? noun)) await out.add(item);
  const count = await out.end();
  if (ctx.format === 'table') ctx.terminal.notice(`${count} ${noun}`);
}

const FIELD_COLUMNS: Column<Field>[] = [
  { header: 'id', cell: (f) => f.id },
  { header: 'name', cell: (f) => f.name },
  { header: 'custom', cell: (f) => String(f.custom) },
  { header: 'type', cell: (f) => (typeof f.schema?.type === 'string' ? f.schema.type : '') },
  { header: 'clauseNames', cell: (f) => f.clauseNames.join(', ') },
];

const PRIORITY_COLUMNS: Column<Priority>[] = [
  { header: 'id', cell: (p) => p.id },
  { header: 'name', cell: (p) => p.name },
  { header: 'description', cell: (p) => p.description ?? '' },
];

const STATUS_COLUMNS: Column<Status>[] = [
  { header: 'id', cell: (s) => s.id },
  { header: 'name', cell: (s) => s.name },
  { header: 'category', cell: (s) => s.category?.name ?? '' },
];

const ISSUE_TYPE_COLUMNS: Column<IssueType>[] = [
  { header: 'id', cell: (t) => t.id },
  { header: 'name', cell: (t) => t.name },
  { header: 'subtask', cell: (t) => String(t.subtask) },
  { header: 'hierarchyLevel', cell: (t) => (t.hierarchyLevel === undefined ? '' : String(t.hierarchyLevel)) },
  { header: 'description', cell: (t) => t.description ?? '' },
];

const RESOLUTION_COLUMNS: Column<Resolution>[] = [
  { header: 'id', cell: (r) => r.id },
  { header: 'name', cell: (r) => r.name },
  { header: 'description', cell: (r) => r.description ?? '' },
];

const LINK_TYPE_COLUMNS: Column<IssueLinkType>[] = [
  { header: 'id', cell: (l) => l.id },
  { header: 'name', cell: (l) => l.name },
  { header: 'outward', cell: (l) => l.outward },
  { header: 'inward', cell: (l) => l.inward },
];

/** `jirats field list`. */
export const fieldNoun: NounModule = {
  register(program) {
    const noun = program.command('field').description('the field catalogue (system and custom fields)');
    noun
      .command('list')
      .argument('[filter...]', 'only these: an id, or a name (any case, * as wildcard)')
      .description(`list every field${jiraps('field', 'list')}`)
      .addHelpText('after', examples('jirats field list', 'jirats field list -o csv'))
      .action(
        run(async (ctx: Context, filters: string[]) => {
          const { jira } = await connect(ctx);
          await printList(ctx, await jira.fields.list(), FIELD_COLUMNS, 'fields', filters);
        }),
      );
  },
};

/** `jirats priority list`. */
export const priorityNoun: NounModule = {
  register(program) {
    const noun = program.command('priority').description('issue priorities');
    noun
      .command('list')
      .argument('[filter...]', 'only these: an id, or a name (any case, * as wildcard)')
      .description(`list the priorities, highest first${jiraps('priority', 'list')}`)
      .addHelpText('after', examples('jirats priority list', 'jirats priority list --json'))
      .action(
        run(async (ctx: Context, filters: string[]) => {
          const { jira } = await connect(ctx);
          await printList(ctx, await jira.priorities.list(), PRIORITY_COLUMNS, 'priorities', filters);
        }),
      );
  },
};

/** `jirats status list|get`. */
export const statusNoun: NounModule = {
  register(program) {
    const noun = program.command('status').description('workflow statuses');
    noun
      .command('list')
      .argument('[filter...]', 'only these: an id, or a name (any case, * as wildcard)')
      .description(`list every status${jiraps('status', 'list')}`)
      .addHelpText('after', examples('jirats status list', 'jirats status list -o ndjson'))
      .action(
        run(async (ctx: Context, filters: string[]) => {
          const { jira } = await connect(ctx);
          await printList(ctx, await jira.statuses.list(), STATUS_COLUMNS, 'statuses', filters);
        }),
      );
    noun
      .command('get')
      .description(`show one status by id or name, any case${jiraps('status', 'get')}`)
      .argument('<idOrName>', 'status id or name')
      .addHelpText('after', examples('jirats status get 3', 'jirats status get "in progress" --json'))
      .action(
        run(async (ctx: Context, idOrName: string) => {
          const { jira } = await connect(ctx);
          const s = await jira.statuses.get(idOrName);
          await entityOutput(ctx.terminal, ctx.format, s.raw, [
            ['id', s.id],
            ['name', s.name],
            ['description', s.description ?? ''],
            ['category', s.category?.name ?? ''],
            ['categoryKey', s.category?.key ?? ''],
          ]);
        }),
      );
  },
};

/** `jirats issuetype list`. */
export const issueTypeNoun: NounModule = {
  register(program) {
    const noun = program.command('issuetype').description('issue types');
    noun
      .command('list')
      .argument('[filter...]', 'only these: an id, or a name (any case, * as wildcard)')
      .description(`list the issue types the caller can see${jiraps('issuetype', 'list')}`)
      .addHelpText('after', examples('jirats issuetype list', 'jirats issuetype list -o csv'))
      .action(
        run(async (ctx: Context, filters: string[]) => {
          const { jira } = await connect(ctx);
          await printList(ctx, await jira.issueTypes.list(), ISSUE_TYPE_COLUMNS, 'issue types', filters);
        }),
      );
  },
};

/** `jirats resolution list`. */
export const resolutionNoun: NounModule = {
  register(program) {
    const noun = program.command('resolution').description('issue resolutions');
    noun
      .command('list')
      .argument('[filter...]', 'only these: an id, or a name (any case, * as wildcard)')
      .description(`list the resolutions${jiraps('resolution', 'list')}`)
      .addHelpText('after', examples('jirats resolution list'))
      .action(
        run(async (ctx: Context, filters: string[]) => {
          const { jira } = await connect(ctx);
          await printList(ctx, await jira.resolutions.list(), RESOLUTION_COLUMNS, 'resolutions', filters);
        }),
      );
  },
};

/** `jirats linktype list|get`. */
export const linkTypeNoun: NounModule = {
  register(program) {
    const noun = program.command('linktype').description('issue link types');
    noun
      .command('list')
      .argument('[filter...]', 'only these: an id, or a name (any case, * as wildcard)')
      .description(`list the issue link types${jiraps('linktype', 'list')}`)
      .addHelpText('after', examples('jirats linktype list', 'jirats linktype list --json'))
      .action(
        run(async (ctx: Context, filters: string[]) => {
          const { jira } = await connect(ctx);
          await printList(ctx, await jira.issueLinkTypes.list(), LINK_TYPE_COLUMNS, 'link types', filters);
        }),
      );
    noun
      .command('get')
      .description(`show one link type by id or name, any case${jiraps('linktype', 'get')}`)
      .argument('<idOrName>', 'link type id or name')
      .addHelpText('after', examples('jirats linktype get 10000', 'jirats linktype get relates'))
      .action(
        run(async (ctx: Context, idOrName: string) => {
          const { jira } = await connect(ctx);
          const l = await jira.issueLinkTypes.get(idOrName);
          await entityOutput(ctx.terminal, ctx.format, l.raw, [
            ['id', l.id],
            ['name', l.name],
            ['outward', l.outward],
            ['inward', l.inward],
          ]);
        }),
      );
  },
};

/** `jirats cache clear`: kept for JiraPS scripts; each CLI run starts with an empty in-memory cache. */
export const cacheNoun: NounModule = {
  register(program) {
    const noun = program
      .command('cache')
      .description('the reference-data cache (in memory, per process: the CLI keeps none between runs)');
    noun
      .command('clear')
      .description(
        `clear the library's in-process cache${jiraps('cache', 'clear')}. Each jirats run starts with an ` +
          'empty cache and writes none to disk, so from the command line this has nothing to clear; it exists ' +
          'so JiraPS scripts keep working. In the library, call jira.clearCache(type).',
      )
      .addOption(
        new Option('--type <type>', `one kind of data: ${CACHE_TYPES.join(', ')} (default: all)`).argParser(
          cacheType,
        ),
      )
      .addHelpText('after', examples('jirats cache clear', 'jirats cache clear --type fields'))
      .action(
        run(async (ctx: Context, opts: { type?: CacheType }) => {
          ctx.terminal.info(
            `nothing to clear: the CLI keeps no cache between runs (${opts.type ?? 'all types'})`,
          );
        }),
      );
  },
};
