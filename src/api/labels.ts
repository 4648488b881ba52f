/**
 * Issue labels through Jira's `update.labels` operations, so concurrent edits by others are not overwritten
 * (no read-modify-write): `set` replaces, `add`/`remove` change single labels.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';

/** `jira.issues.labels`. */
export interface LabelsApi {
  /** Replace all labels with `labels`. */
  set(key: string, labels: readonly string[], opts?: CallOptions): Promise<void>;
  /** Add labels (those already there stay once). */
  add(key: string, labels: readonly string[], opts?: CallOptions): Promise<void>;
  /** Remove labels (absent ones are ignored). */
  remove(key: string, labels: readonly string[], opts?: CallOptions): Promise<void>;
  /** Remove every label. */
  clear(key: string, opts?: CallOptions): Promise<void>;
}

/** Labels are single words: Jira refuses spaces. */
function checked(labels: readonly string[], needOne: boolean): string[] {
  if (!Array.isArray(labels)) throw new InputError('Labels must be a list of strings');
  const out = labels.map((l) => (typeof l === 'string' ? l.trim() : ''));
  const bad = out.find((l) => l === '' || /\s/.test(l));
  if (bad !== undefined)
    throw new InputError(`Invalid label '${bad}': labels are non-empty and have no spaces`);
  if (needOne && out.length === 0) throw new InputError('Give at least one label');
  return [...new Set(out)];
}

async function send(core: JiraCore, key: string, ops: unknown[], opts: CallOptions): Promise<void> {
  if (typeof key !== 'string' || key.trim() === '') throw new InputError('An issue key or id is required');
  const version = apiVersion(await core.deployment(opts));
  const path = `/rest/api/${version}/issue/${encodeURIComponent(key.trim())}`;
  await core.send<unknown>({ method: 'PUT', path, body: { update: { labels: ops } } }, opts);
}

/** Build the `labels` namespace over a client core. */
export function labelsApi(core: JiraCore): LabelsApi {
  return {
    set: (key, labels, opts = {}) => send(core, key, [{ set: checked(labels, false) }], opts),
    add: (key, labels, opts = {}) =>
      send(
        core,
        key,
        checked(labels, true).map((add) => ({ add })),
        opts,
      ),
    remove: (key, labels, opts = {}) =>
      send(
        core,
        key,
        checked(labels, true).map((remove) => ({ remove })),
        opts,
      ),
    clear: (key, opts = {}) => send(core, key, [{ set: [] }], opts),
  };
}
