/**
 * Operand helpers shared by the field compilers: how Jira displays an operand in messages, flattening
 * lists, and the operator-usage rules Jira checks before any field-specific validation.
 */
import type { Operand, Operator, TerminalClause } from './ast.js';
import type { CompileEnv } from './env.js';
import { findFunction } from './functions.js';

/** A single literal: what list flattening leaves besides EMPTY and function calls. */
export type Literal = Extract<Operand, { kind: 'string' | 'number' }>;
/** A function call operand. */
export type FunctionCall = Extract<Operand, { kind: 'function' }>;
/** Any operand but a list. */
export type SingleOperand = Exclude<Operand, { kind: 'list' }>;

/** Operand text as Jira shows it in validation messages (`"text"`, `42`, `EMPTY`, `f(a)`, `(a, b)`). */
export function displayOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'string':
      return `"${operand.value}"`;
    case 'number':
      return operand.value;
    case 'empty':
      return 'EMPTY';
    case 'function':
      return `${operand.name}(${operand.args.join(', ')})`;
    case 'list':
      return `(${operand.items.map(displayOperand).join(', ')})`;
  }
}

/** The operand's members with nested lists flattened. */
export function flatten(operand: Operand): SingleOperand[] {
  return operand.kind === 'list' ? operand.items.flatMap(flatten) : [operand];
}

/** True when any member is EMPTY. */
export function hasEmpty(operand: Operand): boolean {
  return flatten(operand).some((o) => o.kind === 'empty');
}

const LIST_OPERATORS: ReadonlySet<Operator> = new Set(['in', 'not in', 'was in', 'was not in']);
const RELATIONAL: ReadonlySet<Operator> = new Set(['<', '<=', '>', '>=']);
const HISTORY: ReadonlySet<Operator> = new Set(['was', 'was not', 'was in', 'was not in', 'changed']);

/** Jira's Java name for an operator, used in predicate messages. */
const OPERATOR_ENUM: Readonly<Record<Operator, string>> = {
  '=': 'EQUALS',
  '!=': 'NOT_EQUALS',
  '~': 'LIKE',
  '!~': 'NOT_LIKE',
  '<': 'LESS_THAN',
  '<=': 'LESS_THAN_EQUALS',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_EQUALS',
  in: 'IN',
  'not in': 'NOT_IN',
  is: 'IS',
  'is not': 'IS_NOT',
  was: 'WAS',
  'was not': 'WAS_NOT',
  'was in': 'WAS_IN',
  'was not in': 'WAS_NOT_IN',
  changed: 'CHANGED',
};

/** True for the four ordering operators. */
export function isRelational(op: Operator): boolean {
  return RELATIONAL.has(op);
}

/** Applies an ordering operator (`<`, `<=`, `>`, `>=`) to two comparable values. */
export function holds(op: Operator, a: number | string, b: number | string): boolean {
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

/** True for WAS, WAS NOT, WAS IN, WAS NOT IN and CHANGED. */
export function isHistory(op: Operator): boolean {
  return HISTORY.has(op);
}

/** Jira's Java name for an operator (`EQUALS`, `NOT_IN`, ...). */
export function operatorEnumName(op: Operator): string {
  return OPERATOR_ENUM[op];
}

function isListOperand(operand: Operand): boolean {
  if (operand.kind === 'list') return true;
  return operand.kind === 'function' && (findFunction(operand.name)?.list ?? false);
}

/**
 * Jira's field-independent checks: list operands only with IN-style operators, EMPTY not with IN or
 * ordering operators, IS only with EMPTY, predicates only on history operators. Records messages and
 * returns false when the clause is unusable.
 */
export function checkOperatorUsage(clause: TerminalClause, label: string, env: CompileEnv): boolean {
  const { operator: op, operand } = clause;
  const predicate = clause.predicates?.[0];
  if (predicate && !isHistory(op)) {
    env.error(
      `The ${OPERATOR_ENUM[op]} operator does not support the use of the ${predicate.name} ${displayOperand(predicate.operand)} predicate.`,
    );
    return false;
  }
  if (!operand) return true;
  const shown = displayOperand(operand);
  if (operand.kind === 'empty' && (LIST_OPERATORS.has(op) || RELATIONAL.has(op))) {
    env.error(
      `Operator '${op}' does not support the empty value representation 'EMPTY' for field '${label}'.`,
    );
    return false;
  }
  if ((op === 'is' || op === 'is not') && operand.kind !== 'empty') {
    env.error(`Operator '${op}' does not support searching for non-empty values for field '${label}'.`);
    return false;
  }
  const list = isListOperand(operand);
  if (list && !LIST_OPERATORS.has(op)) {
    env.error(`Operator '${op}' does not support the list value '${shown}' for field '${label}'.`);
    return false;
  }
  if (!list && LIST_OPERATORS.has(op)) {
    env.error(`Operator '${op}' does not support the non-list value '${shown}' for field '${label}'.`);
    return false;
  }
  return true;
}
