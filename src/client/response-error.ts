/** Turn a failed HTTP exchange (an error status, an unreadable body, or no response at all) into a JiraError. */

import {
  AuthenticationError,
  JiraError,
  type JiraErrorInit,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
} from '../errors.js';
import { redact } from './redact.js';
import { parseRetryAfter } from './retry.js';

/** A response whose body was already read as text. */
export interface ReadResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Where the request went: method and redacted URL, for messages. */
export interface RequestLabel {
  method: string;
  url: string;
}

interface ParsedBody {
  errorMessages: string[];
  fieldErrors: Record<string, string>;
}

const EXCERPT_LENGTH = 120;

/** A short, redacted, single-line excerpt of a body for messages. */
export function excerpt(text: string): string {
  const line = redact(text.replace(/\s+/g, ' ').trim());
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

/** True when a body is an HTML page (a proxy's error page, a login form, Jira's Seraph page). */
export function isHtml(headers: Headers, text: string): boolean {
  const type = headers.get('content-type') ?? '';
  return /html/i.test(type) || /^\s*<(!doctype html|html|head|body)\b/i.test(text);
}

/** Read Jira's error shapes: {errorMessages, errors}, {message}, {errorMessage}. */
export function parseErrorBody(text: string): ParsedBody | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const body = json as Record<string, unknown>;
  const errorMessages: string[] = [];
  if (Array.isArray(body.errorMessages)) {
    for (const m of body.errorMessages) {
      if (typeof m === 'string') errorMessages.push(m);
      // The agile APIs send [{message, errorTraceId}] instead of strings.
      else if (
        typeof m === 'object' &&
        m !== null &&
        typeof (m as { message?: unknown }).message === 'string'
      )
        errorMessages.push((m as { message: string }).message);
    }
  }
  for (const key of ['message', 'errorMessage']) {
    if (typeof body[key] === 'string' && body[key] !== '') errorMessages.push(body[key] as string);
  }
  const fieldErrors: Record<string, string> = {};
  if (typeof body.errors === 'object' && body.errors !== null && !Array.isArray(body.errors)) {
    for (const [field, message] of Object.entries(body.errors)) {
      if (typeof message === 'string') fieldErrors[field] = message;
    }
  }
  return { errorMessages, fieldErrors };
}

const SERAPH_FAILED =
  'Authentication failed: Jira rejected the credentials (AUTHENTICATED_FAILED). Check the user name and password or token.';
const SERAPH_DENIED =
  'Jira locked the login behind a CAPTCHA (AUTHENTICATION_DENIED): sign in once in a browser, then retry.';

/** The Seraph login verdict when it means the credentials were refused, else undefined. */
export function seraphFailure(
  headers: Headers,
): 'AUTHENTICATED_FAILED' | 'AUTHENTICATION_DENIED' | undefined {
  const denied = headers.get('x-authentication-denied-reason') ?? '';
  const reason = (headers.get('x-seraph-loginreason') ?? '').toUpperCase();
  if (/CAPTCHA/i.test(denied) || reason.includes('AUTHENTICATION_DENIED')) return 'AUTHENTICATION_DENIED';
  if (reason.includes('AUTHENTICATED_FAILED')) return 'AUTHENTICATED_FAILED';
  return undefined;
}

/** Build the JiraError subclass that fits a failed response. */
export function errorFromResponse(
  res: ReadResponse,
  req: RequestLabel,
  context: { credentialsSent: boolean },
): JiraError {
  const where = `(${res.status} ${req.method} ${req.url})`;
  const parsed = parseErrorBody(res.text);
  const init: JiraErrorInit = {
    status: res.status,
    method: req.method,
    url: req.url,
    errorMessages: (parsed?.errorMessages ?? []).map(redact),
    fieldErrors: Object.fromEntries(
      Object.entries(parsed?.fieldErrors ?? {}).map(([k, v]) => [k, redact(v)]),
    ),
  };
  const requestId = res.headers.get('x-arequestid') ?? res.headers.get('atl-traceid') ?? undefined;
  if (requestId) init.requestId = requestId;

  const seraph = seraphFailure(res.headers);
  if (seraph === 'AUTHENTICATION_DENIED') return new AuthenticationError(SERAPH_DENIED, init);
  if (
    seraph === 'AUTHENTICATED_FAILED' &&
    (res.status === 401 || res.status === 403 || context.credentialsSent)
  ) {
    return new AuthenticationError(SERAPH_FAILED, init);
  }

  const summary = describeBody(res, parsed);
  if (res.status === 401) {
    const hint = context.credentialsSent ? '' : ' Pass credentials with `auth`.';
    return new AuthenticationError(`${summary ?? 'Authentication required'} ${where}${hint}`, init);
  }
  if (res.status === 403 && /basic auth\w* (has been )?disabled/i.test(summary ?? '')) {
    return new AuthenticationError(`${summary} ${where} Use a personal access token instead.`, init);
  }
  const message =
    summary && isHtml(res.headers, res.text) ? summary : `${summary ?? httpReason(res.status)} ${where}`;
  if (res.status === 403) return new PermissionError(message, init);
  if (res.status === 404) return new NotFoundError(message, init);
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    return new RateLimitError(message, retryAfterMs === undefined ? init : { ...init, retryAfterMs });
  }
  if (res.status >= 500) return new ServerError(message, init);
  return new JiraError(message, init);
}

/** One line describing the body: Jira's own messages, the HTML notice, or a redacted excerpt. */
function describeBody(res: ReadResponse, parsed: ParsedBody | undefined): string | undefined {
  if (parsed) {
    const parts = [
      ...parsed.errorMessages,
      ...Object.entries(parsed.fieldErrors).map(([f, m]) => `${f}: ${m}`),
    ];
    return parts.length > 0 ? redact(parts.join('; ')) : undefined;
  }
  if (isHtml(res.headers, res.text)) return `Jira returned an HTML page (status ${res.status})`;
  const text = excerpt(res.text);
  return text === '' ? undefined : text;
}

/** A 2xx body that should have been JSON but was not. */
export function unreadableBodyError(res: ReadResponse, req: RequestLabel): JiraError {
  const init: JiraErrorInit = { status: res.status, method: req.method, url: req.url };
  if (isHtml(res.headers, res.text)) {
    return new JiraError(`Jira returned an HTML page (status ${res.status})`, init);
  }
  const type = res.headers.get('content-type') ?? 'no content type';
  return new JiraError(
    `Jira sent a reply that is not JSON (status ${res.status}, ${type}) for ${req.method} ${req.url}: "${excerpt(res.text)}"`,
    init,
  );
}

const REASONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function httpReason(status: number): string {
  return REASONS[status] ?? `HTTP ${status}`;
}

/** The most specific error code in a fetch failure's cause chain (ECONNREFUSED, CERT_HAS_EXPIRED, ...). */
export function networkErrorCode(error: unknown): string | undefined {
  let found: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const { code, errors } = current as { code?: unknown; errors?: unknown };
    // Generic undici wrappers say little; a code deeper in the chain names the real failure.
    if (typeof code === 'string' && (found === undefined || found.startsWith('UND_ERR'))) found = code;
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return found;
}

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  EPIPE: 'the connection broke',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'the server uses a self-signed certificate (pass `ca`, or `insecure` to skip checks)',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain has an untrusted self-signed certificate (pass `ca`)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is not signed by a trusted CA (pass `ca`)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server certificate is not signed by a trusted CA (pass `ca`)',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match the host name',
};

/** Wrap a fetch failure (no response) in a NetworkError naming the cause. */
export function networkError(error: unknown, req: RequestLabel): NetworkError {
  const code = networkErrorCode(error);
  const host = hostOf(req.url);
  const why = (code && NETWORK_HINTS[code]) ?? redact(innermostMessage(error));
  const init = { method: req.method, url: req.url, cause: error, ...(code ? { code } : {}) };
  return new NetworkError(`Could not reach ${host}: ${why}${code ? ` (${code})` : ''}`, init);
}

/** fetch wraps every failure as "fetch failed"; the reason is the message at the bottom of the cause chain. */
function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    if (current.message) message = current.message;
    current = current.cause;
  }
  return message;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
