/**
 * Turns what a person types for a user (account id, user name, email address or display name) into the user
 * reference Jira wants in a request body: `{ accountId }` on Cloud, `{ name }` on Data Center.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, Deployment } from '../client/types.js';
import { InputError, NotFoundError } from '../errors.js';
import { toUser, type User } from '../models/user.js';

/** A user reference as Jira's write endpoints take it. */
export type UserRef = { accountId: string } | { name: string };

/** A user given as text, or an already-resolved reference / user object. */
export type UserInput = string | UserRef | Pick<User, 'accountId' | 'name'>;

// Cloud account ids: 24 hex digits, or `<number>:<uuid>` for older and app accounts.
const ACCOUNT_ID = /^([0-9a-f]{24}|\d+:[0-9a-f-]{36}|[0-9a-f]{32}|qm:[0-9a-f-]+:[0-9a-f-]+)$/i;

/** True when `text` has the shape of a Cloud account id (so no lookup is needed). */
export function looksLikeAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text);
}

/**
 * Resolves one user for a write. Objects pass through; text is matched exactly (case-insensitively) against
 * account id, user name, email and display name among the users Jira's user search returns. No match is a
 * NotFoundError, several are an InputError naming them.
 */
export async function resolveUserRef(
  core: JiraCore,
  who: UserInput,
  opts: CallOptions = {},
): Promise<UserRef> {
  const deployment = await core.deployment(opts);
  if (typeof who !== 'string') return refFromObject(who, deployment);
  const text = who.trim();
  if (text === '') throw new InputError('A user is required (account id, user name, email or display name)');
  if (deployment === 'cloud' && looksLikeAccountId(text)) return { accountId: text };
  const user = await findUser(core, deployment, text, opts);
  return refFor(user, deployment);
}

/** The one user `text` names, per the rules of `resolveUserRef`. */
export async function findUser(
  core: JiraCore,
  deployment: Deployment,
  text: string,
  opts: CallOptions = {},
): Promise<User> {
  // Inactive users count too: they can still be named, e.g. to reactivate or delete them.
  const query = {
    ...(deployment === 'cloud' ? { query: text } : { username: text }),
    maxResults: 50,
    includeInactive: true,
  };
  const json = await core.send<unknown>(
    { path: `/rest/api/${apiVersion(deployment)}/user/search`, query },
    opts,
  );
  const users = (Array.isArray(json) ? json : []).map(toUser);
  const wanted = text.toLowerCase();
  const exact = users.filter((u) =>
    [u.accountId, u.name, u.emailAddress, u.displayName].some((v) => v?.toLowerCase() === wanted),
  );
  if (exact.length === 1) return exact[0] as User;
  if (exact.length > 1) {
    const names = exact.map((u) => `${u.displayName} (${u.accountId ?? u.name ?? '?'})`).join(', ');
    throw new InputError(`'${text}' matches several users: ${names}; give the ${idWord(deployment)} instead`);
  }
  throw new NotFoundError(`No user matches '${text}' (tried ${idWord(deployment)}, email and display name)`);
}

function refFromObject(who: Exclude<UserInput, string>, deployment: Deployment): UserRef {
  const accountId = 'accountId' in who ? who.accountId : undefined;
  const name = 'name' in who ? who.name : undefined;
  if (deployment === 'cloud' && accountId) return { accountId };
  if (deployment === 'datacenter' && name) return { name };
  throw new InputError(
    `This user has no ${idWord(deployment)}, which ${deployment === 'cloud' ? 'Jira Cloud' : 'Jira Data Center'} needs`,
  );
}

function refFor(user: User, deployment: Deployment): UserRef {
  return refFromObject(user, deployment);
}

function idWord(deployment: Deployment): string {
  return deployment === 'cloud' ? 'account id' : 'user name';
}
