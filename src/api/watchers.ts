/**
 * Issue watchers: /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/watchers. Jira takes the watcher as
 * a bare JSON string (account id on Cloud, user name on Data Center) and removes by query parameter.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { toUser, type User } from '../models/user.js';
import { resolveUserRef, type UserInput } from './user-refs.js';

/** `jira.issues.watchers`. */
export interface WatchersApi {
  /** The users watching an issue. */
  list(key: string, opts?: CallOptions): Promise<User[]>;
  /** Add a watcher: account id, user name, email or display name (resolved per deployment). */
  add(key: string, who: UserInput, opts?: CallOptions): Promise<void>;
  /** Remove a watcher. */
  remove(key: string, who: UserInput, opts?: CallOptions): Promise<void>;
}

async function watchersPath(core: JiraCore, key: string, call: CallOptions): Promise<string> {
  if (typeof key !== 'string' || key.trim() === '') throw new InputError('An issue key or id is required');
  const version = apiVersion(await core.deployment(call));
  return `/rest/api/${version}/issue/${encodeURIComponent(key.trim())}/watchers`;
}

/** Build the `watchers` namespace over a client core. */
export function watchersApi(core: JiraCore): WatchersApi {
  return {
    async list(key, opts = {}) {
      const json = await core.send<{ watchers?: unknown }>(
        { path: await watchersPath(core, key, opts) },
        opts,
      );
      return Array.isArray(json?.watchers) ? json.watchers.map(toUser) : [];
    },
    async add(key, who, opts = {}) {
      const path = await watchersPath(core, key, opts);
      const ref = await resolveUserRef(core, who, opts);
      const id = 'accountId' in ref ? ref.accountId : ref.name;
      // A string body is sent as ready JSON: encode the id so quotes and backslashes survive.
      await core.send<unknown>({ method: 'POST', path, body: JSON.stringify(id) }, opts);
    },
    async remove(key, who, opts = {}) {
      const path = await watchersPath(core, key, opts);
      const ref = await resolveUserRef(core, who, opts);
      const query = 'accountId' in ref ? { accountId: ref.accountId } : { username: ref.name };
      await core.send<unknown>({ method: 'DELETE', path, query }, opts);
    },
  };
}
