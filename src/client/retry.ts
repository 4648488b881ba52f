/**
 * When to retry and how long to wait. Jira's 429 and 503 carry Retry-After, which is honoured to the
 * millisecond (never shortened); otherwise backoff is exponential with full jitter. A request that may have
 * reached Jira is only re-sent when repeating it is harmless (idempotent methods).
 */

import { ConfigurationError } from '../errors.js';
import type { RetryOptions } from './types.js';

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/** Four retries, backoff from 1 s up to 30 s, Retry-After waited up to 2 minutes. */
export const DEFAULT_RETRY: RetryPolicy = {
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Fill in defaults and reject nonsense values. */
export function retryPolicy(options: RetryOptions | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...stripUndefined(options ?? {}) };
  for (const [key, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0)
      throw new ConfigurationError(`retry.${key} must be a number >= 0`);
  }
  policy.retries = Math.floor(policy.retries);
  return policy;
}

function stripUndefined(o: RetryOptions): Partial<RetryPolicy> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** True for methods that may be repeated without changing the outcome. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Parse Retry-After (delta-seconds or an HTTP-date) into milliseconds from `now`; undefined if absent or bad. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full-jitter backoff for retry number `retry` (1 = first retry): uniform in [0, min(max, base * 2^(retry-1))]. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(random() * ceiling);
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; retryAfterMs?: number };

/**
 * Decide about a response. `retry` is the number of the retry that would follow (1 = first).
 * 429/503: Jira rejected the request unprocessed, so any method may be repeated.
 * 502/504: a gateway may have passed the request on, so only idempotent methods are.
 */
export function decideForStatus(
  status: number,
  headers: Headers,
  idempotent: boolean,
  retry: number,
  policy: RetryPolicy,
): RetryDecision {
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  const kept = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429 || status === 503) {
    if (retry > policy.retries) return { retry: false, ...kept };
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return { retry: false, ...kept };
    const delayMs =
      retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : backoffDelay(retry, policy);
    return { retry: true, delayMs, reason: `status ${status}` };
  }
  if ((status === 502 || status === 504) && idempotent && retry <= policy.retries) {
    return { retry: true, delayMs: backoffDelay(retry, policy), reason: `status ${status}` };
  }
  return { retry: false, ...kept };
}

// Failures that happen before a single byte of the request left: safe to repeat for any method.
const NOTHING_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Decide about a network failure identified by `code` (ECONNRESET, ECONNREFUSED, ...). */
export function decideForNetworkError(
  code: string | undefined,
  idempotent: boolean,
  retry: number,
  policy: RetryPolicy,
): RetryDecision {
  if (retry > policy.retries || code === undefined || isCertificateError(code)) return { retry: false };
  if (NOTHING_SENT.has(code) || idempotent) {
    return { retry: true, delayMs: backoffDelay(retry, policy), reason: code };
  }
  return { retry: false };
}

/** TLS verification failures are permanent; repeating them only delays the error. */
export function isCertificateError(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/.test(code);
}

/** Wait at least `ms` of wall-clock time, ending early (with the signal's reason) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // Timers may fire a millisecond early against the wall clock; a Retry-After must never be cut short.
    const deadline = Date.now() + ms;
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const tick = () => {
      const left = deadline - Date.now();
      if (left > 0) {
        timer = setTimeout(tick, left);
        return;
      }
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    timer = setTimeout(tick, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
