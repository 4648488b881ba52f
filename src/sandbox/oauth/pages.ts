/**
 * The HTML pages of the sandbox's authorization servers: sign-in, consent, errors and the out-of-band verifier.
 * Plain server-rendered forms that post back, so a browser, Playwright or plain `fetch` can drive them.
 */
import { HTML_TYPE } from '../render/responses.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** An HTML reply that no cache keeps (the pages carry one-time flow ids). */
export function htmlResponse(status: number, html: string): Response {
  return new Response(html, {
    status,
    headers: { 'Content-Type': HTML_TYPE, 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' },
  });
}

export interface SignInPage {
  /** Path the form posts to. */
  action: string;
  flowId: string;
  appName: string;
  /** Shown above the form after a failed attempt. */
  error?: string;
  /** Pre-filled user name after a failed attempt. */
  username?: string;
}

/** The sign-in form: `username`, `password` and a `Sign in` button. */
export function signInPage(page: SignInPage): string {
  const error = page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>\n` : '';
  return layout(
    'Sign in - JiraTS Sandbox',
    `<h1>Sign in to continue to ${escapeHtml(page.appName)}</h1>
${error}<form method="post" action="${escapeHtml(page.action)}">
<input type="hidden" name="flow" value="${escapeHtml(page.flowId)}">
<label>User name <input type="text" name="username" autocomplete="username" value="${escapeHtml(page.username ?? '')}" autofocus></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>`,
  );
}

export interface ConsentPage {
  action: string;
  flowId: string;
  appName: string;
  userDisplayName: string;
  scopes: readonly string[];
}

/** The consent form: the requested scopes and the `Accept` / `Deny` buttons. */
export function consentPage(page: ConsentPage): string {
  const scopes = page.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('\n');
  return layout(
    'Authorize access - JiraTS Sandbox',
    `<h1>${escapeHtml(page.appName)} is requesting access to your account</h1>
<p>Signed in as ${escapeHtml(page.userDisplayName)}. The app asks for these permissions:</p>
<ul class="scopes">
${scopes}
</ul>
<form method="post" action="${escapeHtml(page.action)}">
<input type="hidden" name="flow" value="${escapeHtml(page.flowId)}">
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/** A page explaining why the request cannot go on (no redirect: the client is unknown or untrusted). */
export function errorPage(title: string, message: string): string {
  return layout(`${title} - JiraTS Sandbox`, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** The out-of-band page: the user copies the verifier into the application by hand. */
export function verifierPage(verifier: string): string {
  return layout(
    'Access approved - JiraTS Sandbox',
    `<h1>Access approved</h1>
<p>Enter this verification code in the application:</p>
<p><code id="oauth_verifier">${escapeHtml(verifier)}</code></p>`,
  );
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>${escapeHtml(title)}</title></head>
<body>
${body}
</body></html>
`;
}
