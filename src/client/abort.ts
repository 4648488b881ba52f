/** Abort signals for one attempt: the caller's signal combined with the per-attempt timeout. */

/** A per-attempt signal: the caller's, combined with the timeout when there is one. */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number) {
  const timer = timeoutMs > 0 ? new AbortController() : undefined;
  const handle = timer ? setTimeout(() => timer.abort(), timeoutMs) : undefined;
  // The open connection keeps the process alive while a call is pending; the timer alone must not.
  (handle as { unref?: () => void } | undefined)?.unref?.();
  const signals = [caller, timer?.signal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length < 2 ? signals[0] : AbortSignal.any(signals);
  return {
    signal,
    timedOut: () => timer?.signal.aborted === true,
    dispose: () => clearTimeout(handle),
  };
}
