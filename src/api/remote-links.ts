/** Remote issue links: /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/remotelink[/{id}]. */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError, JiraError } from '../errors.js';
import { asRecord } from '../models/json.js';
import {
  type RemoteLink,
  type RemoteLinkInput,
  remoteLinkForWire,
  toRemoteLink,
} from '../models/remote-link.js';

/** Options of `remoteLinks.list()`. */
export interface ListRemoteLinksOptions extends CallOptions {
  /** Only the link with this global id. */
  globalId?: string;
}

/** `jira.issues.remoteLinks`. */
export interface RemoteLinksApi {
  /** The remote links of an issue (only the one with `globalId`, when given). */
  list(key: string, opts?: ListRemoteLinksOptions): Promise<RemoteLink[]>;
  /** One remote link by id. */
  get(key: string, id: string, opts?: CallOptions): Promise<RemoteLink>;
  /** Add a remote link; with a `globalId` already on the issue, Jira updates that link instead. */
  add(key: string, link: RemoteLinkInput, opts?: CallOptions): Promise<RemoteLink>;
  /** Replace a remote link (fields left out become empty, as in Jira). */
  update(key: string, id: string, link: RemoteLinkInput, opts?: CallOptions): Promise<RemoteLink>;
  /** Delete one remote link by id. */
  remove(key: string, id: string, opts?: CallOptions): Promise<void>;
  /** Delete the remote link with this global id. */
  removeByGlobalId(key: string, globalId: string, opts?: CallOptions): Promise<void>;
}

function required(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`A ${name} is required`);
  return encodeURIComponent(value.trim());
}

function checkInput(link: RemoteLinkInput): RemoteLinkInput {
  if (typeof link !== 'object' || link === null)
    throw new InputError('A remote link needs a url and a title');
  required('remote link url', link.url);
  required('remote link title', link.title);
  return link;
}

async function root(core: JiraCore, key: string, opts: CallOptions): Promise<string> {
  const version = apiVersion(await core.deployment(opts));
  return `/rest/api/${version}/issue/${required('issue key or id', key)}/remotelink`;
}

/** Build the `issues.remoteLinks` namespace over a client core. */
export function remoteLinksApi(core: JiraCore): RemoteLinksApi {
  async function get(key: string, id: string, opts: CallOptions = {}): Promise<RemoteLink> {
    const path = `${await root(core, key, opts)}/${required('remote link id', id)}`;
    return toRemoteLink(await core.send<unknown>({ path }, opts));
  }

  return {
    get,
    async list(key, opts = {}) {
      const { globalId, ...call } = opts;
      const json = await core.send<unknown>({ path: await root(core, key, call), query: { globalId } }, call);
      // With a globalId, Jira answers with the one link rather than a list.
      if (Array.isArray(json)) return json.map(toRemoteLink);
      return asRecord(json) ? [toRemoteLink(json)] : [];
    },
    async add(key, link, opts = {}) {
      const body = remoteLinkForWire(checkInput(link));
      const reply = asRecord(
        await core.send<unknown>({ method: 'POST', path: await root(core, key, opts), body }, opts),
      );
      const id = reply?.id;
      if (typeof id !== 'number' && typeof id !== 'string') {
        throw new JiraError('Jira did not return the id of the remote link', { status: 200 });
      }
      return get(key, String(id), opts);
    },
    async update(key, id, link, opts = {}) {
      const path = `${await root(core, key, opts)}/${required('remote link id', id)}`;
      await core.send<unknown>({ method: 'PUT', path, body: remoteLinkForWire(checkInput(link)) }, opts);
      return get(key, id, opts);
    },
    async remove(key, id, opts = {}) {
      const path = `${await root(core, key, opts)}/${required('remote link id', id)}`;
      await core.send<unknown>({ method: 'DELETE', path }, opts);
    },
    async removeByGlobalId(key, globalId, opts = {}) {
      if (typeof globalId !== 'string' || globalId === '') throw new InputError('A global id is required');
      await core.send<unknown>(
        { method: 'DELETE', path: await root(core, key, opts), query: { globalId } },
        opts,
      );
    },
  };
}
