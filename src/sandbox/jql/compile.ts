/**
 * Compiles the WHERE part of a query into one predicate, validating each clause the way Jira does
 * (field exists, operator usage, operator supported, EMPTY allowed, functions valid, values exist) and
 * collecting every message before anything is evaluated.
 */
import { type Clause, fieldLabel, type Operand, type TerminalClause } from './ast.js';
import type { CompileEnv, Predicate } from './env.js';
import { lookupField } from './fields.js';
import { checkCall } from './functions.js';
import { compileHistory } from './history.js';
import { checkOperatorUsage, flatten, hasEmpty, isHistory } from './operands.js';

const NEVER: Predicate = () => false;

/** The predicate for a clause tree; invalid clauses record messages in `env.errors` and never match. */
export function compileClause(clause: Clause, env: CompileEnv): Predicate {
  switch (clause.kind) {
    case 'terminal':
      return compileTerminal(clause, env);
    case 'not': {
      env.negated = !env.negated;
      const inner = compileClause(clause.clause, env);
      env.negated = !env.negated;
      return (issue) => !inner(issue);
    }
    case 'and': {
      const parts = clause.clauses.map((c) => compileClause(c, env));
      return (issue) => {
        for (const p of parts) if (!p(issue)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = clause.clauses.map((c) => compileClause(c, env));
      return (issue) => {
        for (const p of parts) if (p(issue)) return true;
        return false;
      };
    }
  }
}

function operandsOf(clause: TerminalClause): Operand[] {
  const all = clause.operand ? [clause.operand] : [];
  for (const p of clause.predicates ?? []) all.push(p.operand);
  return all;
}

/** Checks every function call in the clause; false when any is unknown or badly called. */
function checkFunctions(clause: TerminalClause, env: CompileEnv): boolean {
  let ok = true;
  for (const operand of operandsOf(clause)) {
    for (const member of flatten(operand)) {
      if (member.kind === 'function' && !checkCall(member, env)) ok = false;
    }
  }
  return ok;
}

function compileTerminal(clause: TerminalClause, env: CompileEnv): Predicate {
  const label = fieldLabel(clause.field);
  const def = lookupField(clause.field, env);
  if (!def) {
    env.error(`Field '${label}' does not exist or you do not have permission to view it.`);
    return NEVER;
  }
  if (!checkOperatorUsage(clause, label, env)) return NEVER;
  if (!def.operators.has(clause.operator)) {
    env.error(`The operator '${clause.operator}' is not supported by the '${label}' field.`);
    return NEVER;
  }
  if (!def.emptyable && clause.operand && hasEmpty(clause.operand)) {
    env.error(`The field '${label}' does not support searching for EMPTY values.`);
    return NEVER;
  }
  if (!checkFunctions(clause, env)) return NEVER;
  const predicate = isHistory(clause.operator)
    ? compileHistory(def, clause, env, label)
    : def.compile(clause, env, label);
  return predicate ?? NEVER;
}
