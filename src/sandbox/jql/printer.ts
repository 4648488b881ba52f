/** Prints a JQL syntax tree as canonical text that parses back to an equal tree. */
import type { Clause, FieldRef, JqlQuery, Operand, OrderItem, TerminalClause } from './ast.js';
import { formatWord } from './words.js';

/** Canonical JQL text for a query: upper-case keywords, minimal quoting, parentheses only where needed. */
export function printJql(query: JqlQuery): string {
  const parts: string[] = [];
  if (query.where) parts.push(printClause(query.where));
  if (query.orderBy.length > 0) parts.push(`ORDER BY ${query.orderBy.map(printOrderItem).join(', ')}`);
  return parts.join(' ');
}

/** Canonical text for one clause. */
export function printClause(clause: Clause): string {
  switch (clause.kind) {
    case 'terminal':
      return printTerminal(clause);
    case 'and':
      return clause.clauses.map(printGrouped).join(' AND ');
    case 'or':
      return clause.clauses.map(printGrouped).join(' OR ');
    case 'not':
      return `NOT ${printGrouped(clause.clause)}`;
  }
}

/** A child of AND/OR/NOT: compound children keep their parentheses so the tree shape survives. */
function printGrouped(clause: Clause): string {
  return clause.kind === 'and' || clause.kind === 'or' ? `(${printClause(clause)})` : printClause(clause);
}

function printTerminal(clause: TerminalClause): string {
  let text = `${printField(clause.field)} ${clause.operator.toUpperCase()}`;
  if (clause.operand) text += ` ${printOperand(clause.operand)}`;
  for (const predicate of clause.predicates ?? []) {
    text += ` ${predicate.name.toUpperCase()} ${printOperand(predicate.operand)}`;
  }
  return text;
}

/** Canonical text for a field reference. */
export function printField(field: FieldRef): string {
  if (field.kind === 'cf') return `cf[${field.id}]`;
  if (field.kind === 'property') {
    const path = field.path === '' ? '' : `.${field.path}`;
    return `issue.property[${formatWord(field.key, 'value')}]${path}`;
  }
  return formatWord(field.name, 'field');
}

/** Canonical text for an operand. */
export function printOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'string':
      return formatWord(operand.value, 'value');
    case 'number':
      return operand.value;
    case 'empty':
      return 'EMPTY';
    case 'function':
      return `${formatWord(operand.name, 'function')}(${operand.args.map((a) => formatWord(a, 'argument')).join(', ')})`;
    case 'list':
      return `(${operand.items.map(printOperand).join(', ')})`;
  }
}

function printOrderItem(item: OrderItem): string {
  const field = printField(item.field);
  return item.direction ? `${field} ${item.direction.toUpperCase()}` : field;
}
