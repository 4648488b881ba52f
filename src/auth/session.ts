/**
 * A Jira session: a cookie jar (JSESSIONID, atlassian.xsrf.token, tenant.session.token), the headers of a
 * `headers` credential, and optionally the credential itself so an expired cookie can be renewed.
 * It serializes to SessionData and resumes in another process.
 */

import { ConfigurationError } from '../errors.js';
import { absorbSetCookies, cookieHeader } from './cookies.js';
import type { SessionData } from './types.js';

/** A session made by `jira.sessions.create()` or restored with `Session.fromJSON()`. */
export class Session {
  /** The live state; cookies update as Jira sets them. Use `toJSON()` for a snapshot. */
  readonly data: SessionData;
  /** @internal A renewal in flight, shared by concurrent calls that hit the same expiry. */
  renewal: Promise<void> | undefined;

  private constructor(data: SessionData) {
    this.data = data;
  }

  /** A deep copy of the state, safe to store (it holds the credential when the session keeps one). */
  toJSON(): SessionData {
    return structuredClone(this.data);
  }

  /** Restore a session from `toJSON()` output; throws ConfigurationError on malformed data. */
  static fromJSON(data: SessionData): Session {
    validate(data);
    return new Session(structuredClone(data));
  }

  /** @internal True when the jar holds at least one cookie. */
  hasCookies(): boolean {
    return Object.keys(this.data.cookies).length > 0;
  }

  /** @internal The headers this session adds to a request (Cookie and session headers). */
  requestHeaders(): Record<string, string> {
    const headers: Record<string, string> = { ...this.data.headers };
    const cookie = cookieHeader(this.data.cookies);
    if (cookie) headers.Cookie = cookie;
    return headers;
  }

  /** @internal Take in the cookies a response set. */
  absorb(headers: Headers): boolean {
    return absorbSetCookies(this.data.cookies, headers);
  }

  /** @internal Replace the jar (after a renewal). */
  replaceCookies(cookies: Record<string, string>): void {
    for (const name of Object.keys(this.data.cookies)) delete this.data.cookies[name];
    Object.assign(this.data.cookies, cookies);
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function problemWith(d: Partial<SessionData> | null): string | undefined {
  if (typeof d !== 'object' || d === null) return 'not an object';
  if (d.version !== 1) return `unsupported version ${String(d.version)}`;
  if (typeof d.server !== 'string') return 'server missing';
  if (!isStringRecord(d.cookies)) return 'cookies must map names to strings';
  if (!isStringRecord(d.headers)) return 'headers must map names to strings';
  if (typeof d.createdAt !== 'string') return 'createdAt missing';
  const credential: unknown = d.credential;
  if (
    credential !== undefined &&
    (typeof credential !== 'object' || credential === null || !('type' in credential))
  )
    return 'credential malformed';
  return undefined;
}

function validate(data: unknown): asserts data is SessionData {
  const problem = problemWith(data as Partial<SessionData> | null);
  if (problem) throw new ConfigurationError(`Invalid session data: ${problem}`);
}
