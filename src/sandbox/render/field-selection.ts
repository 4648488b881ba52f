import type { Flavor } from '../model.js';
import { type FieldDef, fieldsFor } from './fields.js';

/** The default of a `fields` parameter: get-issue `*all`, offset search `*navigable`, Cloud's search/jql `id`. */
export type FieldsDefault = '*all' | '*navigable' | 'id';

export interface FieldSelection {
  fields: readonly FieldDef[];
  /** Only `id` was asked for (Cloud's search/jql default): issues render as `{id}` alone. */
  idOnly: boolean;
}

/**
 * Reads Jira's `fields` parameter: comma lists (repeatable), `*all`, `*navigable`, `-field` to drop one, plain
 * field ids. Unknown ids are ignored, as Jira does. With only exclusions, they apply to the default.
 */
export function selectFields(
  raw: readonly string[] | undefined,
  fallback: FieldsDefault,
  flavor: Flavor,
): FieldSelection {
  const tokens = (raw ?? [])
    .flatMap((value) => value.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const include = tokens.filter((t) => !t.startsWith('-'));
  const exclude = new Set(tokens.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  if (include.length === 0) include.push(fallback);
  const all = fieldsFor(flavor);
  const wanted = new Set<string>();
  for (const token of include) {
    if (token === '*all') {
      for (const f of all) wanted.add(f.id);
    } else if (token === '*navigable') {
      for (const f of all) if (f.navigable) wanted.add(f.id);
    } else {
      wanted.add(token);
    }
  }
  const fields = all.filter((f) => wanted.has(f.id) && !exclude.has(f.id));
  const idOnly = fields.length === 0 && include.every((t) => t === 'id');
  return { fields, idOnly };
}

/** Splits an `expand` parameter (comma string, or several) into a set of names. */
export function parseExpand(raw: readonly string[] | string | undefined): Set<string> {
  const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
  return new Set(
    values
      .flatMap((v) => v.split(','))
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  );
}
