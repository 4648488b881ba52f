import type { StoredCredential } from './config/secret-store.js';
import { usageError } from './exit-codes.js';
import type { GlobalOptions } from './global-options.js';
import { rememberBasic, rememberSecret } from './io/scrub.js';
import { canPrompt, promptSecret, readSecretFromStdin } from './io/secret-input.js';

type Method = StoredCredential['type'];

/** Names known from elsewhere (the profile) that let `session new` prompt for the matching secret. */
export interface KnownIdentity {
  user?: string;
  email?: string;
}

/**
 * The credential this call names explicitly: options first (at most one method), then the environment
 * (JIRA_PAT, then JIRA_EMAIL + JIRA_API_TOKEN, then JIRA_USER + JIRA_PASSWORD). Secrets come from stdin, the
 * environment or a hidden prompt, never from an option value. `known` adds a last resort for `session new`.
 */
export async function explicitCredential(
  g: GlobalOptions,
  known?: KnownIdentity,
): Promise<StoredCredential | undefined> {
  const env = process.env;
  const chosen: Method[] = [];
  if (g.patStdin) chosen.push('pat');
  if (g.apiTokenStdin || g.email) chosen.push('apiToken');
  if (g.passwordStdin || g.user) chosen.push('basic');
  if (g.header && g.header.length > 0) chosen.push('headers');
  if (chosen.length > 1) {
    throw usageError(
      'choose one way to authenticate',
      'use one of --user (+ password), --email (+ API token), --pat-stdin or --header',
    );
  }
  let method = chosen[0];
  if (!method) {
    if (env.JIRA_PAT) method = 'pat';
    else if (env.JIRA_API_TOKEN) method = 'apiToken';
    else if (env.JIRA_PASSWORD) method = 'basic';
    else if (known?.email) method = 'apiToken';
    else if (known?.user) method = 'basic';
    else return undefined;
  }
  switch (method) {
    case 'pat':
      return {
        type: 'pat',
        token: await secret(g.patStdin, '--pat-stdin', env.JIRA_PAT, ['personal access token', '']),
      };
    case 'apiToken': {
      const email = g.email || env.JIRA_EMAIL || known?.email;
      if (!email) throw usageError('an API token needs the account email', 'pass --email or set JIRA_EMAIL');
      const token = await secret(g.apiTokenStdin, '--api-token-stdin', env.JIRA_API_TOKEN, [
        'API token',
        ` for ${email}`,
      ]);
      rememberBasic(email, token);
      return { type: 'apiToken', email, token };
    }
    case 'basic': {
      const username = g.user || env.JIRA_USER || known?.user;
      if (!username) throw usageError('a password needs the user name', 'pass --user or set JIRA_USER');
      const password = await secret(g.passwordStdin, '--password-stdin', env.JIRA_PASSWORD, [
        'password',
        ` for user ${username}`,
      ]);
      rememberBasic(username, password);
      return { type: 'basic', username, password };
    }
    default:
      return { type: 'headers', headers: parseHeaders(g.header ?? []) };
  }
}

/** A secret from stdin, else the environment, else a prompt; `what` names it: ['API token', ' for me@x.com']. */
async function secret(
  fromStdin: boolean | undefined,
  flag: string,
  fromEnv: string | undefined,
  what: [string, string],
): Promise<string> {
  if (fromStdin) return readSecretFromStdin(flag);
  if (fromEnv) {
    rememberSecret(fromEnv);
    return fromEnv;
  }
  const [noun, detail] = what;
  if (canPrompt()) return promptSecret(`${noun[0]?.toUpperCase()}${noun.slice(1)}${detail}:`);
  throw usageError(`no ${noun} given${detail}`, `pipe it with ${flag}, or set it in the environment`);
}

/** Turns repeated `--header 'Name: value'` options into a header record (values are secrets). */
export function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    headers[name] = value;
    rememberSecret(value);
  }
  return headers;
}

/** The non-secret identity of a credential, as kept in the profile. */
export function identityOf(credential: StoredCredential): KnownIdentity {
  if (credential.type === 'basic') return { user: credential.username };
  if (credential.type === 'apiToken') return { email: credential.email };
  return {};
}
