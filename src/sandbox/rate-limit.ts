/**
 * Cloud-like rate limits: a token bucket per caller (burst-based 429s) and, optionally, a cap of 20 writes per
 * 2 s on each issue (per-issue 429s). Every answer carries the bucket's state in the headers Data Center's
 * limiter sends, so a client can pace itself before it is refused.
 */
import { rateLimitReset } from './render/time.js';

export interface RateLimitOptions {
  /** Tokens added to each caller's bucket per second. */
  perSecond: number;
  /** Bucket size: how many requests may go out at once after a quiet spell. Default `perSecond`. */
  burst?: number;
  /** Refuse a 21st write to one issue within 2 s (`RateLimit-Reason: jira-per-issue-on-write`). */
  perIssueWrites?: boolean;
}

/** The decision for one request: headers for its reply, and a refusal when it is over a budget. */
export interface RateLimitVerdict {
  headers: Record<string, string>;
  refusal?: { retryAfterSeconds: number; reason: 'jira-burst-based' | 'jira-per-issue-on-write' };
}

const PER_ISSUE_WRITES = 20;
const PER_ISSUE_WINDOW_MS = 2000;
const NEAR_LIMIT_SHARE = 0.2;
const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
/** A write aimed at one issue: `/rest/api/{2,3,latest}/issue/{key or id}` and anything below it. */
const ISSUE_WRITE_PATH = /\/rest\/api\/(?:2|3|latest)\/issue\/([^/]+)/;
/** Sub-resources of `/issue/` that name no issue. */
const NOT_AN_ISSUE = new Set([
  'bulk',
  'bulkfetch',
  'createmeta',
  'picker',
  'properties',
  'archive',
  'unarchive',
]);

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Validates the options; throws on values a token bucket cannot use. */
export function checkRateLimitOptions(options: RateLimitOptions): Required<RateLimitOptions> {
  const { perSecond, burst = Math.max(1, Math.ceil(perSecond)), perIssueWrites = false } = options;
  if (!Number.isFinite(perSecond) || perSecond <= 0)
    throw new Error('rateLimit.perSecond must be a number > 0');
  if (!Number.isInteger(burst) || burst < 1) throw new Error('rateLimit.burst must be a whole number >= 1');
  return { perSecond, burst, perIssueWrites };
}

/** Parses `N`, `N/s` or `N/m` (requests per second or per minute) into requests per second. */
export function parseRateLimit(spec: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|m|min))?\s*$/i.exec(spec);
  const value = match ? Number(match[1]) : Number.NaN;
  if (!match || !(value > 0))
    throw new Error(`Invalid rate limit "${spec}": expected N, N/s or N/m with N > 0`);
  return (match[2] ?? 's').toLowerCase().startsWith('m') ? value / 60 : value;
}

export class RateLimiter {
  private readonly options: Required<RateLimitOptions>;
  private readonly buckets = new Map<string, Bucket>();
  /** Times of recent writes per issue, oldest first. */
  private readonly issueWrites = new Map<string, number[]>();

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.options = checkRateLimitOptions(options);
  }

  /** Takes a token for the request's caller (and counts an issue write), or refuses it. */
  admit(request: Request): RateLimitVerdict {
    const nowMs = this.now();
    const bucket = this.bucketOf(callerOf(request), nowMs);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.perSecond));
      return {
        headers: this.headers(bucket, nowMs, wait),
        refusal: { retryAfterSeconds: wait, reason: 'jira-burst-based' },
      };
    }
    const issue = this.options.perIssueWrites ? writtenIssue(request) : undefined;
    if (issue !== undefined) {
      const recent = this.recentWrites(issue, nowMs);
      if (recent.length >= PER_ISSUE_WRITES) {
        const wait = Math.max(1, Math.ceil(((recent[0] ?? nowMs) + PER_ISSUE_WINDOW_MS - nowMs) / 1000));
        return {
          headers: this.headers(bucket, nowMs, wait),
          refusal: { retryAfterSeconds: wait, reason: 'jira-per-issue-on-write' },
        };
      }
      recent.push(nowMs);
    }
    bucket.tokens -= 1;
    return { headers: this.headers(bucket, nowMs, 0) };
  }

  private bucketOf(caller: string, nowMs: number): Bucket {
    const { burst, perSecond } = this.options;
    let bucket = this.buckets.get(caller);
    if (!bucket) {
      bucket = { tokens: burst, updatedMs: nowMs };
      this.buckets.set(caller, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * perSecond);
    bucket.updatedMs = nowMs;
    return bucket;
  }

  private recentWrites(issue: string, nowMs: number): number[] {
    let times = this.issueWrites.get(issue);
    if (!times) {
      // Forget issues nobody wrote to lately, so a long run's map stays small.
      if (this.issueWrites.size > 10_000) this.sweep(nowMs);
      times = [];
      this.issueWrites.set(issue, times);
    }
    while (times.length > 0 && (times[0] ?? 0) <= nowMs - PER_ISSUE_WINDOW_MS) times.shift();
    return times;
  }

  private sweep(nowMs: number): void {
    for (const [issue, times] of this.issueWrites) {
      if ((times.at(-1) ?? 0) <= nowMs - PER_ISSUE_WINDOW_MS) this.issueWrites.delete(issue);
    }
  }

  private headers(bucket: Bucket, nowMs: number, retryAfterSeconds: number): Record<string, string> {
    const { burst, perSecond } = this.options;
    const remaining = Math.max(0, Math.floor(bucket.tokens));
    // When the bucket is full again (or, when refused, when the caller may try again).
    const refillSeconds = retryAfterSeconds > 0 ? retryAfterSeconds : (burst - bucket.tokens) / perSecond;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(burst),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-FillRate': String(perSecond),
      'X-RateLimit-Interval-Seconds': '1',
      'X-RateLimit-Reset': rateLimitReset(new Date(nowMs + Math.ceil(refillSeconds * 1000))),
    };
    if (remaining < burst * NEAR_LIMIT_SHARE) headers['X-RateLimit-NearLimit'] = 'true';
    if (retryAfterSeconds > 0) headers['Retry-After'] = String(retryAfterSeconds);
    return headers;
  }
}

/** Who a request counts against: its credentials (or session cookie); callers without either share one bucket. */
function callerOf(request: Request): string {
  const authorization = request.headers.get('authorization');
  if (authorization) return `auth:${authorization}`;
  const session = /(?:^|;\s*)(?:JSESSIONID|tenant\.session\.token)=([^;]+)/.exec(
    request.headers.get('cookie') ?? '',
  );
  return session ? `session:${session[1]}` : 'anonymous';
}

/** The issue key or id a write goes to (upper-cased), or undefined when the request writes no single issue. */
function writtenIssue(request: Request): string | undefined {
  if (!WRITE_METHODS.has(request.method)) return undefined;
  const match = ISSUE_WRITE_PATH.exec(new URL(request.url).pathname);
  const target = match?.[1];
  if (target === undefined || NOT_AN_ISSUE.has(target.toLowerCase())) return undefined;
  return decodeURIComponent(target).toUpperCase();
}

/** Adds the limiter's headers to a reply, copying it when its headers are immutable. */
export function withRateLimitHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
