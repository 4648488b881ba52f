/**
 * Change-history search: `WAS`, `WAS NOT`, `WAS IN`, `WAS NOT IN` and `CHANGED`, with the predicates
 * AFTER, BEFORE, ON, DURING, BY (and FROM, TO for CHANGED), read from each issue's changelog.
 */

import type { IssueRecord } from '../model.js';
import type { HistoryPredicate, Operand, TerminalClause } from './ast.js';
import { DATE_TIME_FORMATS, type DateSpan, dateTimeSpan } from './dates.js';
import type { CompileEnv, Predicate } from './env.js';
import type { FieldDef, HistorySpec } from './field-def.js';
import { EMPTY_ID, resolveIds } from './field-discrete.js';
import { dateFunctionValue, findFunction, userFunctionValues } from './functions.js';
import { displayOperand, flatten, operatorEnumName } from './operands.js';

/** One stretch of time during which the field held `value`, set by `by` (user name, lower-case). */
interface Interval {
  value: string | null;
  start: number;
  end: number;
  by: string | null;
}

interface Change {
  at: number;
  from: string | null;
  to: string | null;
  by: string | null;
}

type Window = (start: number, end: number, by: string | null) => boolean;

function changesOf(issue: IssueRecord, spec: HistorySpec, env: CompileEnv): Change[] {
  const names = new Set(spec.changelogNames);
  const entries = [...issue.changelog].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
  return entries.flatMap((entry) =>
    entry.items
      .filter((item) => names.has(item.field.toLowerCase()))
      .map((item) => ({
        at: Date.parse(entry.created),
        from: spec.normalize(item.from, item.fromString, env),
        to: spec.normalize(item.to, item.toString, env),
        by: entry.author.toLowerCase(),
      })),
  );
}

function timeline(issue: IssueRecord, spec: HistorySpec, env: CompileEnv): Interval[] {
  const changes = changesOf(issue, spec, env);
  const created = Date.parse(issue.created);
  const current = spec.values.read(issue);
  const first = changes[0];
  if (!first) {
    const value = typeof current === 'string' ? current : (current?.[0] ?? null);
    return [{ value, start: created, end: Number.POSITIVE_INFINITY, by: issue.creator.toLowerCase() }];
  }
  const out: Interval[] = [
    { value: first.from, start: created, end: first.at, by: issue.creator.toLowerCase() },
  ];
  changes.forEach((c, i) => {
    out.push({ value: c.to, start: c.at, end: changes[i + 1]?.at ?? Number.POSITIVE_INFINITY, by: c.by });
  });
  return out;
}

/** Resolves a date predicate's operand to one span per member; null after recording errors. */
function dateSpans(p: HistoryPredicate, env: CompileEnv): DateSpan[] | null {
  const spans: DateSpan[] = [];
  for (const member of flatten(p.operand)) {
    if (member.kind === 'function') {
      const def = findFunction(member.name);
      if (def?.kind !== 'date') {
        env.error(
          `A date for the predicate '${p.name}' provided by the function '${def?.name ?? member.name}' is not valid.`,
        );
        return null;
      }
      const t = dateFunctionValue(def, member, env);
      spans.push({ start: t, end: t + 1 });
    } else if (member.kind === 'number') {
      spans.push({ start: Number(member.value), end: Number(member.value) + 1 });
    } else {
      const value = member.kind === 'string' ? member.value : 'EMPTY';
      const span = member.kind === 'string' ? dateTimeSpan(member.value, env.nowMs, env.timeZone) : null;
      if (!span) {
        env.error(`Date value '${value}' for predicate '${p.name}' is invalid. ${DATE_TIME_FORMATS}`);
        return null;
      }
      spans.push(span);
    }
  }
  const count = p.operand.kind === 'list' ? spans.length : 1;
  if (p.name === 'during' && (p.operand.kind !== 'list' || count !== 2)) {
    env.error('The DURING predicate must be supplied with exactly 2 date values.');
    return null;
  }
  if (p.name !== 'during' && p.operand.kind === 'list') {
    env.error(`The ${p.name.toUpperCase()} predicate must be supplied with only 1 date value.`);
    return null;
  }
  return spans;
}

function byUsers(operand: Operand, env: CompileEnv): Set<string> | null {
  const names = new Set<string>();
  for (const member of flatten(operand)) {
    const def = member.kind === 'function' ? findFunction(member.name) : undefined;
    const found =
      member.kind === 'function'
        ? def?.kind === 'user'
          ? userFunctionValues(def, member, env)
          : null
        : member.kind === 'empty'
          ? null
          : env.usersMatching(member.value).map((u) => u.name.toLowerCase());
    if (!found || found.length === 0) {
      const shown =
        member.kind === 'string' || member.kind === 'number' ? member.value : displayOperand(member);
      env.error(`The user '${shown}' does not exist and cannot be used in the 'by' predicate.`);
      return null;
    }
    for (const n of found) names.add(n);
  }
  return names;
}

/** Builds the time/author window the predicates describe; null after recording errors. */
function window(predicates: readonly HistoryPredicate[], env: CompileEnv): Window | null {
  const tests: Window[] = [];
  for (const p of predicates) {
    if (p.name === 'from' || p.name === 'to') continue;
    if (p.name === 'by') {
      const users = byUsers(p.operand, env);
      if (!users) return null;
      tests.push((_s, _e, by) => by !== null && users.has(by));
      continue;
    }
    const spans = dateSpans(p, env);
    const [a, b] = spans ?? [];
    if (!a) return null;
    if (p.name === 'after') tests.push((_s, end) => end > a.start);
    else if (p.name === 'before') tests.push((start) => start < a.start);
    else if (p.name === 'on') tests.push((start, end) => start < a.end && end > a.start);
    else if (b) tests.push((start, end) => start < b.end && end > a.start);
  }
  return (start, end, by) => tests.every((t) => t(start, end, by));
}

const WAS_PREDICATES = new Set(['after', 'before', 'on', 'during', 'by']);

/** Compiles a WAS-family or CHANGED clause on a field with history; null after recording errors. */
export function compileHistory(
  def: FieldDef,
  clause: TerminalClause,
  env: CompileEnv,
  label: string,
): Predicate | null {
  const spec = def.history;
  if (!spec) return null;
  const predicates = clause.predicates ?? [];
  const changed = clause.operator === 'changed';
  const bad = predicates.find((p) => !changed && !WAS_PREDICATES.has(p.name));
  if (bad) {
    env.error(
      `The ${operatorEnumName(clause.operator)} operator does not support the use of the ${bad.name} ${displayOperand(bad.operand)} predicate.`,
    );
    return null;
  }
  const inWindow = window(predicates, env);
  if (!inWindow) return null;
  const idSet = (operand: Operand) => {
    const ids = resolveIds(spec.values, { ...clause, operand }, env, label);
    return ids && new Set(ids.map((id) => (id === EMPTY_ID ? null : id)));
  };
  if (changed) {
    const from = predicates.find((p) => p.name === 'from');
    const to = predicates.find((p) => p.name === 'to');
    const fromIds = from ? idSet(from.operand) : undefined;
    const toIds = to ? idSet(to.operand) : undefined;
    if (fromIds === null || toIds === null) return null;
    return (issue) =>
      changesOf(issue, spec, env).some(
        (c) =>
          (!fromIds || fromIds.has(c.from)) && (!toIds || toIds.has(c.to)) && inWindow(c.at, c.at + 1, c.by),
      );
  }
  const wanted = clause.operand ? idSet(clause.operand) : null;
  if (!wanted) return null;
  const held = (issue: IssueRecord) =>
    timeline(issue, spec, env).some((iv) => wanted.has(iv.value) && inWindow(iv.start, iv.end, iv.by));
  return clause.operator === 'was' || clause.operator === 'was in' ? held : (issue) => !held(issue);
}
