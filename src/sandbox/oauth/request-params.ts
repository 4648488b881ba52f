/** Reads the parameters of a token-endpoint style request: a JSON object or a form-urlencoded body. */

export type Params = Map<string, string>;

/** The body's string parameters, or null when the body is neither a JSON object nor a form. */
export async function readParams(request: Request): Promise<Params | null> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const text = await request.text();
  const params: Params = new Map();
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === 'string') params.set(name, value);
      else if (typeof value === 'number' || typeof value === 'boolean') params.set(name, String(value));
    }
    return params;
  }
  if (type.startsWith('application/x-www-form-urlencoded') || (type === '' && text === '')) {
    for (const [name, value] of new URLSearchParams(text)) if (!params.has(name)) params.set(name, value);
    return params;
  }
  return null;
}

/** `Authorization: Basic` client credentials (RFC 6749 §2.3.1: both parts form-urlencoded). */
export function basicClientCredentials(
  header: string | null,
): { clientId: string; clientSecret: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (s: string) => decodeURIComponent(s.replaceAll('+', ' '));
  try {
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** The token of an `Authorization: Bearer` header, if any. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
