/**
 * Last line of defence for secrets on stderr: every secret the CLI reads (from stdin, the environment, a prompt
 * or the credential store) is remembered here and masked in anything it prints, whatever the source of the text.
 */
const secrets = new Set<string>();

/** Remembers a secret so that `scrub` masks it; very short values are ignored (they would mask ordinary text). */
export function rememberSecret(secret: string | undefined): void {
  if (secret !== undefined && secret.length >= 4) secrets.add(secret);
}

/** Replaces every remembered secret in `text` with `***`. */
export function scrub(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}
