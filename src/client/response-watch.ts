/**
 * Lets a caller see the status and headers of every response to its calls, retried attempts included (a bulk
 * run's rate limiter learns from each 429 and each X-RateLimit-* header this way).
 */

/** Sees one response. */
export type ResponseWatcher = (status: number, headers: Headers) => void;

// Keyed by the calls' AbortSignal, so a caller watches its own calls without a new option on every method.
const responseWatchers = new WeakMap<AbortSignal, ResponseWatcher>();

/** Watch every response of the calls made with `signal` (one watcher per signal). */
export function watchResponses(signal: AbortSignal, watcher: ResponseWatcher): void {
  responseWatchers.set(signal, watcher);
}

/** Hand one response to the watcher of `signal`, if any. */
export function tellWatcher(signal: AbortSignal, status: number, headers: Headers): void {
  responseWatchers.get(signal)?.(status, headers);
}
