/** A project as people name it (key, id or name) turned into the reference a create request takes. */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError, isJiraError } from '../errors.js';
import { asRecord, str } from '../models/json.js';

/** The project for URLs (`idOrKey`) and for request bodies (`ref`). */
export interface ProjectRef {
  idOrKey: string;
  ref: { key: string } | { id: string };
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Keys and ids are used as given; anything else is looked up by name in the project list. */
export async function resolveProjectRef(
  core: JiraCore,
  project: string,
  opts: CallOptions = {},
): Promise<ProjectRef> {
  const text = typeof project === 'string' ? project.trim() : '';
  if (text === '') throw new InputError('A project key, id or name is required');
  if (/^\d+$/.test(text)) return { idOrKey: text, ref: { id: text } };
  if (KEY.test(text)) return { idOrKey: text.toUpperCase(), ref: { key: text.toUpperCase() } };
  const version = apiVersion(await core.deployment(opts));
  let list: unknown;
  try {
    list = await core.send<unknown>({ path: `/rest/api/${version}/project` }, opts);
  } catch (error) {
    if (isJiraError(error) && error.status === 404) list = [];
    else throw error;
  }
  const wanted = text.toLowerCase();
  const matches = (Array.isArray(list) ? list : [])
    .map((p) => asRecord(p) ?? {})
    .filter((p) => str(p, 'name')?.toLowerCase() === wanted);
  const key = matches.length === 1 ? str(matches[0] ?? {}, 'key') : undefined;
  if (key === undefined)
    throw new InputError(
      matches.length > 1
        ? `Several projects are named '${text}'; give the project key`
        : `No project named '${text}' (give the project key or id)`,
    );
  return { idOrKey: key, ref: { key } };
}
