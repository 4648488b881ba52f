/**
 * Last line of defence for secrets on stderr: every secret the CLI reads (from stdin, the environment, a prompt
 * or the credential store) is remembered here and masked in anything it prints, whatever the source of the text.
 * A secret is masked in the forms it travels in too: URL-encoded, form-encoded and base64 (a server or proxy
 * that echoes a request back may show any of them).
 */
const secrets = new Set<string>();

/** The forms of `secret` worth masking: as is, URL- and form-encoded, base64 (padded, bare, URL-safe). */
function formsOf(secret: string): string[] {
  const base64 = Buffer.from(secret).toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

/** Remembers a secret so that `scrub` masks it; very short values are ignored (they would mask ordinary text). */
export function rememberSecret(secret: string | undefined): void {
  if (secret === undefined || secret.length < 4) return;
  for (const form of formsOf(secret)) secrets.add(form);
}

/** Remembers a Basic credential: the secret, and the `user:secret` pair the Authorization header encodes. */
export function rememberBasic(user: string, secret: string): void {
  rememberSecret(secret);
  if (secret.length >= 4) rememberSecret(`${user}:${secret}`);
}

/** Replaces every remembered secret in `text` with `***`. */
export function scrub(text: string): string {
  let out = text;
  // Longest first, so a pair is masked whole before the secret inside it.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}
