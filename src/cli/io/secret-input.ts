import { usageError } from '../exit-codes.js';
import { rememberSecret } from './scrub.js';

let stdinTaken = false;

/** Reads a secret piped on stdin (one trailing newline dropped); stdin can feed one secret per call. */
export async function readSecretFromStdin(flag: string): Promise<string> {
  if (stdinTaken)
    throw usageError(`${flag}: stdin already holds another secret; pass only one *-stdin option`);
  stdinTaken = true;
  if (process.stdin.isTTY) {
    throw usageError(
      `${flag} expects the secret piped on stdin`,
      `for example: printenv JIRA_TOKEN | jirats ... ${flag}`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (secret === '') throw usageError(`${flag}: nothing was read from stdin`);
  rememberSecret(secret);
  return secret;
}

/** True when a person can answer a prompt (stdin and stderr are terminals). */
export function canPrompt(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Asks for a secret without echoing it (terminal only; the prompt is drawn on stderr). */
export async function promptSecret(message: string): Promise<string> {
  const { default: password } = await import('@inquirer/password');
  let secret: string;
  try {
    secret = await password({ message, mask: false }, { output: process.stderr });
  } catch (err) {
    // Ctrl+C or a closed terminal ends the prompt with an error: that is the user's answer, not a bug.
    if (err instanceof Error && err.name === 'ExitPromptError') throw usageError('the prompt was cancelled');
    throw err;
  }
  if (secret === '') throw usageError('no secret was entered');
  rememberSecret(secret);
  return secret;
}
