/**
 * JQL search. Cloud: POST /rest/api/3/search/jql with token paging (the offset endpoint is gone there).
 * Data Center: GET /rest/api/2/search with startAt/maxResults.
 */

import type { JiraCore } from '../client/core.js';
import type { CallOptions, PagingSpec, RequestSpec, SearchOptions } from '../client/types.js';
import { type Issue, toIssue } from '../models/issue.js';

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

/** Search issues with JQL, lazily, page by page. */
export async function* searchIssues(
  core: JiraCore,
  jql: string,
  opts: CallOptions & SearchOptions = {},
): AsyncGenerator<Issue> {
  const { fields, expand, first, skip, pageSize, ...call } = opts;
  const deployment = await core.deployment(call);
  const { spec, paging } = searchRequest(deployment, jql, { fields, expand, first, skip, pageSize });
  for await (const raw of core.paginate<unknown>(spec, paging, call)) yield toIssue(raw);
}
