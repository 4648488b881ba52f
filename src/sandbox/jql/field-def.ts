/** The shape of a searchable field: its JQL names, operators, matcher, sort key and change history. */

import type { IssueRecord } from '../model.js';
import type { Operator, TerminalClause } from './ast.js';
import type { CompileEnv, Predicate } from './env.js';
import type { DiscreteField } from './field-discrete.js';

/** A sort key; null sorts as an empty value (after every value in ascending order). */
export type SortKey = string | number | null;

/** How a field sorts. */
export interface SortSpec {
  key(issue: IssueRecord, env: CompileEnv): SortKey;
  /** Direction when the ORDER BY item names none (dates and priority: newest/highest first). */
  defaultDirection: 'asc' | 'desc';
}

/** How a field's past values are read from the changelog, for WAS and CHANGED. */
export interface HistorySpec {
  /** Changelog `field` names (lower-case) that record this field. */
  changelogNames: readonly string[];
  /** Normalises a changelog value (`from`/`to` with its display string) to the field's ids. */
  normalize(raw: string | null, display: string | null, env: CompileEnv): string | null;
  /** Resolves the values named in the clause and reads the current value, in the same ids. */
  values: DiscreteField;
}

/** A searchable field. */
export interface FieldDef {
  /** Canonical name, used for history messages and sorting. */
  id: string;
  /** JQL names and aliases, lower-case. */
  names: readonly string[];
  operators: ReadonlySet<Operator>;
  /** Whether EMPTY is a meaningful value for the field. */
  emptyable: boolean;
  /** Builds the predicate of a clause already checked for operator usage; null after recording errors. */
  compile(clause: TerminalClause, env: CompileEnv, label: string): Predicate | null;
  /** Absent when the field cannot be sorted on. */
  sort?: SortSpec;
  /** Absent when WAS / CHANGED are not supported. */
  history?: HistorySpec;
}

/** An operator set from a space-separated list where `_` joins words (`not_in`). */
export function operators(list: string): ReadonlySet<Operator> {
  return new Set(list.split(' ').map((o) => o.replaceAll('_', ' ') as Operator));
}

/** Operator families, for `operators()`. */
export const EQUALITY = 'in not_in = !=';
export const EMPTINESS = 'is is_not';
export const ORDERING = '< <= > >=';
export const HISTORY_OPS = 'was was_not was_in was_not_in changed';
