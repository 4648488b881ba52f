/**
 * Data Center search with offset pages in parallel. The first page tells `total`; the remaining pages are
 * then known in advance (startAt = skip + k * pageSize) and go out a few at a time, yielded in order.
 *
 * Caveat of offset paging under concurrent writes: an issue created or deleted while the search runs shifts
 * every later offset, so an item can show up on two pages or on none. Items repeated across a page boundary
 * are dropped, and a short or empty page ends the search, but an issue that moved past a boundary is missed.
 */

import type { CallOptions, RequestSpec } from '../client/types.js';
import { inOrder, linkedController, type PageTask } from './ordered-pages.js';

/** Data Center's page size cap (`jira.search.views.default.max`); the server may cap lower, read back. */
export const DC_MAX_PAGE = 1000;

/** What one page request needs: the search request, paging bounds and how to send. */
export interface OffsetSearchPlan {
  spec: RequestSpec;
  first?: number;
  skip?: number;
  pageSize?: number;
  concurrency: number;
  send: (spec: RequestSpec, call: CallOptions) => Promise<unknown>;
  call: CallOptions;
}

interface OffsetPage {
  items: unknown[];
  total: number | undefined;
  maxResults: number | undefined;
}

/** A page fetched after the first, with the size asked for (fewer items means the end). */
interface Fetched {
  page: OffsetPage;
  size: number;
}

function readPage(page: unknown): OffsetPage {
  const record = typeof page === 'object' && page !== null ? (page as Record<string, unknown>) : {};
  const items = Array.isArray(record.issues) ? (record.issues as unknown[]) : [];
  const total = typeof record.total === 'number' ? record.total : undefined;
  const maxResults = typeof record.maxResults === 'number' ? record.maxResults : undefined;
  return { items, total, maxResults };
}

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
}

/** Raw issues of an offset search, in order, fetching pages `concurrency` at a time after the first. */
export async function* parallelOffsetSearch(plan: OffsetSearchPlan): AsyncGenerator<unknown> {
  const { spec, first, concurrency, send } = plan;
  const skip = plan.skip ?? 0;
  if (first === 0) return;
  const controller = linkedController(plan.call.signal);
  const call = { ...plan.call, signal: controller.signal };
  const fetchPage = async (startAt: number, maxResults: number, signal: AbortSignal) =>
    readPage(await send({ ...spec, query: { ...spec.query, startAt, maxResults } }, { ...call, signal }));

  const wanted = plan.pageSize ?? DC_MAX_PAGE;
  const head = planFromFirstPage(
    await fetchPage(skip, first === undefined ? wanted : Math.min(wanted, first), call.signal),
    { wanted, skip, first },
  );
  const { step, end } = head;
  let headItems: unknown[] | undefined = head.items;
  let previousIds = new Set(headItems.map(idOf));
  head.items = [];

  let nextStart = skip + step;
  const source = async (): Promise<PageTask<Fetched> | undefined> => {
    if (nextStart >= end) return undefined;
    const startAt = nextStart;
    const size = Math.min(step, end - startAt);
    nextStart += size;
    return async (signal) => ({ page: await fetchPage(startAt, size, signal), size });
  };
  // The first page counts against the limit while the caller works through it.
  const pages = inOrder(source, concurrency, controller, true);
  // Asking for the first result starts the next requests now, while the caller works through the first page.
  const primed = pages.next();
  primed.catch(() => undefined);
  let yielded = 0;
  try {
    for (const item of headItems) {
      yielded++;
      yield item;
    }
    // Let the first page go: the loop below holds one page at a time.
    headItems = undefined;
    let pending: Promise<IteratorResult<Fetched, undefined>> | undefined = primed;
    while (pending !== undefined) {
      let fetched: Fetched | undefined = (await pending).value;
      pending = undefined;
      if (fetched === undefined) return;
      const ids = new Set<unknown>();
      for (const item of fetched.page.items) {
        const id = idOf(item);
        ids.add(id);
        // An issue deleted meanwhile shifts offsets back by one: it then ends one page and opens the next.
        if (id !== undefined && previousIds.has(id)) continue;
        if (first !== undefined && yielded >= first) return;
        yielded++;
        yield item;
      }
      if (fetched.page.items.length < fetched.size) return;
      // Drop the page before waiting for the next one, so only `concurrency` pages are ever alive.
      fetched = undefined;
      previousIds = ids;
      pending = pages.next();
    }
  } finally {
    // Stops requests still in flight when the caller leaves early or a page failed.
    controller.abort();
    await primed.catch(() => undefined);
    await pages.return(undefined);
  }
}

/** What the first page tells: its items (cut to `first`), the page size the server used, and where to stop. */
function planFromFirstPage(
  page: OffsetPage,
  bounds: { wanted: number; skip: number; first: number | undefined },
): { items: unknown[]; step: number; end: number } {
  const { wanted, skip, first } = bounds;
  const items = first === undefined ? page.items : page.items.slice(0, first);
  // The server may have capped the page size: step by what it actually used. A short first page is the only one.
  const step = Math.max(1, Math.min(wanted, page.maxResults ?? wanted));
  if (page.total === undefined || page.items.length < step) return { items, step, end: 0 };
  return { items, step, end: first === undefined ? page.total : Math.min(page.total, skip + first) };
}
