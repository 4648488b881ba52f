/**
 * The concurrency of a bulk run, adapted to what Jira answers: halved and paused on 429 (or 503 with
 * Retry-After), grown by one after a streak of clean answers, held when the rate-limit headers say the budget is
 * nearly spent, and paced under the fill rate once Remaining runs low, so the run bends instead of hitting walls.
 */

/** Options of an `AdaptiveLimit`. */
export interface AdaptiveLimitOptions {
  /** Requests in flight at the start (default 4). */
  initial?: number;
  /** The most the limit may grow to (default 16). */
  max?: number;
  /** The clock (ms); tests pass a fake one. */
  now?: () => number;
}

/** Clean answers in a row, per unit of the current limit, before the limit grows by one. */
const CLEAN_PER_STEP = 1;
/** Remaining budget below this share of the bucket counts as "near the limit". */
const LOW_SHARE = 0.2;

export class AdaptiveLimit {
  #limit: number;
  readonly #max: number;
  readonly #now: () => number;
  #active = 0;
  #clean = 0;
  /** No new request before this time (a rate limit's Retry-After / reset). */
  #pausedUntil = 0;
  /** When the current pause began. */
  #pausedAt = 0;
  /** Writes to one issue paused by a per-issue rate limit. */
  readonly #issuePaused = new Map<string, number>();
  /** Milliseconds between request starts while pacing under the fill rate (0: not pacing). */
  #gapMs = 0;
  #nextStart = 0;
  #wakers: (() => void)[] = [];

  constructor(opts: AdaptiveLimitOptions = {}) {
    const initial = opts.initial ?? 4;
    const max = opts.max ?? Math.max(16, initial);
    if (!Number.isInteger(initial) || initial < 1)
      throw new RangeError('concurrency must be an integer >= 1');
    if (!Number.isInteger(max) || max < initial)
      throw new RangeError('maxConcurrency must be an integer >= concurrency');
    this.#limit = initial;
    this.#max = max;
    this.#now = opts.now ?? Date.now;
  }

  /** The limit's clock (ms). */
  now(): number {
    return this.#now();
  }

  /** The current limit. */
  get limit(): number {
    return this.#limit;
  }

  get inFlight(): number {
    return this.#active;
  }

  /** How long new requests still wait on a rate limit (0 when not paused). */
  get waitingMs(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  /** Wait for a free slot (and for any pause on the run or on `issue`), then take it. */
  async acquire(signal?: AbortSignal, issue?: string): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.#now();
      const until = Math.max(
        this.#pausedUntil,
        issue ? (this.#issuePaused.get(issue) ?? 0) : 0,
        this.#nextStart,
      );
      if (this.#active < this.#limit && until <= now) {
        this.#active += 1;
        if (this.#gapMs > 0) this.#nextStart = now + this.#gapMs;
        return;
      }
      await this.#sleep(until > now ? until - now : undefined, signal);
    }
  }

  /** Give a slot back. */
  release(): void {
    this.#active = Math.max(0, this.#active - 1);
    this.#wake();
  }

  /**
   * Learn from one response (every attempt, retried ones included); `issue` is the item it was for, `sentAfter`
   * a time before which its request was surely not sent. A clean answer to a request sent after a pause began
   * proves the budget has room again, so the pause ends early (the halved limit stays).
   */
  observe(status: number, headers: Headers, issue?: string, sentAfter?: number): void {
    const retryAfterMs = waitFromHeaders(headers, this.#now());
    if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
      this.#limit = Math.max(1, Math.floor(this.#limit / 2));
      this.#clean = 0;
      const until = this.#now() + (retryAfterMs ?? 1000);
      const reason = headers.get('ratelimit-reason') ?? '';
      if (issue && /per-issue/i.test(reason)) {
        this.#issuePaused.set(issue, Math.max(this.#issuePaused.get(issue) ?? 0, until));
      } else {
        this.#pausedUntil = Math.max(this.#pausedUntil, until);
        this.#pausedAt = this.#now();
      }
      this.#wake();
      return;
    }
    if (status >= 400) return;
    if (sentAfter !== undefined && sentAfter >= this.#pausedAt && this.#pausedUntil > this.#now()) {
      this.#pausedUntil = 0;
      this.#wake();
    }
    this.#pace(headers);
    if (nearLimit(headers)) {
      this.#clean = 0;
      return;
    }
    this.#clean += 1;
    if (this.#clean >= this.#limit * CLEAN_PER_STEP && this.#limit < this.#max) {
      this.#limit += 1;
      this.#clean = 0;
      this.#wake();
    }
  }

  /** Once the budget runs low, space request starts so the run stays under the fill rate instead of a 429. */
  #pace(headers: Headers): void {
    const remaining = numberHeader(headers, 'x-ratelimit-remaining');
    const size = numberHeader(headers, 'x-ratelimit-limit');
    const fill = numberHeader(headers, 'x-ratelimit-fillrate');
    const interval = numberHeader(headers, 'x-ratelimit-interval-seconds') ?? 1;
    if (remaining === undefined || size === undefined || fill === undefined || fill <= 0) return;
    this.#gapMs = remaining < size * LOW_SHARE ? (interval * 1000) / fill : 0;
    if (this.#gapMs === 0) this.#nextStart = 0;
  }

  #sleep(ms: number | undefined, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      this.#wakers.push(done);
    });
  }

  #wake(): void {
    const wakers = this.#wakers;
    this.#wakers = [];
    for (const wake of wakers) wake();
  }
}

/** How long a rate-limited answer asks to wait: Retry-After (seconds or a date), else X-RateLimit-Reset. */
export function waitFromHeaders(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}

function nearLimit(headers: Headers): boolean {
  if (headers.get('x-ratelimit-nearlimit')?.toLowerCase() === 'true') return true;
  const remaining = numberHeader(headers, 'x-ratelimit-remaining');
  const size = numberHeader(headers, 'x-ratelimit-limit');
  return remaining !== undefined && size !== undefined && remaining < size * LOW_SHARE;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
