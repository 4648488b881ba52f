import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { aliasesOf } from '../aliases.js';
import { connect } from '../connection.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { displayValue } from '../output/cells.js';
import { type Column, type ListOutput, listOutput } from '../output/render.js';
import { repeatable, wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

interface InvokeOptions {
  body?: string;
  query?: string[];
  paging?: 'offset' | 'token';
  itemsKey?: string;
  pagingIn?: 'query' | 'body';
  first?: number;
  skip?: number;
  pageSize?: number;
}

/** Registers `invoke`, the escape hatch for any REST call. */
export function register(program: Command): void {
  program
    .command('invoke')
    .description(`call any Jira REST endpoint and print the JSON (JiraPS: ${aliasesOf('invoke').join(', ')})`)
    .argument('<method>', 'HTTP method: GET, POST, PUT, DELETE, ...')
    .argument('<path>', 'path under the server, starting with / (e.g. /rest/api/2/field)')
    .option('--body <json>', 'JSON request body, or @file to read it from a file (@- for stdin)')
    .option('--query <k=v>', 'query parameter (repeatable; a repeated name makes a list)', repeatable)
    .addOption(
      new Option(
        '--paging <style>',
        'follow the pages: offset (startAt/total) or token (nextPageToken)',
      ).choices(['offset', 'token']),
    )
    .option('--items-key <key>', "with --paging: the array holding each page's items (issues, values, ...)")
    .addOption(
      new Option(
        '--paging-in <where>',
        'with --paging: send paging parameters in the query or the body',
      ).choices(['query', 'body']),
    )
    .option('--first <n>', 'with --paging: stop after this many items', wholeNumber(0))
    .option('--skip <n>', 'with --paging: skip this many items first', wholeNumber(0))
    .option('--page-size <n>', 'with --paging: items per request', wholeNumber(1))
    .addHelpText(
      'after',
      examples(
        'jirats invoke GET /rest/api/2/field',
        'jirats invoke GET /rest/api/2/search --query jql="project = DEMO" --paging offset --items-key issues --first 10 -o ndjson',
        'jirats invoke POST /rest/api/2/issue/DEMO-1/comment --body \'{"body":"Hello"}\'',
        'jirats invoke PUT /rest/api/2/issue/DEMO-1 --body @changes.json',
      ),
    )
    .action(run(invoke));
}

async function invoke(ctx: Context, methodArg: string, path: string, opts: InvokeOptions): Promise<void> {
  const method = methodArg.toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw usageError(`invalid HTTP method '${methodArg}'`);
  if (!path.startsWith('/') && !/^https?:\/\//i.test(path)) {
    throw usageError(`the path must start with / (got '${path}')`, 'for example: /rest/api/2/serverInfo');
  }
  if (opts.paging && !opts.itemsKey)
    throw usageError('--paging needs --items-key (the array holding the items)');
  const request = { method, path, query: parseQuery(opts.query ?? []), body: await readBody(opts.body) };
  const { jira } = await connect(ctx);

  if (!opts.paging) {
    const result = await jira.request<unknown>(request);
    if (result === undefined || result === null || result === '') return;
    const text =
      typeof result === 'string' ? result : JSON.stringify(result, null, ctx.format === 'ndjson' ? 0 : 2);
    return ctx.terminal.out(`${text}\n`);
  }
  const items = jira.paginate<unknown>(request, {
    style: opts.paging,
    itemsKey: opts.itemsKey as string,
    first: opts.first,
    skip: opts.skip,
    pageSize: opts.pageSize,
    method: opts.pagingIn,
  });
  // Columns for table/CSV come from the first item's fields, so the output starts with the first page.
  const format = ctx.format === 'table' ? 'json' : ctx.format;
  let out: ListOutput<unknown> | undefined;
  for await (const item of items) {
    out ??= listOutput(ctx.terminal, format, columnsOf(item), (i) => i);
    await out.add(item);
  }
  out ??= listOutput(ctx.terminal, format, [], (i) => i);
  await out.end();
}

function parseQuery(pairs: string[]): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usageError(`--query expects name=value, got '${pair}'`);
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const previous = query[name];
    query[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}

async function readBody(body: string | undefined): Promise<unknown> {
  if (body === undefined) return undefined;
  let text = body;
  if (body.startsWith('@')) {
    const file = body.slice(1);
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      throw usageError(
        `cannot read the body from ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw usageError('--body is not valid JSON', 'pass a JSON document, or @file to read one');
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function columnsOf(sample: unknown): Column<unknown>[] {
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
    return [{ header: 'value', cell: (i) => displayValue(i) }];
  }
  return Object.keys(sample).map((key) => ({
    header: key,
    cell: (i) => displayValue((i as Record<string, unknown>)[key]),
  }));
}
