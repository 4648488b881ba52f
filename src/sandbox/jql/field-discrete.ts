/**
 * The shared matcher for fields whose values are names or ids from a set (project, status, users,
 * labels, ...): =, !=, IN, NOT IN, IS [NOT] EMPTY, and the ordering operators when the set is ordered.
 * `!=` and `NOT IN` never match an empty field, as in Jira.
 */

import type { IssueRecord } from '../model.js';
import type { Operator, TerminalClause } from './ast.js';
import type { CompileEnv, Predicate } from './env.js';
import { type FunctionDef, findFunction } from './functions.js';
import { type FunctionCall, flatten, holds, type Literal } from './operands.js';

/** Stands for "no value" among resolved ids (EMPTY, or `Unresolved` for resolution). */
export const EMPTY_ID = '\u0000empty';

/** How a discrete field reads issues and resolves the values a query names. */
export interface DiscreteField {
  /** The issue's normalised value(s); null or [] when the field is empty. */
  read(issue: IssueRecord): string | null | readonly string[];
  /** Normalised ids one literal stands for; records Jira's message and returns null when none exist. */
  resolve(literal: Literal, env: CompileEnv, label: string): readonly string[] | null;
  /** Ids a checked function stands for; null when its values are not valid for this field. */
  fromFunction?(def: FunctionDef, call: FunctionCall, env: CompileEnv): readonly string[] | null;
  /** Position in the field's order, for the ordering operators. */
  rank?(id: string): number | undefined;
}

/** Jira's message for a value that names nothing in the field. */
export function valueNotFound(env: CompileEnv, label: string, literal: Literal): null {
  env.error(
    literal.kind === 'number'
      ? `A value with ID '${literal.value}' does not exist for the field '${label}'.`
      : `The value '${literal.value}' does not exist for the field '${label}'.`,
  );
  return null;
}

/** Jira's message for a function whose values do not fit the field. */
export function functionNotValid(env: CompileEnv, label: string, call: FunctionCall): null {
  env.error(
    `A value provided by the function '${findFunction(call.name)?.name ?? call.name}' is invalid for the field '${label}'.`,
  );
  return null;
}

/** Resolves every member of the operand; null when any is invalid (messages recorded). */
export function resolveIds(
  field: DiscreteField,
  clause: TerminalClause,
  env: CompileEnv,
  label: string,
): string[] | null {
  if (!clause.operand) return [];
  const ids: string[] = [];
  let ok = true;
  for (const member of flatten(clause.operand)) {
    let found: readonly string[] | null;
    if (member.kind === 'empty') found = [EMPTY_ID];
    else if (member.kind === 'function') {
      const def = findFunction(member.name);
      found = def && field.fromFunction ? field.fromFunction(def, member, env) : null;
      if (!found) functionNotValid(env, label, member);
    } else found = field.resolve(member, env, label);
    if (found) ids.push(...found);
    else ok = false;
  }
  return ok ? ids : null;
}

/** Builds the predicate of a validated clause on a discrete field; null when a value is invalid. */
export function compileDiscrete(
  field: DiscreteField,
  clause: TerminalClause,
  env: CompileEnv,
  label: string,
): Predicate | null {
  const ids = resolveIds(field, clause, env, label);
  if (!ids) return null;
  const wanted = new Set(ids.filter((id) => id !== EMPTY_ID));
  const wantsEmpty = ids.includes(EMPTY_ID);
  const { read } = field;
  const isEmpty = (issue: IssueRecord) => {
    const v = read(issue);
    return v === null || (typeof v !== 'string' && v.length === 0);
  };
  const hits = (issue: IssueRecord) => {
    const v = read(issue);
    if (v === null) return false;
    if (typeof v === 'string') return wanted.has(v);
    return v.some((x) => wanted.has(x));
  };
  switch (clause.operator) {
    case '=':
    case 'in':
      return wantsEmpty ? (i) => hits(i) || isEmpty(i) : hits;
    case '!=':
    case 'not in':
      return (i) => !isEmpty(i) && !hits(i);
    case 'is':
      return isEmpty;
    case 'is not':
      return (i) => !isEmpty(i);
    default:
      return relational(field, clause.operator, [...wanted], env, label);
  }
}

function relational(
  field: DiscreteField,
  op: Operator,
  targets: string[],
  env: CompileEnv,
  label: string,
): Predicate | null {
  const rank = field.rank;
  if (!rank) {
    env.error(`The operator '${op}' is not supported by the '${label}' field.`);
    return null;
  }
  const bounds = targets.map(rank).filter((r): r is number => r !== undefined);
  return (issue) => {
    const v = field.read(issue);
    const values = v === null ? [] : typeof v === 'string' ? [v] : v;
    return values.some((x) => {
      const r = rank(x);
      return r !== undefined && bounds.some((b) => holds(op, r, b));
    });
  };
}
