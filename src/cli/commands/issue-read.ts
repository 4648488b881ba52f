/**
 * The issue-reading extras of the `issue` noun: `issue count`, `issue property ...`, the history view of
 * `issue get --history`, and the query source of `issue search` (JQL or `--filter`).
 */
import type { Command } from 'commander';
import type { HistoryEntry, Issue, IssueSearchOptions, Jira } from '../../index.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { singleLine } from '../output/cells.js';
import { type Column, listOutput } from '../output/render.js';
import { registerProperty } from './property.js';
import { examples, run } from './run.js';

const FILTER_ID = /^[1-9]\d*$/;

/** A history item as one printed row, with the issue and change it belongs to. */
interface HistoryRow {
  key: string;
  entry: HistoryEntry;
  item: HistoryEntry['items'][number];
}

const HISTORY_COLUMNS: Column<HistoryRow>[] = [
  { header: 'key', cell: (r) => r.key },
  { header: 'when', cell: (r) => r.entry.created },
  { header: 'who', cell: (r) => r.entry.author?.displayName ?? '' },
  { header: 'field', cell: (r) => r.item.field },
  { header: 'from', cell: (r) => singleLine(r.item.fromString ?? r.item.from ?? '') },
  { header: 'to', cell: (r) => singleLine(r.item.toString ?? r.item.to ?? '') },
];

/** Adds `issue count` and `issue property` to the `issue` noun. */
export function registerIssueReads(issue: Command): void {
  issue
    .command('count')
    .description('print how many issues a JQL query finds (approximate on Cloud)')
    .argument('<jql>', 'the JQL query, e.g. "project = DEMO AND status = Done"')
    .addHelpText(
      'after',
      examples(
        'jirats issue count "project = DEMO"',
        'jirats issue count "assignee = currentUser()" -o json',
      ),
    )
    .action(run(countIssues));
  registerProperty(issue);
}

/** Exactly one of a JQL argument and `--filter ID`; anything else is a usage error. */
export function checkQuery(jql: string | undefined, filter: string | undefined): void {
  if (jql !== undefined && filter !== undefined) {
    throw usageError('give a JQL query or --filter, not both');
  }
  if (filter !== undefined) {
    if (!FILTER_ID.test(filter))
      throw usageError(`invalid filter id '${filter}'`, 'expected a number such as 10000');
    return;
  }
  if (jql === undefined) throw usageError('no query', 'pass a JQL query or --filter ID');
  if (jql.trim() === '') throw usageError('the JQL query is empty');
}

/** The issues `issue search` prints: the JQL's, or the saved filter's (its JQL, never its searchUrl). */
export function searchSource(
  jira: Jira,
  jql: string | undefined,
  filter: string | undefined,
  opts: IssueSearchOptions,
): AsyncIterable<Issue> {
  return filter !== undefined ? jira.issues.searchFilter(filter, opts) : jira.issues.search(jql ?? '', opts);
}

/** A history entry as JSON: the normalized entry with its author's wire JSON. */
function historyJson(entry: HistoryEntry): Record<string, unknown> {
  return { id: entry.id, author: entry.author?.raw ?? null, created: entry.created, items: entry.items };
}

/** The issue's wire JSON plus its history, oldest first. */
export function issueWithHistory(issue: Issue): Record<string, unknown> {
  return { ...issue.raw, history: (issue.history ?? []).map(historyJson) };
}

/**
 * `issue get KEY... --history`: the change history as rows (key, when, who, field, from, to) in a table or
 * CSV; JSON and NDJSON give each issue's wire JSON with `history` added.
 */
export async function printHistories(
  ctx: Context,
  keys: string[],
  fields: string[] | undefined,
): Promise<void> {
  const { jira } = await connect(ctx);
  const asJson = ctx.format === 'json' || ctx.format === 'ndjson';
  // Rows need no fields; JSON carries the issue as Jira sends it unless --fields narrows it.
  const wanted = fields ?? (asJson ? undefined : ['summary']);
  const fetch = (key: string) => jira.issues.get(key, { history: true, fields: wanted });
  if (asJson) {
    if (keys.length === 1 && ctx.format === 'json') {
      const issue = await fetch(keys[0] as string);
      return ctx.terminal.out(`${JSON.stringify(issueWithHistory(issue), null, 2)}\n`);
    }
    const out = listOutput(ctx.terminal, ctx.format, [], issueWithHistory);
    for (const key of keys) await out.add(await fetch(key));
    await out.end();
    return;
  }
  const out = listOutput(ctx.terminal, ctx.format, HISTORY_COLUMNS, (row: HistoryRow) => row);
  for (const key of keys) {
    const issue = await fetch(key);
    for (const entry of issue.history ?? []) {
      for (const item of entry.items) await out.add({ key: issue.key, entry, item });
    }
  }
  const count = await out.end();
  if (ctx.format === 'table') ctx.terminal.notice(count === 1 ? '1 change' : `${count} changes`);
}

/**
 * `issue count JQL`: the number alone on stdout. Cloud's count is approximate (recent changes may be missing),
 * which JSON says in `approximate` and a terminal shows as a notice; the number itself is never decorated.
 */
async function countIssues(ctx: Context, jql: string): Promise<void> {
  if (jql.trim() === '') throw usageError('the JQL query is empty');
  const { jira } = await connect(ctx);
  const count = await jira.issues.count(jql);
  const approximate = (await jira.deployment()) === 'cloud';
  if (ctx.format === 'json' || ctx.format === 'ndjson') {
    const body = { count, approximate };
    return ctx.terminal.out(
      `${ctx.format === 'json' ? JSON.stringify(body, null, 2) : JSON.stringify(body)}\n`,
    );
  }
  await ctx.terminal.out(`${count}\n`);
  if (approximate) ctx.terminal.notice('approximate: Cloud counts from its search index');
}
