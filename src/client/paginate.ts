/**
 * One async iterator for Jira's paged lists. The caller names the style per endpoint (never guessed from the
 * URL): offset (startAt/maxResults/total/isLast) or token (nextPageToken/isLast). `first`, `skip` and
 * `pageSize` work on both; token paging cannot jump ahead, so `skip` there discards items client-side.
 */

import { ConfigurationError } from '../errors.js';
import type { PagingSpec, QueryValue, RequestSpec } from './types.js';

/** Sends one page request and returns its parsed JSON. */
export type PageSender = (spec: RequestSpec) => Promise<unknown>;

function checkCount(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new ConfigurationError(`${name} must be an integer >= ${min} (got ${value})`);
  }
}

/** The request for one page: paging parameters go in the query or, for `method: 'body'`, the JSON body. */
function pageRequest(req: RequestSpec, paging: PagingSpec, params: Record<string, QueryValue>): RequestSpec {
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  if (paging.method === 'body') {
    const body = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ConfigurationError('Paging in the body needs a JSON object body');
    }
    return { ...req, body: { ...(body as Record<string, unknown>), ...defined } };
  }
  return { ...req, query: { ...req.query, ...defined } };
}

function smaller(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** Items of a page under `itemsKey`; a page without the key has none. */
function itemsOf<T>(page: unknown, itemsKey: string): { items: T[]; record: Record<string, unknown> } {
  const record = typeof page === 'object' && page !== null ? (page as Record<string, unknown>) : {};
  const items = record[itemsKey];
  return { items: Array.isArray(items) ? (items as T[]) : [], record };
}

/** Iterate the items of every page, lazily: nothing is sent until the first item is asked for. */
export async function* paginate<T>(
  send: PageSender,
  req: RequestSpec,
  paging: PagingSpec,
): AsyncGenerator<T> {
  checkCount('first', paging.first, 0);
  checkCount('skip', paging.skip, 0);
  checkCount('pageSize', paging.pageSize, 1);
  if (paging.style !== 'offset' && paging.style !== 'token') {
    throw new ConfigurationError(`Unknown paging style '${String(paging.style)}'`);
  }
  if (paging.first === 0) return;
  if (paging.style === 'offset') yield* offsetPages<T>(send, req, paging);
  else yield* tokenPages<T>(send, req, paging);
}

async function* offsetPages<T>(send: PageSender, req: RequestSpec, paging: PagingSpec): AsyncGenerator<T> {
  const { first, pageSize, itemsKey } = paging;
  let startAt = paging.skip ?? 0;
  let yielded = 0;
  for (;;) {
    const remaining = first === undefined ? undefined : first - yielded;
    const page = await send(pageRequest(req, paging, { startAt, maxResults: smaller(pageSize, remaining) }));
    const { items, record } = itemsOf<T>(page, itemsKey);
    for (const item of items) {
      yield item;
      yielded++;
      if (first !== undefined && yielded >= first) return;
    }
    if (items.length === 0 || record.isLast === true) return;
    // Trust the server's startAt when it sends one: it may have adjusted ours.
    startAt = (typeof record.startAt === 'number' ? record.startAt : startAt) + items.length;
    if (typeof record.total === 'number' && startAt >= record.total) return;
  }
}

async function* tokenPages<T>(send: PageSender, req: RequestSpec, paging: PagingSpec): AsyncGenerator<T> {
  const { first, pageSize, itemsKey } = paging;
  let toSkip = paging.skip ?? 0;
  let yielded = 0;
  let token: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    // Ask only for what is still needed, counting the items that will be discarded for `skip`.
    const needed = first === undefined ? undefined : first - yielded + toSkip;
    const page = await send(
      pageRequest(req, paging, { nextPageToken: token, maxResults: smaller(pageSize, needed) }),
    );
    const { items, record } = itemsOf<T>(page, itemsKey);
    for (const item of items) {
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      yield item;
      yielded++;
      if (first !== undefined && yielded >= first) return;
    }
    const next = record.nextPageToken;
    if (record.isLast === true || typeof next !== 'string' || next === '') return;
    // A server repeating a token would loop forever; stop instead.
    if (seen.has(next)) return;
    seen.add(next);
    token = next;
  }
}
