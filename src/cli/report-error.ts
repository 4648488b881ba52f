import { CliError, ExitCode, type ExitCodeValue } from './exit-codes.js';
import type { Library } from './library.js';

/** How an error is shown: one message line, an optional hint, detail lines for --debug, and the exit code. */
export interface ErrorReport {
  message: string;
  hint?: string;
  details: string[];
  exitCode: ExitCodeValue;
}

const TLS_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ALTNAME/;

const ANONYMOUS_HINT =
  'no credentials were sent, and Jira hides from anonymous users what they may not see; sign in with `jirats session new`';

/**
 * Turns any thrown value into what the user sees; `lib` is the loaded library, if any. `anonymous` says the call
 * carried no credential, which explains most 401s and 404s better than anything Jira says.
 */
export function describeError(err: unknown, lib: Library | undefined, anonymous = false): ErrorReport {
  if (err instanceof CliError) {
    return { message: oneLine(err.message), hint: err.hint, details: [], exitCode: err.exitCode };
  }
  if (lib?.isJiraError(err)) {
    // A failed deployment detection wraps what went wrong (429, network, 401): report that instead.
    if (err instanceof lib.ConfigurationError && lib.isJiraError(err.cause)) {
      const inner = describeJiraError(err.cause, lib);
      return { ...inner, details: [`while: ${oneLine(lib.redact(err.message))}`, ...inner.details] };
    }
    const report = describeJiraError(err, lib);
    const hidden = err instanceof lib.NotFoundError || err instanceof lib.AuthenticationError;
    return anonymous && hidden ? { ...report, hint: ANONYMOUS_HINT } : report;
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    message: oneLine(message || 'unexpected error'),
    hint: 'this looks like a bug in jirats; rerun with --debug for details',
    details: causeChain(err),
    exitCode: ExitCode.unexpected,
  };
}

function describeJiraError(err: InstanceType<Library['JiraError']>, lib: Library): ErrorReport {
  const details = jiraDetails(err);
  const message = oneLine(lib.redact(err.message));
  const report = (exitCode: ExitCodeValue, hint?: string): ErrorReport => ({
    message,
    hint,
    details,
    exitCode,
  });

  const oauthCode = (err as { code?: unknown }).code;
  if (err instanceof lib.AuthenticationError && typeof oauthCode === 'string') {
    // The library keeps secrets out of OAuth messages; redact() would mistake "OAuth 2.0" for a credential.
    return describeOAuthError(oauthCode, oneLine(err.message), details);
  }
  if (err instanceof lib.AuthenticationError && /scope does not match/i.test(err.message)) {
    return report(
      ExitCode.auth,
      'the OAuth sign-in lacks a scope this needs (changes need write:jira-work); run `jirats login` again with it in --scopes',
    );
  }
  if (err instanceof lib.SessionExpiredError) {
    return report(ExitCode.auth, 'sign in again with `jirats session new`');
  }
  if (err instanceof lib.AuthenticationError) {
    return report(ExitCode.auth, 'check the credentials, or sign in again with `jirats session new`');
  }
  if (err instanceof lib.PermissionError) {
    return report(ExitCode.auth, 'the account is signed in but may not do this; check its Jira permissions');
  }
  if (err instanceof lib.NotFoundError) return report(ExitCode.notFound);
  if (err instanceof lib.TimeoutError) {
    return report(
      ExitCode.network,
      'the server did not answer in time; raise --timeout or check the network',
    );
  }
  if (err instanceof lib.NetworkError) return report(ExitCode.network, networkHint(err.code, details));
  if (err instanceof lib.ConfigurationError) return report(ExitCode.usage, configurationHint(err.message));
  if (err instanceof lib.InputError) return report(ExitCode.usage);
  if (err instanceof lib.RateLimitError) {
    return report(ExitCode.jira, 'Jira kept rate-limiting the requests; wait a little and retry');
  }
  return report(ExitCode.jira);
}

/** OAuth codes that mean the stored tokens can no longer be used. */
const ENDED_GRANT = new Set(['invalid_grant', 'expired_token', 'token_rejected', 'token_expired']);

/**
 * OAuth failures (the library's OAuthError carries a code). A grant that can no longer be used ends in one line
 * telling what to do; a sign-in refused in the browser says so.
 */
function describeOAuthError(code: string, message: string, details: string[]): ErrorReport {
  const auth = ExitCode.auth;
  if (code === 'access_denied') {
    return {
      message: `access was denied in the browser (${code}); nothing was stored`,
      details,
      exitCode: auth,
    };
  }
  if (code === 'state_mismatch') {
    return {
      message: "the browser's answer does not belong to this sign-in (state mismatch); nothing was stored",
      hint: 'run `jirats login` again',
      details,
      exitCode: auth,
    };
  }
  if (ENDED_GRANT.has(code)) {
    return {
      message: `the OAuth sign-in has expired or was revoked (${code}); run \`jirats login\` again`,
      details,
      exitCode: auth,
    };
  }
  return {
    message: `${message.replace(/[.;]\s*$/, '')}; run \`jirats login\` again`,
    details,
    exitCode: auth,
  };
}

/** The CLI's words for library settings named in a configuration error. */
function configurationHint(message: string): string | undefined {
  if (/plain http/i.test(message))
    return 'use an https:// URL, or pass --allow-insecure-http if you accept the risk';
  if (/keepCredential/.test(message))
    return 'this server sets no session cookie: sign in without --no-keep-credential';
  return undefined;
}

function networkHint(code: string | undefined, details: string[]): string {
  const codes = [code ?? '', ...details].join(' ');
  if (TLS_CODES.test(codes)) {
    return "the server's TLS certificate is not trusted: pass --ca-file with its CA certificate, or --insecure (unsafe)";
  }
  if (/ECONNREFUSED/.test(codes))
    return 'nothing answers at that address; check the server URL and that Jira is up';
  if (/ENOTFOUND|EAI_AGAIN/.test(codes)) return 'the host name does not resolve; check the server URL';
  return 'check the server URL, the network, and any proxy settings (--proxy, HTTPS_PROXY)';
}

function jiraDetails(err: InstanceType<Library['JiraError']>): string[] {
  const lines: string[] = [];
  if (err.method || err.url) lines.push(`request: ${err.method ?? ''} ${err.url ?? ''}`.trim());
  lines.push(`status: ${err.status === 0 ? 'no response' : err.status}`);
  if (err.requestId) lines.push(`request id: ${err.requestId}`);
  for (const m of err.errorMessages) lines.push(`jira: ${m}`);
  for (const [field, m] of Object.entries(err.fieldErrors)) lines.push(`jira: ${field}: ${m}`);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') lines.push(`code: ${code}`);
  return [...lines, ...causeChain(err)];
}

/** The messages and codes of an error's causes, outermost first; never a stack. */
function causeChain(err: unknown): string[] {
  const lines: string[] = [];
  let cause = err instanceof Error ? err.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      lines.push(`cause: ${oneLine(cause.message)}${typeof code === 'string' ? ` (${code})` : ''}`);
      cause = cause.cause;
    } else {
      lines.push(`cause: ${oneLine(String(cause))}`);
      cause = undefined;
    }
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
