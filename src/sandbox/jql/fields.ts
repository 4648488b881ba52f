/**
 * The field registry: every JQL field name and alias, system or custom, mapped to its definition.
 * Names are case-insensitive.
 */
import type { FieldRef } from './ast.js';
import type { CompileEnv } from './env.js';
import { customFieldDef } from './field-custom.js';
import { DATE_FIELDS } from './field-dates.js';
import type { FieldDef } from './field-def.js';
import { ISSUE_FIELDS } from './field-issues.js';
import { LIST_FIELDS } from './field-lists.js';
import { propertyFieldDef } from './field-property.js';
import { REFERENCE_FIELDS } from './field-reference.js';
import { TEXT_FIELDS } from './field-text.js';
import { USER_FIELDS } from './field-users.js';

const SYSTEM_FIELDS: ReadonlyMap<string, FieldDef> = new Map(
  [
    ...ISSUE_FIELDS,
    ...REFERENCE_FIELDS,
    ...USER_FIELDS,
    ...LIST_FIELDS,
    ...DATE_FIELDS,
    ...TEXT_FIELDS,
  ].flatMap((def) => def.names.map((name) => [name, def] as const)),
);

const CUSTOM_ID = /^customfield_(\d+)$/i;
/** `cf[10010]` written as a quoted name. */
const QUOTED_CF = /^cf\[(\d+)\]$/i;
const knownIds = new WeakMap<CompileEnv, ReadonlySet<string>>();

/** Custom field ids the search knows: the registered ones, else those found on the issues. */
function knownCustomFields(env: CompileEnv): ReadonlySet<string> {
  let ids = knownIds.get(env);
  if (!ids) {
    const registered = env.ctx.customFields;
    ids = new Set(
      registered
        ? registered.map((f) => f.id.toLowerCase())
        : env.issues.flatMap((i) => Object.keys(i.customFields).map((k) => k.toLowerCase())),
    );
    knownIds.set(env, ids);
  }
  return ids;
}

function customById(numericId: string, env: CompileEnv): FieldDef | undefined {
  const id = `customfield_${BigInt(numericId).toString()}`;
  return knownCustomFields(env).has(id) ? customFieldDef(id) : undefined;
}

/** The definition behind a field reference, or undefined when no such field exists. */
export function lookupField(ref: FieldRef, env: CompileEnv): FieldDef | undefined {
  if (ref.kind === 'cf') return customById(ref.id, env);
  if (ref.kind === 'property') return propertyFieldDef(ref.key, ref.path);
  const lower = ref.name.toLowerCase();
  const system = SYSTEM_FIELDS.get(lower);
  if (system) return system;
  const m = CUSTOM_ID.exec(ref.name) ?? QUOTED_CF.exec(ref.name);
  if (m?.[1]) return customById(m[1], env);
  const named = env.ctx.customFields?.find((f) => f.name.toLowerCase() === lower);
  const digits = named ? CUSTOM_ID.exec(named.id)?.[1] : undefined;
  return digits ? customById(digits, env) : undefined;
}
