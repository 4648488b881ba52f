/**
 * Runs page requests a few at a time and hands their results back in request order. Memory stays bounded:
 * at most `limit` pages are in flight or waiting to be consumed. Ending early (break, return, an error)
 * aborts whatever is still in flight.
 */

import { ConfigurationError } from '../errors.js';

/** One page request; it must honour the signal it is given. */
export type PageTask<T> = (signal: AbortSignal) => Promise<T>;

/** Produces the next page request, or undefined when there are no more. May wait (e.g. for a list of keys). */
export type TaskSource<T> = (signal: AbortSignal) => Promise<PageTask<T> | undefined>;

/** The concurrency asked for, checked: a whole number of at least 1. */
export function checkConcurrency(value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigurationError(`concurrency must be an integer >= 1 (got ${n})`);
  return n;
}

/** A controller that follows the caller's signal, so aborting either one stops the work. */
export function linkedController(caller: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (caller === undefined) return controller;
  if (caller.aborted) {
    controller.abort(caller.reason);
    return controller;
  }
  const follow = () => controller.abort(caller.reason);
  caller.addEventListener('abort', follow, { once: true });
  // Every search aborts its own controller when it ends: stop listening then, so a long-lived signal keeps nothing.
  controller.signal.addEventListener('abort', () => caller.removeEventListener('abort', follow), {
    once: true,
  });
  return controller;
}

/**
 * Yields each task's result in the order the tasks were produced. At most `limit` pages are held at once,
 * counting the one the caller is working through: `limit` requests before the first result, `limit - 1`
 * while a result is out with the caller. `callerHolds` says the caller already holds a page when it starts.
 */
export async function* inOrder<T>(
  source: TaskSource<T>,
  limit: number,
  controller: AbortController,
  callerHolds = false,
): AsyncGenerator<T> {
  const signal = controller.signal;
  const queue: Promise<T>[] = [];
  let exhausted = false;
  const fill = async (max: number): Promise<void> => {
    while (!exhausted && queue.length < max) {
      const task = await source(signal);
      if (task === undefined) {
        exhausted = true;
        return;
      }
      const running = task(signal);
      // Awaited in order below; until then a rejection must not count as unhandled.
      running.catch(() => undefined);
      queue.push(running);
    }
  };
  const whileHolding = Math.max(1, limit - 1);
  try {
    await fill(callerHolds ? whileHolding : limit);
    while (queue.length > 0) {
      let result: T | undefined = await (queue.shift() as Promise<T>);
      // Start the next request before handing this page out, so the network works while the caller does.
      await fill(whileHolding);
      yield result;
      // Drop the page before waiting for the next one, so only `limit` pages are ever alive.
      result = undefined;
    }
  } finally {
    if (!signal.aborted) controller.abort();
  }
}
