/**
 * ORDER BY: validates the sort fields and sorts with precomputed keys. Empty values sort after all others
 * in ascending order. Without ORDER BY, text searches rank by relevance as Jira does; ties, and every other
 * query without ORDER BY, fall back to issue key descending (newest first).
 */

import type { IssueRecord } from '../model.js';
import { fieldLabel, type OrderItem } from './ast.js';
import type { CompileEnv } from './env.js';
import type { SortKey, SortSpec } from './field-def.js';
import { keySortKey } from './field-issues.js';
import { lookupField } from './fields.js';

/** Orders matched issues (a new array). */
export type Sorter = (issues: readonly IssueRecord[]) => IssueRecord[];

interface SortColumn {
  spec: SortSpec;
  /** 1 ascending, -1 descending. */
  sign: number;
}

/** Compares two keys ascending: numbers before strings, empty (null) last. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Builds the sorter for an ORDER BY list; unknown or unsortable fields record Jira's messages. */
export function compileOrder(items: readonly OrderItem[], env: CompileEnv): Sorter {
  const columns: SortColumn[] = [];
  for (const item of items) {
    const label = fieldLabel(item.field);
    const def = lookupField(item.field, env);
    if (!def) env.error(`Not able to sort using field '${label}'.`);
    else if (!def.sort) env.error(`Field '${label}' does not support sorting.`);
    else {
      const direction = item.direction ?? def.sort.defaultDirection;
      columns.push({ spec: def.sort, sign: direction === 'asc' ? 1 : -1 });
    }
  }
  if (items.length === 0 && env.scorers.length > 0) {
    // Relevance: a higher score first, i.e. the negated score ascending.
    const scorers = env.scorers;
    columns.push({
      spec: { key: (i) => -scorers.reduce((sum, s) => sum + s(i), 0), defaultDirection: 'asc' },
      sign: 1,
    });
  }
  return (issues) => {
    const rows = issues.map((issue) => ({
      issue,
      keys: columns.map((c) => c.spec.key(issue, env)),
      fallback: keySortKey(issue.key),
    }));
    rows.sort((x, y) => {
      for (let c = 0; c < columns.length; c++) {
        const column = columns[c] as SortColumn;
        const d = compareKeys(x.keys[c] ?? null, y.keys[c] ?? null);
        if (d !== 0) return d * column.sign;
      }
      return -compareKeys(x.fallback, y.fallback);
    });
    return rows.map((r) => r.issue);
  };
}
