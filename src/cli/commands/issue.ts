import type { Command } from 'commander';
import type { Issue } from '../../index.js';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { DEFAULT_ISSUE_FIELDS, fieldsToRequest, issueColumns } from '../output/issue-columns.js';
import { entityOutput, listOutput } from '../output/render.js';
import { registerIssueComment } from './bulk/issue-comment.js';
import { checkQuery, printHistories, registerIssueReads, searchSource } from './issue-read.js';
import { registerIssueWrites } from './issue-write.js';
import { commaList, wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';
import { registerIssueTransition } from './transition.js';

interface FieldOptions {
  fields?: string[];
  expand?: string[];
  history?: boolean;
}

interface SearchOptions extends FieldOptions {
  first?: number;
  skip?: number;
  pageSize?: number;
  concurrency?: number;
  filter?: string;
}

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9]\d*$/;
const ISSUE_ID = /^[1-9]\d*$/;
/** How many issues `issue get` fetches ahead of the one it prints. */
const PREFETCH = 4;

/** Registers `issue get` and `issue search`. */
export function register(program: Command): void {
  const issue = program.command('issue').description('read, create, change and delete issues');
  registerIssueReads(issue);
  registerIssueTransition(issue);

  issue
    .command('get')
    .description(`show issues by key or id (JiraPS: ${aliasesOf('issue', 'get').join(', ')})`)
    .argument('<keys...>', 'issue keys or ids, e.g. DEMO-1 DEMO-2 10001')
    .option(
      '--fields <list>',
      'comma-separated fields to fetch; with a table they are its columns',
      commaList,
    )
    .option('--expand <list>', 'comma-separated expansions, e.g. changelog,names', commaList)
    .option('--history', 'print the change history (when, who, field, from, to); JSON adds `history`')
    .addHelpText(
      'after',
      examples(
        'jirats issue get DEMO-1',
        'jirats issue get DEMO-1 DEMO-2 --fields summary,status,labels',
        'jirats issue get DEMO-1 --json --expand changelog',
      ),
    )
    .action(run(getIssues));

  issue
    .command('search')
    .description('list the issues a JQL query finds, printed as they arrive')
    .argument('[jql]', 'the JQL query, e.g. "project = DEMO ORDER BY key" (or use --filter)')
    .option('--filter <id>', "run a saved filter's JQL instead of a query argument")
    .option(
      '--fields <list>',
      'comma-separated fields to fetch; with a table they are its columns',
      commaList,
    )
    .option('--expand <list>', 'comma-separated expansions', commaList)
    .option('--first <n>', 'stop after this many issues', wholeNumber(0))
    .option('--skip <n>', 'skip this many issues first', wholeNumber(0))
    .option('--page-size <n>', 'issues per request (Jira caps it)', wholeNumber(1, 5000))
    .option(
      '--concurrency <n>',
      'pages held at once, the one being written and those being fetched (default 4, 2 on Data Center where pages hold 1000 issues; 1 = one by one)',
      wholeNumber(1, 32),
    )
    .addHelpText(
      'after',
      examples(
        'jirats issue search "project = DEMO AND status = \'In Progress\' ORDER BY key"',
        'jirats issue search "assignee = currentUser()" --first 20 -o csv > mine.csv',
        'jirats issue search "project = DEMO" --fields key,summary,labels -o ndjson',
      ),
    )
    .action(run(searchIssues));
  registerIssueWrites(issue);
  registerIssueComment(issue);
}

function checkKey(key: string): string {
  if (!ISSUE_KEY.test(key) && !ISSUE_ID.test(key)) {
    throw usageError(`invalid issue key '${key}'`, 'expected a key such as DEMO-1 or a numeric issue id');
  }
  return key;
}

/** The fields to request: those asked for, else just what the table needs; JSON gets Jira's default. */
function requestedFields(ctx: Context, fields: string[] | undefined): string[] | undefined {
  if (fields) return fieldsToRequest(fields);
  return ctx.format === 'table' || ctx.format === 'csv' ? DEFAULT_ISSUE_FIELDS : undefined;
}

async function getIssues(ctx: Context, keys: string[], opts: FieldOptions): Promise<void> {
  keys.forEach(checkKey);
  if (opts.history) return printHistories(ctx, keys, opts.fields);
  const { jira } = await connect(ctx);
  const fields = requestedFields(ctx, opts.fields);
  const fetchOne = (key: string): Promise<Issue> => jira.issues.get(key, { fields, expand: opts.expand });

  if (keys.length === 1 && (ctx.format === 'json' || ctx.format === 'ndjson')) {
    const issue = await fetchOne(keys[0] as string);
    return entityOutput(ctx.terminal, ctx.format, issue.raw, []);
  }
  const out = listOutput(ctx.terminal, ctx.format, issueColumns(opts.fields), (i: Issue) => i.raw);
  // Fetch a few ahead, print in the order given; the first failure ends the command.
  const pending = keys.map(() => undefined as Promise<Issue> | undefined);
  const start = (i: number): void => {
    const key = keys[i];
    if (key !== undefined && !pending[i]) {
      const promise = fetchOne(key);
      promise.catch(() => undefined); // handled when awaited in order
      pending[i] = promise;
    }
  };
  for (let i = 0; i < keys.length; i++) {
    for (let j = i; j < Math.min(keys.length, i + PREFETCH); j++) start(j);
    await out.add(await (pending[i] as Promise<Issue>));
  }
  await out.end();
}

/**
 * Data Center pages hold 1000 issues. Four held at once took a 100,000-issue NDJSON export against a fast server to
 * 180 MB; two (the page being written and the next one being fetched) keep it at 130 to 141 MB.
 */
const DC_STREAM_CONCURRENCY = 2;

async function searchIssues(ctx: Context, jql: string | undefined, opts: SearchOptions): Promise<void> {
  checkQuery(jql, opts.filter);
  const { jira } = await connect(ctx);
  const fields = requestedFields(ctx, opts.fields) ?? ['*navigable'];
  const out = listOutput(ctx.terminal, ctx.format, issueColumns(opts.fields), (i: Issue) => i.raw);
  const concurrency =
    opts.concurrency ?? ((await jira.deployment()) === 'datacenter' ? DC_STREAM_CONCURRENCY : undefined);
  const issues = searchSource(jira, jql, opts.filter, {
    fields,
    expand: opts.expand,
    first: opts.first,
    skip: opts.skip,
    pageSize: opts.pageSize,
    concurrency,
  });
  for await (const issue of issues) await out.add(issue);
  const count = await out.end();
  if (ctx.format === 'table') ctx.terminal.notice(count === 1 ? '1 issue' : `${count} issues`);
}
