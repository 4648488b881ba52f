import type { SandboxContext } from './context.js';

/** A search request read from GET query parameters or a POST JSON body (same names either way). */
export interface SearchRequest {
  jql: string;
  startAt: number | null;
  maxResults: number | null;
  fields: string[] | undefined;
  expand: string[];
  nextPageToken: string | null;
}

/** Parses the request, or gives the 400 message for a malformed one. */
export async function readSearchRequest(c: SandboxContext): Promise<SearchRequest | { error: string }> {
  if (c.req.method === 'GET') {
    const startAt = integerParam(c.req.query('startAt'), 'startAt');
    const maxResults = integerParam(c.req.query('maxResults'), 'maxResults');
    if (typeof startAt === 'object' && startAt !== null) return startAt;
    if (typeof maxResults === 'object' && maxResults !== null) return maxResults;
    return {
      jql: c.req.query('jql') ?? '',
      startAt,
      maxResults,
      fields: c.req.queries('fields'),
      expand: c.req.queries('expand') ?? [],
      nextPageToken: c.req.query('nextPageToken') ?? null,
    };
  }
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'The request body must be a JSON object.' };
  }
  const b = body as Record<string, unknown>;
  for (const name of ['startAt', 'maxResults'] as const) {
    if (b[name] !== undefined && b[name] !== null && !Number.isInteger(b[name])) {
      return { error: `The '${name}' parameter must be an integer.` };
    }
  }
  if (b.jql !== undefined && b.jql !== null && typeof b.jql !== 'string')
    return { error: "The 'jql' must be a string." };
  return {
    jql: typeof b.jql === 'string' ? b.jql : '',
    startAt: typeof b.startAt === 'number' ? b.startAt : null,
    maxResults: typeof b.maxResults === 'number' ? b.maxResults : null,
    fields: stringList(b.fields),
    // Data Center posts `expand` as an array, Cloud's search/jql as a comma string: take both.
    expand: stringList(b.expand) ?? [],
    nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : null,
  };
}

function integerParam(raw: string | undefined, name: string): number | null | { error: string } {
  if (raw === undefined || raw === '') return null;
  if (!/^-?\d+$/.test(raw)) return { error: `The '${name}' parameter must be an integer.` };
  return Number(raw);
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}
