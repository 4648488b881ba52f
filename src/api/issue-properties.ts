/** Issue entity properties: /rest/api/{3 on Cloud, 2 on Data Center}/issue/{key}/properties[/{propertyKey}]. */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError, NotFoundError } from '../errors.js';

/** `jira.issues.properties`: JSON values stored on an issue by key. */
export interface IssuePropertiesApi {
  /** The property keys set on an issue. */
  list(key: string, opts?: CallOptions): Promise<string[]>;
  /** One property's value, or undefined when the issue has no such property. */
  get(key: string, propertyKey: string, opts?: CallOptions): Promise<unknown>;
  /** Create or replace a property; `value` is any JSON value. */
  set(key: string, propertyKey: string, value: unknown, opts?: CallOptions): Promise<void>;
  /** Delete a property; NotFoundError when it is not set. */
  remove(key: string, propertyKey: string, opts?: CallOptions): Promise<void>;
}

function required(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`A ${name} is required`);
  return encodeURIComponent(value);
}

async function root(core: JiraCore, key: string, call: CallOptions): Promise<string> {
  const version = apiVersion(await core.deployment(call));
  return `/rest/api/${version}/issue/${required('issue key or id', key)}/properties`;
}

async function listKeys(core: JiraCore, key: string, opts: CallOptions): Promise<string[]> {
  const reply = await core.send<unknown>({ path: await root(core, key, opts) }, opts);
  const keys = typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>).keys : [];
  if (!Array.isArray(keys)) return [];
  return keys.flatMap((k) => {
    const name = typeof k === 'object' && k !== null ? (k as Record<string, unknown>).key : undefined;
    return typeof name === 'string' ? [name] : [];
  });
}

/** Build the `properties` namespace over a client core. */
export function issuePropertiesApi(core: JiraCore): IssuePropertiesApi {
  return {
    list: (key, opts = {}) => listKeys(core, key, opts),
    async get(key, propertyKey, opts = {}) {
      const path = `${await root(core, key, opts)}/${required('property key', propertyKey)}`;
      try {
        const reply = await core.send<unknown>({ path }, opts);
        return typeof reply === 'object' && reply !== null
          ? (reply as Record<string, unknown>).value
          : undefined;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        // Jira answers 404 for a missing issue and for a missing property alike: listing tells them apart.
        await listKeys(core, key, opts);
        return undefined;
      }
    },
    async set(key, propertyKey, value, opts = {}) {
      if (value === undefined) throw new InputError('A property value is required (any JSON value)');
      const path = `${await root(core, key, opts)}/${required('property key', propertyKey)}`;
      // A string body is sent as ready JSON, so encode here: the value itself may be a string.
      await core.send<unknown>({ method: 'PUT', path, body: JSON.stringify(value) }, opts);
    },
    async remove(key, propertyKey, opts = {}) {
      const path = `${await root(core, key, opts)}/${required('property key', propertyKey)}`;
      await core.send<unknown>({ method: 'DELETE', path }, opts);
    },
  };
}
