/**
 * Date fields. Date-time fields (created, updated, resolved) compare instants: a date literal on `=`
 * covers its whole day in the caller's zone, while ordering operators compare with its first moment
 * (so `created <= 2026-01-05` stops at midnight, as in Jira). The due date is a calendar date.
 */

import type { IssueRecord } from '../model.js';
import type { TerminalClause } from './ast.js';
import { DATE_ONLY_FORMATS, DATE_TIME_FORMATS, type DateSpan, dateOnlyDay, dateTimeSpan } from './dates.js';
import type { CompileEnv, Predicate } from './env.js';
import { EMPTINESS, EQUALITY, type FieldDef, ORDERING, operators } from './field-def.js';
import { functionNotValid } from './field-discrete.js';
import { dateFunctionValue, findFunction } from './functions.js';
import { flatten, holds } from './operands.js';
import { dayNumber, localDay } from './zones.js';

/** Turns a clause's operand into spans; `empty` marks EMPTY members. Null after recording errors. */
function spans(
  clause: TerminalClause,
  env: CompileEnv,
  label: string,
  dateOnly: boolean,
): { spans: DateSpan[]; empty: boolean } | null {
  const out: DateSpan[] = [];
  let empty = false;
  let ok = true;
  for (const member of clause.operand ? flatten(clause.operand) : []) {
    if (member.kind === 'empty') {
      empty = true;
    } else if (member.kind === 'function') {
      const def = findFunction(member.name);
      if (def?.kind === 'date') {
        const t = dateFunctionValue(def, member, env);
        out.push(dateOnly ? daySpan(localDay(t, env.timeZone)) : { start: t, end: t + 1 });
      } else {
        functionNotValid(env, label, member);
        ok = false;
      }
    } else if (member.kind === 'number') {
      const t = Number(member.value);
      out.push(dateOnly ? daySpan(localDay(t, env.timeZone)) : { start: t, end: t + 1 });
    } else {
      const span = dateOnly
        ? nullableDay(dateOnlyDay(member.value, env.nowMs, env.timeZone))
        : dateTimeSpan(member.value, env.nowMs, env.timeZone);
      if (span) out.push(span);
      else {
        env.error(
          `Date value '${member.value}' for field '${label}' is invalid. ${dateOnly ? DATE_ONLY_FORMATS : DATE_TIME_FORMATS}`,
        );
        ok = false;
      }
    }
  }
  return ok ? { spans: out, empty } : null;
}

/** A calendar day as a span of day numbers, so the same matcher serves both kinds of field. */
function daySpan(day: number): DateSpan {
  return { start: day, end: day + 1 };
}

function nullableDay(day: number | null): DateSpan | null {
  return day === null ? null : daySpan(day);
}

function compileDate(read: (issue: IssueRecord) => number | null, dateOnly: boolean): FieldDef['compile'] {
  return (clause, env, label): Predicate | null => {
    const resolved = spans(clause, env, label, dateOnly);
    if (!resolved) return null;
    const { spans: list, empty } = resolved;
    const inside = (v: number) => list.some((s) => s.start <= v && v < s.end);
    const op = clause.operator;
    switch (op) {
      case '=':
      case 'in':
        return (issue) => {
          const v = read(issue);
          return v === null ? empty : inside(v);
        };
      case '!=':
      case 'not in':
        return (issue) => {
          const v = read(issue);
          return v !== null && !inside(v);
        };
      case 'is':
        return (issue) => read(issue) === null;
      case 'is not':
        return (issue) => read(issue) !== null;
      default:
        return (issue) => {
          const v = read(issue);
          return v !== null && list.some((s) => holds(op, v, s.start));
        };
    }
  };
}

function instant(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function dueDay(issue: IssueRecord): number | null {
  const m = issue.duedate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(issue.duedate) : null;
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function dateTimeField(id: string, names: string[], read: (issue: IssueRecord) => string | null): FieldDef {
  const readMs = (issue: IssueRecord) => instant(read(issue));
  return {
    id,
    names,
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING}`),
    emptyable: true,
    compile: compileDate(readMs, false),
    sort: { key: readMs, defaultDirection: 'desc' },
  };
}

/** created, updated, resolved and the due date. */
export const DATE_FIELDS: readonly FieldDef[] = [
  dateTimeField('created', ['created', 'createddate'], (i) => i.created),
  dateTimeField('updated', ['updated', 'updateddate'], (i) => i.updated),
  dateTimeField('resolved', ['resolved', 'resolutiondate'], (i) => i.resolutiondate),
  {
    id: 'duedate',
    names: ['duedate', 'due'],
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING}`),
    emptyable: true,
    compile: compileDate(dueDay, true),
    sort: { key: dueDay, defaultDirection: 'asc' },
  },
];
