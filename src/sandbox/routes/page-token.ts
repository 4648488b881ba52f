/**
 * Cloud's `nextPageToken`: opaque to clients. Ours carries the offset of the next page and a hash of the JQL,
 * so a token is refused when sent with a different query.
 */

/** The token for the page starting at `offset` of `jql`'s results. */
export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: hashJql(jql) })).toString('base64url');
}

/** The offset a token points at, or null when the token is malformed or belongs to another query. */
export function decodePageToken(token: string, jql: string): number | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { o, q } = value as Record<string, unknown>;
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || q !== hashJql(jql)) return null;
    return o;
  } catch {
    return null;
  }
}

/** FNV-1a, enough to tell queries apart. */
function hashJql(jql: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < jql.length; i += 1) {
    hash ^= jql.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
