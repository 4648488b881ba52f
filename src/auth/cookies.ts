/** A minimal cookie jar for one Jira server: Set-Cookie parsing and the Cookie header. */

export interface SetCookie {
  name: string;
  value: string;
  /** True when the server asked to delete the cookie (Max-Age <= 0 or an Expires date in the past). */
  expired: boolean;
}

/** Parse one Set-Cookie header line; undefined when it has no name. */
export function parseSetCookie(line: string, now: number = Date.now()): SetCookie | undefined {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  let value = pair.slice(eq + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  let expired = false;
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const attrValue = rest.join('=').trim();
    if (key === 'max-age' && /^-?\d+$/.test(attrValue)) expired = Number(attrValue) <= 0;
    if (key === 'expires') {
      const when = Date.parse(attrValue);
      if (!Number.isNaN(when) && when <= now) expired = true;
    }
  }
  return { name, value, expired };
}

/** The Set-Cookie lines of a response (Headers.getSetCookie where the runtime has it). */
export function setCookieLines(headers: Headers): string[] {
  const withGetter = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof withGetter.getSetCookie === 'function') return withGetter.getSetCookie();
  const joined = headers.get('set-cookie');
  // Without getSetCookie the lines arrive comma-joined; split only where a new `name=` starts.
  return joined ? joined.split(/,(?=\s*[^;,=\s]+=)/).map((s) => s.trim()) : [];
}

/** Apply a response's Set-Cookie lines to a jar; true when anything changed. */
export function absorbSetCookies(jar: Record<string, string>, headers: Headers): boolean {
  let changed = false;
  for (const line of setCookieLines(headers)) {
    const cookie = parseSetCookie(line);
    if (!cookie) continue;
    if (cookie.expired || cookie.value === '') {
      if (cookie.name in jar) {
        delete jar[cookie.name];
        changed = true;
      }
    } else if (jar[cookie.name] !== cookie.value) {
      jar[cookie.name] = cookie.value;
      changed = true;
    }
  }
  return changed;
}

/** The Cookie header for a jar, or undefined when it is empty. */
export function cookieHeader(jar: Record<string, string>): string | undefined {
  const pairs = Object.entries(jar).map(([name, value]) => `${name}=${value}`);
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}
