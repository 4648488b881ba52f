/**
 * Issue entity properties in JQL: `issue.property[key].path`. The value at the dotted path is compared like a
 * custom field's (numbers as numbers, text case-insensitively, `~` as a text search); arrays on the way hold
 * several values, any of which may match. A missing property or path is EMPTY.
 */

import type { IssueRecord } from '../model.js';
import { compileScalars, type Scalar, scalars } from './field-custom.js';
import { EMPTINESS, EQUALITY, type FieldDef, ORDERING, operators } from './field-def.js';

/** The value(s) at `path` (dot-separated; empty for the whole property) inside a property value. */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0 || value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => valueAtPath(item, path));
  if (typeof value !== 'object') return undefined;
  const [head, ...rest] = path;
  const record = value as Record<string, unknown>;
  return head !== undefined && Object.hasOwn(record, head) ? valueAtPath(record[head], rest) : undefined;
}

/** Every leaf of a JSON value as a scalar: an object counts by what it holds, so a set object is not EMPTY. */
function leaves(value: unknown): Scalar[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return scalars(value);
}

/** The definition of `issue.property[key].path`. */
export function propertyFieldDef(key: string, path: string): FieldDef {
  const segments = path === '' ? [] : path.split('.').filter((s) => s !== '');
  const read = (issue: IssueRecord): unknown => {
    const properties = issue.properties;
    if (!properties || !Object.hasOwn(properties, key)) return undefined;
    return valueAtPath(properties[key], segments);
  };
  const id = `issue.property[${key}]${path === '' ? '' : `.${path}`}`;
  return {
    id,
    names: [id.toLowerCase()],
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING} ~ !~`),
    emptyable: true,
    compile: compileScalars(`property:${id}`, (issue) => leaves(read(issue))),
    sort: {
      key: (issue) => {
        const first = leaves(read(issue))[0];
        return first === undefined ? null : typeof first === 'number' ? first : first.toLowerCase();
      },
      defaultDirection: 'asc',
    },
  };
}
