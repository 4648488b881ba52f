/**
 * Cloud search in two steps: issue ids from `/search/jql` in large id-only pages (token paging, one after the
 * other, each requested as soon as the previous one arrives), then the wanted fields from
 * `/issue/bulkfetch` in batches of up to 100 ids, several batches at a time, yielded in search order.
 */

import type { CallOptions, RequestSpec } from '../client/types.js';
import { JiraError } from '../errors.js';
import { inOrder, linkedController, type PageTask } from './ordered-pages.js';

/** Cloud returns up to 5000 issues per search page when only ids are asked for. */
export const CLOUD_ID_PAGE = 5000;
/** bulkfetch takes at most 100 ids per request. */
export const BULK_BATCH = 100;

/** What the bulk search needs: the query, the fields per issue, paging bounds and how to send. */
export interface BulkSearchPlan {
  jql: string;
  fields: string[];
  first?: number;
  skip?: number;
  /** Ids per bulkfetch request (at most 100). */
  batchSize?: number;
  concurrency: number;
  send: (spec: RequestSpec, call: CallOptions) => Promise<unknown>;
  call: CallOptions;
}

function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Ids in search order, one page of ids ahead of the consumer. */
function idReader(plan: BulkSearchPlan, signal: AbortSignal): (count: number) => Promise<string[]> {
  const { jql, first } = plan;
  let toSkip = plan.skip ?? 0;
  let remaining = first ?? Number.POSITIVE_INFINITY;
  let buffer: string[] = [];
  let token: string | undefined;
  let done = false;
  const seen = new Set<string>();
  const fetchIds = async (): Promise<{ ids: string[]; next: string | undefined }> => {
    const body: Record<string, unknown> = { jql, fields: ['id'], maxResults: CLOUD_ID_PAGE };
    if (token !== undefined) body.nextPageToken = token;
    const spec: RequestSpec = { method: 'POST', path: '/rest/api/3/search/jql', body, idempotent: true };
    const page = recordOf(await plan.send(spec, { ...plan.call, signal }));
    const issues = Array.isArray(page.issues) ? page.issues : [];
    const ids = issues.map((i) => recordOf(i).id).filter((id): id is string => typeof id === 'string');
    const next = page.nextPageToken;
    const more = page.isLast !== true && typeof next === 'string' && next !== '' && !seen.has(next);
    if (more) seen.add(next);
    return { ids, next: more ? next : undefined };
  };
  let pending: Promise<{ ids: string[]; next: string | undefined }> | undefined;
  const request = (): void => {
    pending = fetchIds();
    pending.catch(() => undefined); // awaited when the ids are needed
  };
  return async (count) => {
    while (buffer.length < count && !done) {
      if (pending === undefined) request();
      const { ids, next } = await (pending as Promise<{ ids: string[]; next: string | undefined }>);
      pending = undefined;
      let kept = ids;
      if (toSkip > 0) {
        kept = ids.slice(toSkip);
        toSkip -= ids.length - kept.length;
      }
      kept = kept.slice(0, Math.max(0, remaining));
      remaining -= kept.length;
      buffer = buffer.concat(kept);
      token = next;
      done = next === undefined || remaining <= 0;
      // Ask for the next page of ids now, while the batches of this one are fetched.
      if (!done) request();
    }
    const out = buffer.slice(0, count);
    buffer = buffer.slice(count);
    return out;
  };
}

/** The issues of one bulkfetch, in the order of `ids`; ids Jira no longer returns (deleted, hidden) are left out. */
async function fetchBatch(plan: BulkSearchPlan, ids: string[], signal: AbortSignal): Promise<unknown[]> {
  const spec: RequestSpec = {
    method: 'POST',
    path: '/rest/api/3/issue/bulkfetch',
    body: { issueIdsOrKeys: ids, fields: plan.fields },
    // bulkfetch only reads: safe to send again.
    idempotent: true,
  };
  const reply = recordOf(await plan.send(spec, { ...plan.call, signal }));
  const errors = Array.isArray(reply.issueErrors) ? reply.issueErrors.map(recordOf) : [];
  if (errors.length > 0) {
    const messages = errors.map((e) => `${String(e.id)}: ${String(e.errorMessage)}`);
    throw new JiraError(`Jira could not return ${errors.length} issue(s) of a bulk fetch`, {
      errorMessages: messages,
      method: 'POST',
    });
  }
  const byId = new Map<string, unknown>();
  for (const issue of Array.isArray(reply.issues) ? reply.issues : []) {
    const id = recordOf(issue).id;
    if (typeof id === 'string') byId.set(id, issue);
  }
  // Jira returns a batch in ascending id order; the search order is what the caller asked for.
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)] : []));
}

/** Raw issues of a Cloud search via ids and bulkfetch, in search order. */
export async function* bulkSearch(plan: BulkSearchPlan): AsyncGenerator<unknown> {
  if (plan.first === 0) return;
  const batch = Math.min(BULK_BATCH, Math.max(1, plan.batchSize ?? BULK_BATCH));
  const controller = linkedController(plan.call.signal);
  const nextIds = idReader(plan, controller.signal);
  const source = async (): Promise<PageTask<unknown[]> | undefined> => {
    const ids = await nextIds(batch);
    if (ids.length === 0) return undefined;
    return (signal) => fetchBatch(plan, ids, signal);
  };
  for await (const issues of inOrder(source, plan.concurrency, controller)) yield* issues;
}
