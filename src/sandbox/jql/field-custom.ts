/**
 * Custom fields (`cf[10010]`, `customfield_10010` or a registered display name). The model stores any
 * JSON, so values are reduced to scalars (strings, numbers, and the value/name/key/id of objects) and
 * compared as numbers, dates or case-insensitive text, whichever fits the operand.
 */

import type { IssueRecord } from '../model.js';
import type { TerminalClause } from './ast.js';
import { dateTimeSpan } from './dates.js';
import type { CompileEnv, Predicate } from './env.js';
import { EMPTINESS, EQUALITY, type FieldDef, ORDERING, operators } from './field-def.js';
import { functionNotValid } from './field-discrete.js';
import { dateFunctionValue, findFunction, userFunctionValues } from './functions.js';
import { flatten, holds } from './operands.js';
import { isTextQuery, matchesText, parseTextQuery, segment } from './text-search.js';

export type Scalar = string | number;
const OBJECT_KEYS = ['value', 'name', 'key', 'accountId', 'displayName', 'emailAddress', 'id'];

/** The comparable scalars inside a stored custom field value. */
export function scalars(value: unknown): Scalar[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number') return Number.isFinite(value) ? [value] : [];
  if (typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(scalars);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return OBJECT_KEYS.flatMap((k) => scalars(record[k]));
  }
  return [];
}

const asNumber = (s: Scalar): number =>
  typeof s === 'number' ? s : s.trim() === '' ? Number.NaN : Number(s);
const asDate = (s: Scalar): number => (typeof s === 'number' ? s : Date.parse(s));

/** Equality tests for each operand member; null after recording an error. */
function equalityTests(clause: TerminalClause, env: CompileEnv, label: string) {
  const tests: ((s: Scalar) => boolean)[] = [];
  let empty = false;
  for (const member of clause.operand ? flatten(clause.operand) : []) {
    if (member.kind === 'empty') empty = true;
    else if (member.kind === 'function') {
      const def = findFunction(member.name);
      const names = def?.kind === 'user' ? userFunctionValues(def, member, env) : null;
      if (!names) return functionNotValid(env, label, member);
      const ids = new Set(
        env.ctx.users
          .filter((u) => names.includes(u.name.toLowerCase()))
          .flatMap((u) => [u.name, u.key, u.accountId, u.email].map((x) => x.toLowerCase())),
      );
      tests.push((s) => ids.has(String(s).toLowerCase()));
    } else {
      const text = member.value.toLowerCase();
      const n = Number(member.value);
      tests.push((s) => String(s).toLowerCase() === text || (!Number.isNaN(n) && asNumber(s) === n));
    }
  }
  return { tests, empty };
}

function orderingTest(
  clause: TerminalClause,
  env: CompileEnv,
  label: string,
): ((s: Scalar) => boolean) | null {
  const op = clause.operator;
  const [member] = clause.operand ? flatten(clause.operand) : [];
  if (member?.kind === 'function') {
    const def = findFunction(member.name);
    if (def?.kind !== 'date') return functionNotValid(env, label, member);
    const t = dateFunctionValue(def, member, env);
    return (s) => holds(op, asDate(s), t);
  }
  if (member?.kind !== 'string' && member?.kind !== 'number') return null;
  const n = Number(member.value);
  if (member.kind === 'number' || !Number.isNaN(n)) return (s) => holds(op, asNumber(s), n);
  const span = dateTimeSpan(member.value, env.nowMs, env.timeZone);
  if (span) return (s) => holds(op, asDate(s), span.start);
  const text = member.value.toLowerCase();
  return (s) => holds(op, String(s).toLowerCase(), text);
}

/**
 * The compiler of a field whose values `read` reduces to scalars; `memoKey` names its per-search cache.
 * Custom fields and issue properties share it.
 */
export function compileScalars(memoKey: string, read: (issue: IssueRecord) => Scalar[]): FieldDef['compile'] {
  return (clause, env, label): Predicate | null => {
    const values = (issue: IssueRecord) => env.cached(memoKey, issue, read);
    const op = clause.operator;
    if (op === 'is') return (i) => values(i).length === 0;
    if (op === 'is not') return (i) => values(i).length > 0;
    if (op === '~' || op === '!~') {
      const operand = clause.operand;
      if (operand?.kind !== 'string' && operand?.kind !== 'number') {
        return operand?.kind === 'function'
          ? functionNotValid(env, label, operand)
          : (i) => values(i).length === 0;
      }
      const query = parseTextQuery(operand.value);
      if (!isTextQuery(query)) {
        env.error(`The field '${label}' does not support searching for an empty string.`);
        return null;
      }
      const hit = (i: IssueRecord) =>
        matchesText(
          query,
          values(i).map((s) => segment(String(s))),
        );
      return op === '~' ? hit : (i) => values(i).length > 0 && !hit(i);
    }
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      const test = orderingTest(clause, env, label);
      return test && ((i) => values(i).some(test));
    }
    const eq = equalityTests(clause, env, label);
    if (!eq) return null;
    const hits = (i: IssueRecord) => values(i).some((s) => eq.tests.some((t) => t(s)));
    if (op === '=' || op === 'in') return (i) => hits(i) || (eq.empty && values(i).length === 0);
    return (i) => values(i).length > 0 && !hits(i);
  };
}

/** The definition of a custom field, by its `customfield_NNNNN` id. */
export function customFieldDef(fieldId: string): FieldDef {
  return {
    id: fieldId,
    names: [fieldId],
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING} ~ !~`),
    emptyable: true,
    compile: compileScalars(`cf:${fieldId}`, (issue) => scalars(issue.customFields[fieldId])),
    sort: {
      key: (issue) => {
        const first = scalars(issue.customFields[fieldId])[0];
        return first === undefined ? null : typeof first === 'number' ? first : first.toLowerCase();
      },
      defaultDirection: 'asc',
    },
  };
}
