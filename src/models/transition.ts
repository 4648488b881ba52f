/** Workflow transitions available to an issue, with the status each one leads to. */

import { asRecord, str } from './json.js';
import { type Status, toStatus } from './reference.js';

/** A field on a transition's screen (`expand=transitions.fields`). */
export interface TransitionField {
  id: string;
  name: string;
  required: boolean;
  schema?: Record<string, unknown>;
  /** Values Jira accepts, as sent (resolutions, users, options...). */
  allowedValues?: unknown[];
}

/** One transition; `to` is the status it leads to. */
export interface Transition {
  id: string;
  name: string;
  to: Status;
  /** Screen fields, only when asked for with `fields: true`; `{}` when the transition has no screen. */
  fields?: Record<string, TransitionField>;
  raw: Record<string, unknown>;
}

function toTransitionField(id: string, json: unknown): TransitionField {
  const r = asRecord(json) ?? {};
  const schema = asRecord(r.schema);
  const field: TransitionField = { id, name: str(r, 'name') ?? id, required: r.required === true };
  if (schema) field.schema = schema;
  if (Array.isArray(r.allowedValues)) field.allowedValues = r.allowedValues;
  return field;
}

/** Convert one wire transition (Cloud IssueTransition or Data Center TransitionBean). */
export function toTransition(json: unknown): Transition {
  const raw = asRecord(json) ?? {};
  const transition: Transition = {
    id: String(raw.id ?? ''),
    name: str(raw, 'name') ?? '',
    to: toStatus(raw.to ?? {}),
    raw,
  };
  const fields = asRecord(raw.fields);
  if (fields) {
    transition.fields = Object.fromEntries(
      Object.entries(fields).map(([id, value]) => [id, toTransitionField(id, value)]),
    );
  }
  return transition;
}
