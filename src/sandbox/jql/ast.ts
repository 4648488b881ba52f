/**
 * The JQL syntax tree. It records what was written, without positions, so that a printed query parses back
 * to an equal tree.
 */

export type Operator =
  | '='
  | '!='
  | '~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'
  | 'is'
  | 'is not'
  | 'was'
  | 'was not'
  | 'was in'
  | 'was not in'
  | 'changed';

/** A field as written: a name (bare or quoted), `cf[NNNNN]`, or `issue.property[key].path` (path may be ''). */
export type FieldRef =
  | { kind: 'name'; name: string }
  | { kind: 'cf'; id: string }
  | { kind: 'property'; key: string; path: string };

/** A value on the right of an operator. */
export type Operand =
  /** A bare or quoted string. */
  | { kind: 'string'; value: string }
  /** A bare integer, kept as its digits (Jira reads it as a 64-bit number). */
  | { kind: 'number'; value: string }
  /** `EMPTY` or `NULL`. */
  | { kind: 'empty' }
  /** `name(arg, ...)`; arguments are strings whatever their spelling. */
  | { kind: 'function'; name: string; args: string[] }
  /** `(a, b, ...)`; lists may nest. */
  | { kind: 'list'; items: Operand[] };

/** The change-history predicates, lower-case. */
export type PredicateName = 'by' | 'after' | 'before' | 'on' | 'during' | 'from' | 'to';

/** A change-history predicate such as `BY alice` or `DURING ("2026-01-01", "2026-01-31")`. */
export interface HistoryPredicate {
  name: PredicateName;
  operand: Operand;
}

/** `field operator operand [predicates]`; `changed` has no operand. */
export interface TerminalClause {
  kind: 'terminal';
  field: FieldRef;
  operator: Operator;
  operand: Operand | null;
  /** Present only when the clause has predicates. */
  predicates?: HistoryPredicate[];
}

/** A WHERE clause: a comparison, or AND / OR / NOT of clauses. */
export type Clause =
  | TerminalClause
  /** Two or more clauses; a chain `a AND b AND c` is one node, a parenthesised group its own. */
  | { kind: 'and'; clauses: Clause[] }
  | { kind: 'or'; clauses: Clause[] }
  | { kind: 'not'; clause: Clause };

/** One ORDER BY entry. */
export interface OrderItem {
  field: FieldRef;
  /** null when neither ASC nor DESC was written (the field's natural direction applies). */
  direction: 'asc' | 'desc' | null;
}

/** A parsed query: the restriction and the sort order. */
export interface JqlQuery {
  /** null for a query with no restriction (empty, or only ORDER BY). */
  where: Clause | null;
  /** Empty when there is no ORDER BY. */
  orderBy: OrderItem[];
}

/** The text Jira uses for a field reference in messages: the name as written, or `cf[NNNNN]`. */
export function fieldLabel(field: FieldRef): string {
  if (field.kind === 'cf') return `cf[${field.id}]`;
  if (field.kind === 'property')
    return `issue.property[${field.key}]${field.path === '' ? '' : `.${field.path}`}`;
  return field.name;
}
