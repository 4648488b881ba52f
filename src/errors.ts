/**
 * The error hierarchy. Every error the library throws about Jira is a JiraError; none carries a secret
 * (URLs are redacted before they get here, and messages are built from redacted text).
 */

// A registry-wide symbol, so two copies of the package still recognise each other's errors.
const BRAND = Symbol.for('jirats.JiraError');

/** What an error is built from. */
export interface JiraErrorInit {
  /** HTTP status, or 0 when there was no response. */
  status?: number;
  errorMessages?: string[];
  fieldErrors?: Record<string, string>;
  requestId?: string;
  method?: string;
  /** Must already be redacted. */
  url?: string;
  cause?: unknown;
}

/** Any failure talking to Jira: status 0 means no response was received. */
export class JiraError extends Error {
  readonly status: number;
  readonly errorMessages: string[];
  readonly fieldErrors: Record<string, string>;
  readonly requestId?: string;
  readonly method?: string;
  /** The request URL, redacted. */
  readonly url?: string;

  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'JiraError';
    this.status = init.status ?? 0;
    this.errorMessages = init.errorMessages ?? [];
    this.fieldErrors = init.fieldErrors ?? {};
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.method !== undefined) this.method = init.method;
    if (init.url !== undefined) this.url = init.url;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** 401, or a login Jira refused (Seraph AUTHENTICATED_FAILED, AUTHENTICATION_DENIED / CAPTCHA). */
export class AuthenticationError extends JiraError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, init);
    this.name = 'AuthenticationError';
  }
}

/** A session cookie Jira no longer accepts, and no credential is held to renew it. */
export class SessionExpiredError extends AuthenticationError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, init);
    this.name = 'SessionExpiredError';
  }
}

/**
 * An OAuth step failed: the token endpoint refused a code or refresh token, the user denied access, the
 * callback did not match the sign-in it answers, or an OAuth 1.0a signature was refused. `code` is the OAuth
 * error (`invalid_grant`, `invalid_client`, `access_denied`, `state_mismatch`, `expired_token`,
 * `invalid_request`) or the OAuth 1.0a `oauth_problem` (`token_rejected`, `signature_invalid`, ...).
 */
export class OAuthError extends AuthenticationError {
  readonly code: string;

  constructor(code: string, message: string, init: JiraErrorInit = {}) {
    super(message, init);
    this.name = 'OAuthError';
    this.code = code;
  }
}

/** 403: signed in, but not allowed. */
export class PermissionError extends JiraError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, init);
    this.name = 'PermissionError';
  }
}

/** 404: missing, or hidden from the caller (Jira does not tell the two apart). */
export class NotFoundError extends JiraError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, init);
    this.name = 'NotFoundError';
  }
}

/** 429 after the retries ran out (or a Retry-After longer than the client would wait). */
export class RateLimitError extends JiraError {
  readonly retryAfterMs?: number;

  constructor(message: string, init: JiraErrorInit & { retryAfterMs?: number } = {}) {
    super(message, init);
    this.name = 'RateLimitError';
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx. */
export class ServerError extends JiraError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, init);
    this.name = 'ServerError';
  }
}

/** No response: DNS, refused or reset connections, TLS failures. */
export class NetworkError extends JiraError {
  /** The system or TLS error code, e.g. ECONNREFUSED, CERT_HAS_EXPIRED. */
  readonly code?: string;

  constructor(message: string, init: JiraErrorInit & { code?: string } = {}) {
    super(message, { ...init, status: 0 });
    this.name = 'NetworkError';
    if (init.code !== undefined) this.code = init.code;
  }
}

/** The call took longer than `timeoutMs`. */
export class TimeoutError extends NetworkError {
  constructor(message: string, init: JiraErrorInit & { code?: string } = {}) {
    super(message, init);
    this.name = 'TimeoutError';
  }
}

/** A problem with how the client was set up: bad server URL, refused insecure HTTP, failed detection. */
export class ConfigurationError extends JiraError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, { ...init, status: 0 });
    this.name = 'ConfigurationError';
  }
}

/**
 * Input the library could not turn into a request: an unknown or ambiguous field or user name, a malformed
 * time span. Nothing was sent.
 */
export class InputError extends JiraError {
  constructor(message: string, init: JiraErrorInit = {}) {
    super(message, { ...init, status: 0 });
    this.name = 'InputError';
  }
}

/** True for any JiraError, also one thrown by another copy of the package. */
export function isJiraError(e: unknown): e is JiraError {
  if (e instanceof JiraError) return true;
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}
