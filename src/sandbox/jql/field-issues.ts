/**
 * Fields whose values are issues: the issue itself (key, issuekey, id, issue) and its parent. Keys match
 * in any case; a number is an issue id. Ordering operators compare key numbers within one project.
 */

import type { IssueRecord } from '../model.js';
import type { Operator } from './ast.js';
import type { CompileEnv, Predicate } from './env.js';
import { EMPTINESS, EQUALITY, type FieldDef, ORDERING, operators } from './field-def.js';
import { compileDiscrete, type DiscreteField } from './field-discrete.js';
import { flatten, holds, type Literal } from './operands.js';

const KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;
const NUMERIC = /^\d+$/;

/** Project key and number of an issue key; null for anything that is not a key. */
export function splitKey(key: string): { project: string; number: number } | null {
  const m = KEY.exec(key);
  return m ? { project: (m[1] ?? '').toUpperCase(), number: Number(m[2]) } : null;
}

/** The upper-case key a literal names among the searched issues; null after recording Jira's message. */
function resolveIssue(literal: Literal, env: CompileEnv, label: string): string[] | null {
  const v = literal.value.trim();
  if (literal.kind === 'number' || NUMERIC.test(v)) {
    const issue = env.issueById(v);
    if (issue) return [issue.key.toUpperCase()];
    env.error(`A value with ID '${v}' does not exist for the field '${label}'.`);
    return null;
  }
  if (!KEY.test(v)) {
    env.error(`The issue key '${v}' for field '${label}' is invalid.`);
    return null;
  }
  const issue = env.issueByKey(v);
  if (issue) return [issue.key.toUpperCase()];
  env.error(`An issue with key '${v}' does not exist for field '${label}'.`);
  return null;
}

/** `key > DEMO-5`: later keys of the same project; the bound need not exist, only be well formed. */
function compileKeyOrdering(
  op: Operator,
  literal: Literal,
  env: CompileEnv,
  label: string,
): Predicate | null {
  let bound = splitKey(literal.value.trim());
  if (literal.kind === 'number' || NUMERIC.test(literal.value.trim())) {
    const issue = env.issueById(literal.value);
    bound = issue ? splitKey(issue.key) : null;
    if (!bound) {
      env.error(`A value with ID '${literal.value}' does not exist for the field '${label}'.`);
      return null;
    }
  }
  if (!bound) {
    env.error(`The issue key '${literal.value}' for field '${label}' is invalid.`);
    return null;
  }
  const { project, number } = bound;
  return (issue) => {
    const own = splitKey(issue.key);
    return own !== null && own.project === project && holds(op, own.number, number);
  };
}

/** Sort key that orders keys by project, then numerically: DEMO-9 before DEMO-10. */
export function keySortKey(key: string): string {
  const parts = splitKey(key);
  return parts ? `${parts.project}\u0000${String(parts.number).padStart(16, '0')}` : key.toUpperCase();
}

const self: DiscreteField = {
  read: (issue) => issue.key.toUpperCase(),
  resolve: resolveIssue,
};

const parent: DiscreteField = {
  read: (issue) => issue.parentKey?.toUpperCase() ?? null,
  resolve: resolveIssue,
};

function issueSelf(id: string, names: string[], sortKey: (issue: IssueRecord) => string | number): FieldDef {
  return {
    id,
    names,
    operators: operators(`${EQUALITY} ${ORDERING}`),
    emptyable: false,
    compile(clause, env, label) {
      if (clause.operand && ['<', '<=', '>', '>='].includes(clause.operator)) {
        const [literal] = flatten(clause.operand);
        if (literal?.kind === 'string' || literal?.kind === 'number') {
          return compileKeyOrdering(clause.operator, literal, env, label);
        }
      }
      return compileDiscrete(self, clause, env, label);
    },
    sort: { key: sortKey, defaultDirection: 'asc' },
  };
}

/** The issue key/id and the parent. */
export const ISSUE_FIELDS: readonly FieldDef[] = [
  issueSelf('issuekey', ['issuekey', 'key', 'issue'], (issue) => keySortKey(issue.key)),
  issueSelf('id', ['id'], (issue) => issue.id),
  {
    id: 'parent',
    names: ['parent'],
    operators: operators(`${EQUALITY} ${EMPTINESS}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(parent, clause, env, label),
    sort: {
      key: (issue) => (issue.parentKey ? keySortKey(issue.parentKey) : null),
      defaultDirection: 'asc',
    },
  },
];
