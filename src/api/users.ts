/**
 * `jira.users`: the signed-in user, search, exact lookup with groups, and administration. Cloud names users by
 * account id, Data Center by user name; every call is shaped for the deployment it talks to.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions, Deployment } from '../client/types.js';
import { InputError, NotFoundError } from '../errors.js';
import { toUser, type User } from '../models/user.js';
import { fetchMyself } from './myself.js';
import { findUser, looksLikeAccountId, resolveUserRef, type UserInput, type UserRef } from './user-refs.js';

/** Options of `users.search()`. */
export interface SearchUsersOptions extends CallOptions {
  /** Include deactivated users (default: active only). */
  includeInactive?: boolean;
  first?: number;
  skip?: number;
  pageSize?: number;
}

/** A new user. Data Center needs `name`; Cloud invites by email and ignores the rest. */
export interface CreateUserInput {
  email: string;
  name?: string;
  displayName?: string;
  /** Data Center only; without it the user must reset the password before signing in. */
  password?: string;
  /** Data Center: email the new user (default true). */
  notify?: boolean;
}

/** Changes to a user (Data Center; Jira Cloud manages accounts outside Jira's REST API). */
export interface UpdateUserInput {
  displayName?: string;
  email?: string;
  active?: boolean;
}

/** `jira.users`. */
export interface UsersApi {
  /** The signed-in user. */
  me(opts?: CallOptions): Promise<User>;
  /** Users whose name, display name or email starts with `query`, all pages. */
  search(query: string, opts?: SearchUsersOptions): AsyncIterable<User>;
  /** One user by account id / user name (or an exact email or display name), with their groups. */
  get(who: string, opts?: CallOptions): Promise<User>;
  /** The write reference (`{accountId}` / `{name}`) for an account id, user name, email or display name. */
  resolve(who: UserInput, opts?: CallOptions): Promise<UserRef>;
  /** The one user that an account id, user name, email or display name names exactly. */
  find(text: string, opts?: CallOptions): Promise<User>;
  /** Create a user (administrators only). */
  create(input: CreateUserInput, opts?: CallOptions): Promise<User>;
  /** Change a Data Center user's display name, email or active flag (administrators only). */
  update(who: UserInput, changes: UpdateUserInput, opts?: CallOptions): Promise<User>;
  /** Delete a user (administrators only). */
  remove(who: UserInput, opts?: CallOptions): Promise<void>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Build the `users` namespace over a client core. */
export function usersApi(core: JiraCore): UsersApi {
  const root = async (opts: CallOptions): Promise<[string, Deployment]> => {
    const deployment = await core.deployment(opts);
    return [`/rest/api/${apiVersion(deployment)}/user`, deployment];
  };
  const refQuery = (ref: UserRef): Record<string, string> =>
    'accountId' in ref ? { accountId: ref.accountId } : { username: ref.name };

  return {
    me: (opts) => fetchMyself(core, opts),
    search: (query, opts) => searchUsers(core, query, opts),
    resolve: (who, opts) => resolveUserRef(core, who, opts),
    find: async (text, opts = {}) => findUser(core, await core.deployment(opts), text.trim(), opts),
    async get(who, opts = {}) {
      const [path, deployment] = await root(opts);
      const text = who.trim();
      if (text === '')
        throw new InputError('A user is required (account id, user name, email or display name)');
      const fetchOne = async (ref: UserRef) =>
        toUser(await core.send<unknown>({ path, query: { ...refQuery(ref), expand: 'groups' } }, opts));
      if (deployment === 'cloud' && looksLikeAccountId(text)) return fetchOne({ accountId: text });
      if (deployment === 'datacenter') {
        // A user name is the usual case; an email or display name falls back to a search.
        try {
          return await fetchOne({ name: text });
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err;
        }
      }
      return fetchOne(await resolveUserRef(core, text, opts));
    },
    async create(input, opts = {}) {
      const [path, deployment] = await root(opts);
      if (!EMAIL.test(input.email ?? ''))
        throw new InputError(`'${input.email ?? ''}' is not an email address`);
      let body: Record<string, unknown>;
      if (deployment === 'cloud') {
        body = { emailAddress: input.email, products: ['jira-software'] };
      } else {
        if (!input.name?.trim()) throw new InputError('Jira Data Center needs a user name for a new user');
        body = {
          name: input.name.trim(),
          emailAddress: input.email,
          displayName: input.displayName ?? input.name.trim(),
          notification: input.notify ?? true,
          ...(input.password === undefined ? {} : { password: input.password }),
        };
      }
      return toUser(await core.send<unknown>({ method: 'POST', path, body }, opts));
    },
    async update(who, changes, opts = {}) {
      const [path, deployment] = await root(opts);
      if (deployment === 'cloud') {
        throw new InputError('Jira Cloud does not let its REST API change users; use admin.atlassian.com');
      }
      const body: Record<string, unknown> = {};
      if (changes.displayName !== undefined) body.displayName = changes.displayName;
      if (changes.email !== undefined) {
        if (!EMAIL.test(changes.email)) throw new InputError(`'${changes.email}' is not an email address`);
        body.emailAddress = changes.email;
      }
      if (changes.active !== undefined) body.active = changes.active;
      if (Object.keys(body).length === 0)
        throw new InputError('Nothing to change: give a display name, email or active');
      const ref = await resolveUserRef(core, who, opts);
      return toUser(await core.send<unknown>({ method: 'PUT', path, query: refQuery(ref), body }, opts));
    },
    async remove(who, opts = {}) {
      const [path] = await root(opts);
      const ref = await resolveUserRef(core, who, opts);
      await core.send<unknown>({ method: 'DELETE', path, query: refQuery(ref) }, opts);
    },
  };
}

/** Both deployments answer a bare array per page; a short page is the last. */
async function* searchUsers(
  core: JiraCore,
  query: string,
  opts: SearchUsersOptions = {},
): AsyncGenerator<User> {
  const { includeInactive = false, first, skip = 0, pageSize = 50, ...call } = opts;
  if (query.trim() === '') throw new InputError('A search text is required');
  const deployment = await core.deployment(call);
  const path = `/rest/api/${apiVersion(deployment)}/user/search`;
  const text = deployment === 'cloud' ? { query } : { username: query };
  let startAt = skip;
  let yielded = 0;
  for (;;) {
    const page = await core.send<unknown>(
      {
        path,
        query: { ...text, startAt, maxResults: pageSize, includeInactive: includeInactive || undefined },
      },
      call,
    );
    const users = Array.isArray(page) ? page.map(toUser) : [];
    for (const user of users) {
      if (!includeInactive && !user.active) continue;
      if (first !== undefined && yielded >= first) return;
      yielded += 1;
      yield user;
    }
    if (users.length < pageSize) return;
    startAt += users.length;
  }
}
