/** User fields: assignee, reporter and creator. Values match a user's name, key, account id, e-mail or display name. */

import type { IssueRecord } from '../model.js';
import type { CompileEnv } from './env.js';
import { EMPTINESS, EQUALITY, type FieldDef, HISTORY_OPS, operators } from './field-def.js';
import { compileDiscrete, type DiscreteField, valueNotFound } from './field-discrete.js';
import { userFunctionValues } from './functions.js';

const displayNames = new WeakMap<CompileEnv, Map<string, string>>();

/** Lower-case display name of a user name, for sorting (unknown users sort by their name). */
function sortName(name: string | null, env: CompileEnv): string | null {
  if (name === null) return null;
  let map = displayNames.get(env);
  if (!map) {
    map = new Map(env.ctx.users.map((u) => [u.name.toLowerCase(), u.displayName.toLowerCase()]));
    displayNames.set(env, map);
  }
  const lower = name.toLowerCase();
  return map.get(lower) ?? lower;
}

function userField(read: (issue: IssueRecord) => string | null): DiscreteField {
  return {
    read: (issue) => read(issue)?.toLowerCase() ?? null,
    resolve(literal, env, label) {
      const users = env.usersMatching(literal.value);
      return users.length > 0 ? users.map((u) => u.name.toLowerCase()) : valueNotFound(env, label, literal);
    },
    fromFunction: (def, call, env) => (def.kind === 'user' ? userFunctionValues(def, call, env) : null),
  };
}

/** Maps a changelog user (name on Data Center, account id on Cloud, display name) to a user name. */
function normalizeUser(raw: string | null, display: string | null, env: CompileEnv): string | null {
  if (raw === null && display === null) return null;
  const user = (raw !== null ? env.usersMatching(raw)[0] : undefined) ?? env.usersMatching(display ?? '')[0];
  return (user?.name ?? raw ?? display ?? '').toLowerCase();
}

function define(id: string, read: (issue: IssueRecord) => string | null, history: boolean): FieldDef {
  const field = userField(read);
  return {
    id,
    names: [id],
    operators: operators(`${EQUALITY} ${EMPTINESS}${history ? ` ${HISTORY_OPS}` : ''}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(field, clause, env, label),
    sort: { key: (issue, env) => sortName(read(issue), env), defaultDirection: 'asc' },
    ...(history ? { history: { changelogNames: [id], normalize: normalizeUser, values: field } } : {}),
  };
}

/** assignee, reporter and creator. */
export const USER_FIELDS: readonly FieldDef[] = [
  define('assignee', (i) => i.assignee, true),
  define('reporter', (i) => i.reporter, true),
  define('creator', (i) => i.creator, false),
];
