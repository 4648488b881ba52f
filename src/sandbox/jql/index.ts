/** The sandbox's JQL engine: parse, print, validate and evaluate JQL against in-memory issues. */
export type {
  Clause,
  FieldRef,
  HistoryPredicate,
  JqlQuery,
  Operand,
  Operator,
  OrderItem,
  PredicateName,
  TerminalClause,
} from './ast.js';
export type { CustomFieldDef, JqlContext } from './context.js';
export { JqlError } from './errors.js';
export { type CompiledQuery, compileQuery, isBounded, searchIssues } from './evaluate.js';
export { parseJql } from './parser.js';
export { printJql } from './printer.js';
