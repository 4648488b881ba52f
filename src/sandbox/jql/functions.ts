/**
 * JQL functions: the registry (names, argument counts, what they produce) and their evaluation.
 * Function names are case-insensitive, as in Jira.
 */

import { ISSUE_TYPES } from '../model.js';
import type { Operand } from './ast.js';
import { type CalendarUnit, parseOffset, periodBound } from './dates.js';
import type { CompileEnv } from './env.js';

type FunctionCall = Extract<Operand, { kind: 'function' }>;

/** What a function's values are: users (by user name), instants, or issue type ids. */
export type FunctionKind = 'user' | 'date' | 'issuetype';

/** A JQL function: what it yields and how many arguments it takes. */
export interface FunctionDef {
  name: string;
  kind: FunctionKind;
  /** True when the function yields a list (usable with IN / NOT IN only). */
  list: boolean;
  minArgs: number;
  maxArgs: number;
}

const DATE_FUNCTIONS: Readonly<Record<string, { edge: 'start' | 'end'; unit: CalendarUnit }>> = {
  startOfDay: { edge: 'start', unit: 'day' },
  endOfDay: { edge: 'end', unit: 'day' },
  startOfWeek: { edge: 'start', unit: 'week' },
  endOfWeek: { edge: 'end', unit: 'week' },
  startOfMonth: { edge: 'start', unit: 'month' },
  endOfMonth: { edge: 'end', unit: 'month' },
  startOfYear: { edge: 'start', unit: 'year' },
  endOfYear: { edge: 'end', unit: 'year' },
};

const DEFINITIONS: readonly FunctionDef[] = [
  { name: 'currentUser', kind: 'user', list: false, minArgs: 0, maxArgs: 0 },
  { name: 'membersOf', kind: 'user', list: true, minArgs: 1, maxArgs: 1 },
  { name: 'now', kind: 'date', list: false, minArgs: 0, maxArgs: 0 },
  ...Object.keys(DATE_FUNCTIONS).map(
    (name): FunctionDef => ({ name, kind: 'date', list: false, minArgs: 0, maxArgs: 1 }),
  ),
  { name: 'standardIssueTypes', kind: 'issuetype', list: true, minArgs: 0, maxArgs: 0 },
  { name: 'subTaskIssueTypes', kind: 'issuetype', list: true, minArgs: 0, maxArgs: 0 },
];

const BY_NAME = new Map(DEFINITIONS.map((d) => [d.name.toLowerCase(), d]));

/** The definition of a function by name (any case), if JQL has it. */
export function findFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** How Jira shows a function call in messages: `name(arg, arg)`. */
export function callText(call: FunctionCall): string {
  return `${call.name}(${call.args.join(', ')})`;
}

/**
 * Checks that the function exists and got a valid number of well-formed arguments; records Jira's message
 * and returns undefined otherwise.
 */
export function checkCall(call: FunctionCall, env: CompileEnv): FunctionDef | undefined {
  const def = findFunction(call.name);
  if (!def) {
    env.error(`Unable to find JQL function '${callText(call)}'.`);
    return undefined;
  }
  const n = call.args.length;
  if (n < def.minArgs || n > def.maxArgs) {
    env.error(
      def.minArgs === def.maxArgs
        ? `Function '${def.name}' expected '${def.minArgs}' arguments but received '${n}'.`
        : `Function '${def.name}' expected between '${def.minArgs}' and '${def.maxArgs}' arguments but received '${n}'.`,
    );
    return undefined;
  }
  const calendar = DATE_FUNCTIONS[def.name];
  const arg = call.args[0];
  if (calendar && arg !== undefined && !parseOffset(arg, calendar.unit)) {
    env.error(
      `Duration for function '${def.name}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.`,
    );
    return undefined;
  }
  if (def.name === 'membersOf' && arg !== undefined && !env.groups().has(arg.toLowerCase())) {
    env.error(
      `Function 'membersOf' can not generate a list of usernames for group '${arg}'; the group does not exist.`,
    );
    return undefined;
  }
  return def;
}

/** The instant a (checked) date function stands for. */
export function dateFunctionValue(def: FunctionDef, call: FunctionCall, env: CompileEnv): number {
  const calendar = DATE_FUNCTIONS[def.name];
  if (!calendar) return env.nowMs;
  const arg = call.args[0];
  const offset = arg === undefined ? null : parseOffset(arg, calendar.unit);
  return periodBound(calendar.edge, calendar.unit, offset, env.nowMs, env.timeZone);
}

/** Lower-cased user names a (checked) user function stands for; null when it has no valid value. */
export function userFunctionValues(def: FunctionDef, call: FunctionCall, env: CompileEnv): string[] | null {
  if (def.name === 'currentUser') {
    const me = env.ctx.currentUser;
    return me ? [me.name.toLowerCase()] : null;
  }
  const group = (call.args[0] ?? '').toLowerCase();
  return env.ctx.users
    .filter((u) => u.groups.some((g) => g.toLowerCase() === group))
    .map((u) => u.name.toLowerCase());
}

/** Issue type ids a (checked) issue type function stands for. */
export function issueTypeFunctionValues(def: FunctionDef): string[] {
  const subtask = def.name === 'subTaskIssueTypes';
  return ISSUE_TYPES.filter((t) => t.subtask === subtask).map((t) => t.id);
}
