/**
 * JQL search. Cloud: POST /rest/api/3/search/jql with token paging (the offset endpoint is gone there).
 * Data Center: GET /rest/api/2/search with startAt/maxResults. Both fetch several pages at once by default
 * (see search-offset-parallel.ts and search-bulk.ts); `concurrency: 1` pages one request after another.
 */

import type { JiraCore } from '../client/core.js';
import type { CallOptions, PagingSpec, RequestSpec, SearchOptions } from '../client/types.js';
import { ConfigurationError } from '../errors.js';
import { type Issue, toIssue } from '../models/issue.js';
import { checkConcurrency } from './ordered-pages.js';
import { BULK_BATCH, bulkSearch } from './search-bulk.js';
import { parallelOffsetSearch } from './search-offset-parallel.js';

/** Cloud's enhanced search returns only ids unless asked; ask for what Data Center returns by default. */
const CLOUD_DEFAULT_FIELDS = ['*navigable'];

/** The request and paging for a search on the given deployment. */
export function searchRequest(
  deployment: 'cloud' | 'datacenter',
  jql: string,
  opts: SearchOptions,
): { spec: RequestSpec; paging: PagingSpec } {
  const { fields, expand, first, skip, pageSize } = opts;
  const counts = { ...(first === undefined ? {} : { first }), ...(skip === undefined ? {} : { skip }) };
  const size = pageSize === undefined ? {} : { pageSize };
  if (deployment === 'cloud') {
    const body: Record<string, unknown> = { jql, fields: fields ?? CLOUD_DEFAULT_FIELDS };
    // search/jql takes expand as one comma-separated string, even in a JSON body.
    if (expand && expand.length > 0) body.expand = expand.join(',');
    return {
      // A search only reads: re-sending it after a dropped connection is harmless.
      spec: { method: 'POST', path: '/rest/api/3/search/jql', body, idempotent: true },
      paging: { style: 'token', itemsKey: 'issues', method: 'body', ...counts, ...size },
    };
  }
  return {
    spec: {
      path: '/rest/api/2/search',
      query: { jql, fields: fields?.join(','), expand: expand?.join(',') },
    },
    paging: { style: 'offset', itemsKey: 'issues', ...counts, ...size },
  };
}

/** Pages in flight at once when the caller does not say. */
export const DEFAULT_SEARCH_CONCURRENCY = 4;

/**
 * Which way a search fetches its pages. `offset-parallel` (Data Center): pages after the first, whose `total`
 * fixes them all, go out `concurrency` at a time. `bulk` (Cloud): ids from search/jql, then fields through
 * bulkfetch batches in parallel; only when fields were named (bulkfetch covers them), nothing is expanded and
 * more than one batch may be needed. `sequential`: one page after the other.
 */
export function searchStrategy(
  deployment: 'cloud' | 'datacenter',
  opts: SearchOptions,
): 'sequential' | 'offset-parallel' | 'bulk' {
  const concurrency = checkConcurrency(opts.concurrency, DEFAULT_SEARCH_CONCURRENCY);
  if (concurrency === 1) return 'sequential';
  if (deployment === 'datacenter') return 'offset-parallel';
  const expands = opts.expand !== undefined && opts.expand.length > 0;
  const small = opts.first !== undefined && opts.first <= BULK_BATCH;
  return opts.fields !== undefined && opts.fields.length > 0 && !expands && !small ? 'bulk' : 'sequential';
}

/** Search issues with JQL, lazily, in order; pages are fetched `concurrency` at a time where that helps. */
export async function* searchIssues(
  core: JiraCore,
  jql: string,
  opts: CallOptions & SearchOptions = {},
): AsyncGenerator<Issue> {
  const { fields, expand, first, skip, pageSize, concurrency, ...call } = opts;
  const search = { fields, expand, first, skip, pageSize, concurrency };
  const limit = checkConcurrency(concurrency, DEFAULT_SEARCH_CONCURRENCY);
  checkCounts(search);
  const deployment = await core.deployment(call);
  const strategy = searchStrategy(deployment, search);
  const { spec, paging } = searchRequest(deployment, jql, search);
  const send = (s: RequestSpec, c: CallOptions) => core.send<unknown>(s, c);
  let raws: AsyncIterable<unknown>;
  if (strategy === 'offset-parallel') {
    raws = parallelOffsetSearch({ spec, first, skip, pageSize, concurrency: limit, send, call });
  } else if (strategy === 'bulk') {
    const wanted = fields ?? CLOUD_DEFAULT_FIELDS;
    raws = bulkSearch({
      jql,
      fields: wanted,
      first,
      skip,
      batchSize: pageSize,
      concurrency: limit,
      send,
      call,
    });
  } else {
    raws = core.paginate<unknown>(spec, paging, call);
  }
  for await (const raw of raws) yield toIssue(raw);
}

/** The paging counts, checked before anything is sent (the sequential path checks the same). */
function checkCounts(opts: SearchOptions): void {
  for (const [name, value, min] of [
    ['first', opts.first, 0],
    ['skip', opts.skip, 0],
    ['pageSize', opts.pageSize, 1],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      throw new ConfigurationError(`${name} must be an integer >= ${min} (got ${value})`);
    }
  }
}
