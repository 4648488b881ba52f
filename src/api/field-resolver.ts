/**
 * Fields named by the caller (id, bare custom-field number or display name) resolved to field ids, in the
 * order: the screen's metadata (createmeta / editmeta / a transition screen) when given, then the global field
 * list. A name that fits several fields, or none, is an InputError before anything is sent. Values pass
 * through in Jira's shape, except plain strings for rich-text fields, which become ADF on Cloud.
 */

import type { JiraCore } from '../client/core.js';
import { apiVersion } from '../client/deployment.js';
import type { CallOptions } from '../client/types.js';
import { InputError } from '../errors.js';
import { asRecord, str } from '../models/json.js';

/** What the resolver needs to know of a field. */
export interface FieldInfo {
  id: string;
  name: string;
  schema?: Record<string, unknown>;
}

/** The screen whose metadata is searched first: createmeta for creates, editmeta for edits. */
export interface FieldScope {
  createMeta?: readonly FieldInfo[];
  editMeta?: readonly FieldInfo[];
}

const CUSTOM_ID = /^customfield_\d+$/;
const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';

/** True for fields that hold rich text: ADF documents, description, environment, multi-line text fields. */
export function isRichTextField(field: FieldInfo): boolean {
  const schema = field.schema;
  if (!schema) return field.id === 'description' || field.id === 'environment';
  return (
    schema.type === 'doc' ||
    schema.system === 'description' ||
    schema.system === 'environment' ||
    schema.custom === TEXTAREA
  );
}

/** Finds the one field `key` names in `fields`; undefined when none, InputError when the name is ambiguous. */
function findIn(fields: readonly FieldInfo[], key: string): FieldInfo | undefined {
  const byId = fields.find((f) => f.id === key);
  if (byId) return byId;
  if (/^\d+$/.test(key)) {
    const byNumber = fields.find((f) => f.id === `customfield_${key}`);
    if (byNumber) return byNumber;
  }
  const lower = key.toLowerCase();
  const named = fields.filter((f) => f.name.toLowerCase() === lower);
  if (named.length > 1) {
    const ids = named.map((f) => f.id).join(', ');
    throw new InputError(`The field name '${key}' is ambiguous: it matches ${ids}; use one of these ids`);
  }
  return named[0];
}

/** A lazy, once-per-call loader of the global field list (`GET /field`). */
function globalFields(core: JiraCore, opts: CallOptions): () => Promise<FieldInfo[]> {
  let loaded: Promise<FieldInfo[]> | undefined;
  return () => {
    loaded ??= (async () => {
      const version = apiVersion(await core.deployment(opts));
      const json = await core.send<unknown>({ path: `/rest/api/${version}/field` }, opts);
      return (Array.isArray(json) ? json : []).flatMap((item) => {
        const r = asRecord(item);
        const id = r ? str(r, 'id') : undefined;
        if (!r || id === undefined) return [];
        const schema = asRecord(r.schema);
        return [{ id, name: str(r, 'name') ?? id, ...(schema ? { schema } : {}) }];
      });
    })();
    return loaded;
  };
}

/** Resolves one field key to its field; InputError when unknown or ambiguous. */
async function resolveOne(
  key: string,
  scoped: readonly FieldInfo[] | undefined,
  global: () => Promise<FieldInfo[]>,
): Promise<FieldInfo> {
  const trimmed = key.trim();
  if (trimmed === '') throw new InputError('A field name or id is empty');
  const inScope = scoped ? findIn(scoped, trimmed) : undefined;
  if (inScope) return inScope;
  const found = findIn(await global(), trimmed);
  if (found) return found;
  throw new InputError(
    `No field named '${trimmed}' exists (tried the field id, custom field number and name)`,
  );
}

/**
 * Turns `{ nameOrId: value }` into `{ fieldId: wireValue }`. Rich-text fields given a plain string get ADF on
 * Cloud (Markdown converted); everything else passes through untouched.
 */
export async function resolveFields(
  core: JiraCore,
  fields: Record<string, unknown>,
  scope: FieldScope = {},
  opts: CallOptions = {},
): Promise<Record<string, unknown>> {
  const scoped = scope.createMeta ?? scope.editMeta;
  const global = globalFields(core, opts);
  const out: Record<string, unknown> = {};
  const deployment = await core.deployment(opts);
  for (const [key, value] of Object.entries(fields)) {
    // A custom field id needs no lookup unless its value might be rich text.
    const direct = CUSTOM_ID.test(key) && typeof value !== 'string' && !scoped;
    const field = direct ? { id: key, name: key } : await resolveOne(key, scoped, global);
    if (field.id in out) throw new InputError(`The field '${field.id}' is given twice (as '${key}' too)`);
    out[field.id] =
      deployment === 'cloud' && typeof value === 'string' && isRichTextField(field)
        ? (await import('../text/index.js')).markdownToAdf(value)
        : value;
  }
  return out;
}
