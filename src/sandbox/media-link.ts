/**
 * Cloud's attachment downloads: `/attachment/content/{id}` answers 303 to a media host on another origin,
 * which serves the bytes to anyone holding a short-lived signed link and never looks at credentials. The
 * sandbox plays that host itself under another name for the same server (see `mediaOrigin`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a signed link stays valid. */
export const MEDIA_LINK_TTL_MS = 60_000;

/** Signs and checks download links with a secret that lives as long as the sandbox. */
export class MediaSigner {
  private readonly secret = randomBytes(32);

  /** The query of a link to attachment `id` valid until now + ttl. */
  sign(id: number, now = Date.now()): { token: string; expires: string } {
    const expires = String(now + MEDIA_LINK_TTL_MS);
    return { token: this.mac(id, expires), expires };
  }

  /** True when `token` was signed here for `id` and `expires` has not passed. */
  verify(id: number, token: string | undefined, expires: string | undefined, now = Date.now()): boolean {
    if (!token || !expires || !/^\d+$/.test(expires) || Number(expires) < now) return false;
    const expected = Buffer.from(this.mac(id, expires));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(id: number, expires: string): string {
    return createHmac('sha256', this.secret).update(`${id}:${expires}`).digest('base64url');
  }
}

/**
 * Another origin that reaches the same sandbox: `localhost` and `127.0.0.1` stand in for each other on a
 * real port; any other host name gets a `media.` prefix (in-process, every host name is answered).
 */
export function mediaOrigin(requestUrl: URL): string {
  const url = new URL(requestUrl.origin);
  const host = url.hostname;
  if (host === '127.0.0.1' || host === '[::1]') url.hostname = 'localhost';
  else if (host === 'localhost') url.hostname = '127.0.0.1';
  else if (!host.startsWith('media.')) url.hostname = `media.${host}`;
  return url.origin;
}
