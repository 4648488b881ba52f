/**
 * Response-header logging (JiraPS's Set-JiraConfigResponseHeaderLog): the caller picks headers with
 * case-insensitive wildcard patterns. Credential headers are never logged, whatever the patterns say.
 */

import { redact } from './redact.js';
import type { HeaderLogConfig } from './types.js';

/** Headers whose values are credentials; never logged even when a pattern matches them. */
export const NEVER_LOGGED: readonly string[] = [
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
];

/** Compile a wildcard pattern (`*` any run, `?` one character) into an anchored, case-insensitive RegExp. */
export function wildcard(pattern: string): RegExp {
  const source = pattern
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** A compiled header-log configuration. */
export class HeaderLog {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  constructor(readonly config: HeaderLogConfig) {
    if (!Array.isArray(config.include)) throw new TypeError('responseHeaderLog.include must be an array');
    this.include = config.include.map(wildcard);
    this.exclude = (config.exclude ?? []).map(wildcard);
  }

  /** Warnings for include patterns that would match a credential header (which stays unlogged). */
  warnings(): string[] {
    const out: string[] = [];
    for (const pattern of this.config.include) {
      const re = wildcard(pattern);
      const hits = NEVER_LOGGED.filter((name) => re.test(name) && !this.exclude.some((x) => x.test(name)));
      if (hits.length > 0) {
        out.push(
          `Response header log pattern '${pattern}' matches ${hits.join(', ')}, which are never logged.`,
        );
      }
    }
    return out;
  }

  /** True when a header of this name is to be logged. */
  matches(name: string): boolean {
    const lower = name.toLowerCase();
    if (NEVER_LOGGED.includes(lower)) return false;
    return this.include.some((re) => re.test(lower)) && !this.exclude.some((re) => re.test(lower));
  }

  /** Log lines for a response's matching headers, values redacted. */
  lines(headers: Headers, label: { method: string; url: string; status: number }): string[] {
    const out: string[] = [];
    headers.forEach((value, name) => {
      if (this.matches(name)) {
        out.push(
          `jirats: response header ${name}: ${redact(value)} (${label.status} ${label.method} ${label.url})`,
        );
      }
    });
    return out;
  }
}
