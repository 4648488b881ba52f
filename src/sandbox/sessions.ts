import { randomBytes } from 'node:crypto';

/** A cookie session: who it belongs to and when it was last used. */
export interface SessionRecord {
  id: string;
  userName: string;
  /** Value of Data Center's `atlassian.xsrf.token` cookie. */
  xsrfToken: string;
  createdAt: number;
  lastUsedAt: number;
  expired: boolean;
}

/** Sessions a long benchmark could pile up; the least recently used go first beyond this. */
const MAX_SESSIONS = 10_000;

/**
 * Cookie sessions kept in memory (they end with the process, as Jira's do on restart). A session expires
 * after `ttlMs` without use, or at once through `expireAll()`; no timers run, expiry is checked on lookup.
 */
export class SessionTable {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A new session for `userName`. */
  create(userName: string): SessionRecord {
    const now = this.clock();
    const session: SessionRecord = {
      id: randomBytes(16).toString('hex').toUpperCase(),
      userName,
      xsrfToken: `${randomBytes(10).toString('hex').toUpperCase()}_lin`,
      createdAt: now,
      lastUsedAt: now,
      expired: false,
    };
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with `id` (its idle timer restarts), or undefined when unknown or expired. */
  use(id: string): SessionRecord | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.clock();
    if (session.expired || now - session.lastUsedAt > this.ttlMs) {
      session.expired = true;
      return undefined;
    }
    session.lastUsedAt = now;
    // Re-insert so Map order stays least-recently-used first.
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  /** Ends the session (logout). */
  remove(id: string): void {
    this.sessions.delete(id);
  }

  /** Test hook: every existing session becomes expired. */
  expireAll(): void {
    for (const session of this.sessions.values()) session.expired = true;
  }
}

/** Cookie name → value from a `Cookie` request header. */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
