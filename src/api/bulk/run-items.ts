/**
 * The engine of every bulk run: items started as the adaptive limit allows, results handed out in item order,
 * each item ending done, failed or skipped, the journal written around every change, progress reported on every
 * state change. Items the journal already settled are reported again without a request.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { watchResponses } from '../../client/response-watch.js';
import type { CallOptions } from '../../client/types.js';
import { AuthenticationError, NetworkError, RateLimitError, ServerError } from '../../errors.js';
import { AdaptiveLimit } from './adaptive-limit.js';
import { failureReason } from './failure-reason.js';
import type { JournalEvent, JournalWriter } from './journal.js';

/** Options of every bulk run. */
export interface BulkRunOptions extends CallOptions {
  /** Requests in flight at the start (default 4). */
  concurrency?: number;
  /** The most the limit may grow to (default 16). */
  maxConcurrency?: number;
  /** Path of a new journal file for this run (refused if it exists). */
  journal?: string;
  /** Called on every state change. */
  onProgress?: (p: BulkProgress) => void;
}

/** Where a bulk run stands. */
export interface BulkProgress {
  total: number | undefined;
  done: number;
  failed: number;
  skipped: number;
  inFlight: number;
  /** The current concurrency limit. */
  concurrency: number;
  /** > 0 while new requests wait on a rate limit. */
  waitingMs: number;
  /** Completions per second over the last few seconds. */
  ratePerSecond: number;
}

/** How one item ended. */
export type ItemOutcome =
  | { index: number; status: 'done'; key: string; id?: string; reconciled?: boolean }
  | { index: number; status: 'failed'; key: string; error: Error }
  | { index: number; status: 'skipped'; key: string; reason: string };

/** What an item's work gives back when it succeeds. */
export interface ItemDone {
  key: string;
  id?: string;
  reconciled?: boolean;
}

/** The per-item context: call options carrying the item's signal, and whether the item was sent before. */
export interface ItemContext {
  call: CallOptions;
  /** The journal says a change was sent for this item in an earlier run, outcome unknown: reconcile first. */
  wasSent: boolean;
  /** Record that a change is about to be sent (written before the request). */
  sent(): void;
}

export interface RunSpec {
  count: number;
  /** The issue key of an item where known (per-issue rate limits, results). */
  keyOf(index: number): string;
  /** Last journal events by item (a resumed run). */
  prior?: Map<number, JournalEvent>;
  journal?: JournalWriter;
  work(index: number, ctx: ItemContext): Promise<ItemDone>;
  opts: BulkRunOptions;
}

const RATE_WINDOW_MS = 5000;
/** Tries of one item when its failures are transient (rate limit, network, 5xx). */
const ITEM_TRIES = 4;
const RETRY_PAUSE_MS = 500;

/** Run every item; results in item order. */
export async function* runItems(spec: RunSpec): AsyncGenerator<ItemOutcome> {
  const { concurrency, maxConcurrency, journal: _journal, onProgress, signal, ...callBase } = spec.opts;
  const limit = new AdaptiveLimit({
    ...(concurrency !== undefined ? { initial: concurrency } : {}),
    max: maxConcurrency ?? Math.max(16, concurrency ?? 4),
  });
  const run = new AbortController();
  const onAbort = () => run.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });

  const counts = { done: 0, failed: 0, skipped: 0 };
  const finishedAt: number[] = [];
  const progress = () => {
    if (!onProgress) return;
    const now = Date.now();
    while (finishedAt.length > 0 && (finishedAt[0] ?? 0) < now - RATE_WINDOW_MS) finishedAt.shift();
    const span = Math.min(RATE_WINDOW_MS, Math.max(1000, now - (finishedAt[0] ?? now))) / 1000;
    onProgress({
      total: spec.count,
      ...counts,
      inFlight: limit.inFlight,
      concurrency: limit.limit,
      waitingMs: limit.waitingMs,
      ratePerSecond: Math.round((finishedAt.length / span) * 10) / 10,
    });
  };

  const slots = Array.from({ length: spec.count }, () => deferred<ItemOutcome>());
  const settled = new Set<number>();
  const settle = (outcome: ItemOutcome) => {
    settled.add(outcome.index);
    if (outcome.status === 'done') counts.done += 1;
    else if (outcome.status === 'failed') counts.failed += 1;
    else counts.skipped += 1;
    if (outcome.status !== 'skipped') finishedAt.push(Date.now());
    slots[outcome.index]?.resolve(outcome);
    progress();
  };
  let stopped: string | undefined;

  const attempt = async (index: number, key: string, wasSent: boolean): Promise<void> => {
    const item = AbortSignal.any([run.signal]);
    // An item's calls are sequential: each request left after the previous reply (or the slot was taken).
    let previous = limit.now();
    watchResponses(item, (status, headers) => {
      limit.observe(status, headers, key || undefined, previous);
      previous = limit.now();
      if (status === 429) progress();
    });
    try {
      let sentNow = false;
      let done: ItemDone;
      for (let tries = 1; ; tries++) {
        try {
          done = await spec.work(index, {
            call: { ...callBase, signal: item },
            // Once a change was sent, a new try must first find out whether it took effect.
            wasSent: wasSent || sentNow,
            sent: () => {
              sentNow = true;
              spec.journal?.record({ i: index, state: 'sent' });
            },
          });
          break;
        } catch (error) {
          // The pipeline gave up retrying (a long rate limit, a flaky network): the item gets a few more tries.
          if (run.signal.aborted || !transient(error) || tries >= ITEM_TRIES) throw error;
          await sleep(Math.max(limit.waitingMs, RETRY_PAUSE_MS * tries), undefined, { signal: item });
        }
      }
      spec.journal?.record({ i: index, state: 'done', key: done.key, ...(done.id ? { id: done.id } : {}) });
      settle({
        index,
        status: 'done',
        key: done.key,
        ...(done.id ? { id: done.id } : {}),
        ...reconciled(done),
      });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (run.signal.aborted) {
        // Possibly sent: the journal keeps it `sent`, and a resume reconciles it.
        stopped ??= 'the run was cancelled';
        settle({ index, status: 'skipped', key, reason: stopped });
        return;
      }
      if (error instanceof AuthenticationError)
        stopped ??= `stopped after item ${index + 1}: ${error.message}`;
      // An unknown outcome stays `sent` in the journal so that a resume reconciles it rather than trusting it.
      if (!(error instanceof NetworkError || error instanceof ServerError))
        spec.journal?.record({
          i: index,
          state: 'failed',
          key: key || undefined,
          reason: failureReason(error),
        });
      settle({ index, status: 'failed', key, error });
    } finally {
      limit.release();
    }
  };

  const produce = async () => {
    for (let index = 0; index < spec.count; index++) {
      const key = spec.keyOf(index);
      const before = spec.prior?.get(index);
      if (before?.state === 'done') {
        settle({ index, status: 'done', key: before.key ?? key, ...(before.id ? { id: before.id } : {}) });
        continue;
      }
      if (before?.state === 'failed') {
        settle({
          index,
          status: 'failed',
          key: before.key ?? key,
          error: new Error(before.reason ?? 'failed'),
        });
        continue;
      }
      if (stopped === undefined && !run.signal.aborted) {
        try {
          await limit.acquire(run.signal, key || undefined);
        } catch {
          stopped ??= 'the run was cancelled';
        }
      }
      if (run.signal.aborted) stopped ??= 'the run was cancelled';
      if (stopped !== undefined) {
        settle({ index, status: 'skipped', key, reason: stopped });
        continue;
      }
      progress();
      // attempt settles its item itself; this only keeps a journal write error from going unhandled.
      attempt(index, key, before?.state === 'sent').catch((error: unknown) => {
        if (!settled.has(index))
          settle({
            index,
            status: 'failed',
            key,
            error: error instanceof Error ? error : new Error(String(error)),
          });
      });
    }
  };

  const producing = produce();
  try {
    for (const slot of slots) yield await slot.promise;
    await producing;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!run.signal.aborted) run.abort();
    spec.journal?.close();
  }
}

function reconciled(done: ItemDone): { reconciled?: true } {
  return done.reconciled ? { reconciled: true } : {};
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function transient(error: unknown): boolean {
  return error instanceof RateLimitError || outcomeUnknown(error);
}

/** An error whose request may or may not have been applied (no answer, or a 5xx after retries). */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof ServerError;
}
