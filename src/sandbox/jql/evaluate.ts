/**
 * Running a query: compile once into a predicate and a sorter (collecting every validation message),
 * then filter and order. Pure: no I/O, no clock other than `ctx.now`.
 */

import type { IssueRecord } from '../model.js';
import type { JqlQuery } from './ast.js';
import { compileClause } from './compile.js';
import type { JqlContext } from './context.js';
import { CompileEnv, type Predicate } from './env.js';
import { JqlError } from './errors.js';
import { compileOrder, type Sorter } from './order.js';
import { parseJql } from './parser.js';

/** A query ready to run: filter with `matches`, then order with `sort`. */
export interface CompiledQuery {
  matches: Predicate;
  sort: Sorter;
}

/** Compiles a parsed query against the issues it will search; throws JqlError with all validation messages. */
export function compileQuery(
  query: JqlQuery,
  issues: readonly IssueRecord[],
  ctx: JqlContext,
): CompiledQuery {
  const env = new CompileEnv(ctx, issues);
  const matches = query.where ? compileClause(query.where, env) : () => true;
  const sort = compileOrder(query.orderBy, env);
  if (env.errors.length > 0) throw new JqlError(env.errors);
  return { matches, sort };
}

/** Filters and orders issues by JQL; throws JqlError with Jira's messages for invalid JQL. */
export function searchIssues(issues: readonly IssueRecord[], jql: string, ctx: JqlContext): IssueRecord[] {
  const { matches, sort } = compileQuery(parseJql(jql), issues, ctx);
  return sort(issues.filter(matches));
}

/**
 * False for JQL with no search restriction (empty, or only ORDER BY), which Cloud's search/jql refuses.
 * Unparsable JQL counts as bounded so that the search itself reports the syntax error.
 */
export function isBounded(jql: string): boolean {
  try {
    return parseJql(jql).where !== null;
  } catch (error) {
    if (error instanceof JqlError) return true;
    throw error;
  }
}
