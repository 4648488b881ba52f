/**
 * Injected trouble for exercising clients: latency before every reply, 429 and 503 with Retry-After at given
 * rates, and connection resets. Spec syntax: `latency=20,429=0.1,503=0.05,reset=0.02,seed=1,wait=1`. With a
 * seed the sequence of outcomes is the same on every run; `wait` fixes the Retry-After seconds (default: 1 to 3).
 */
import { type Random, seededRandom } from './random.js';
import { rateLimitReset } from './render/time.js';

export interface FaultSpec {
  latencyMs: number;
  rate429: number;
  rate503: number;
  rateReset: number;
  seed: number | null;
  /** Retry-After seconds on injected 429 and 503 (null: drawn from 1 to 3). */
  waitSeconds: number | null;
}

export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'status'; status: 429 | 503; headers: Record<string, string>; body: unknown };

const KEYS = new Set(['latency', '429', '503', 'reset', 'seed', 'wait']);

/** Parses a fault spec; throws on unknown keys and values out of range. */
export function parseFaults(spec: string): FaultSpec {
  const out: FaultSpec = {
    latencyMs: 0,
    rate429: 0,
    rate503: 0,
    rateReset: 0,
    seed: null,
    waitSeconds: null,
  };
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const [rawKey, rawValue, extra] = part.split('=');
    const key = (rawKey ?? '').trim();
    const value = Number((rawValue ?? '').trim());
    if (!KEYS.has(key) || extra !== undefined || rawValue === undefined || !Number.isFinite(value)) {
      throw new Error(
        `Invalid fault "${part.trim()}": expected latency=MS, 429=RATE, 503=RATE, reset=RATE, seed=N, wait=SECONDS`,
      );
    }
    if (key === 'latency' || key === 'seed' || key === 'wait') {
      if (value < 0 || !Number.isInteger(value)) throw new Error(`Fault ${key} must be a whole number >= 0`);
      if (key === 'latency') out.latencyMs = value;
      else if (key === 'seed') out.seed = value;
      else out.waitSeconds = value;
      continue;
    }
    if (value < 0 || value > 1) throw new Error(`Fault rate ${key}=${value} must be between 0 and 1`);
    if (key === '429') out.rate429 = value;
    else if (key === '503') out.rate503 = value;
    else out.rateReset = value;
  }
  if (out.rate429 + out.rate503 + out.rateReset > 1) throw new Error('Fault rates add up to more than 1');
  return out;
}

/** Draws one outcome per request from the spec's rates. */
export class FaultInjector {
  private readonly random: Random;

  constructor(readonly spec: FaultSpec) {
    this.random = seededRandom(spec.seed ?? Math.floor(Math.random() * 2 ** 32));
  }

  /** True when the spec can change any reply (so plain runs skip the fault path entirely). */
  get active(): boolean {
    const s = this.spec;
    return s.latencyMs > 0 || s.rate429 > 0 || s.rate503 > 0 || s.rateReset > 0;
  }

  /** The outcome for the next request. */
  next(now: Date = new Date()): FaultOutcome {
    const { rate429, rate503, rateReset } = this.spec;
    if (rate429 + rate503 + rateReset === 0) return { kind: 'none' };
    const draw = this.random();
    // A second draw for Retry-After keeps the sequence independent of which branch ran.
    const drawn = 1 + Math.floor(this.random() * 3);
    const retryAfter = this.spec.waitSeconds ?? drawn;
    if (draw < rateReset) return { kind: 'reset' };
    if (draw < rateReset + rate429) {
      return {
        kind: 'status',
        status: 429,
        headers: {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Limit': '100',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': rateLimitReset(new Date(now.getTime() + retryAfter * 1000)),
          'RateLimit-Reason': 'jira-burst-based',
        },
        body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
      };
    }
    if (draw < rateReset + rate429 + rate503) {
      return {
        kind: 'status',
        status: 503,
        headers: { 'Retry-After': String(retryAfter) },
        body: { errorMessages: ['Service Unavailable: the server is temporarily overloaded.'], errors: {} },
      };
    }
    return { kind: 'none' };
  }
}
