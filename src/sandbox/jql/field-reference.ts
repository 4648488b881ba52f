/**
 * Fields whose values come from the sandbox's reference data: project, status, statusCategory, priority,
 * resolution and issue type. Each value matches by name (any case) or id.
 */

import { ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUS_CATEGORIES, STATUSES } from '../model.js';
import type { CompileEnv } from './env.js';
import { EMPTINESS, EQUALITY, type FieldDef, HISTORY_OPS, ORDERING, operators } from './field-def.js';
import { compileDiscrete, type DiscreteField, EMPTY_ID, valueNotFound } from './field-discrete.js';
import { issueTypeFunctionValues } from './functions.js';
import type { Literal } from './operands.js';

interface Named {
  id: string;
  names: readonly string[];
}

/** Finds ids by name (any case), then by id; numbers look up ids first. */
function lookup(items: readonly Named[], literal: Literal, env: CompileEnv, label: string): string[] | null {
  const v = literal.value.toLowerCase();
  const byName = items.filter((i) => i.names.some((n) => n.toLowerCase() === v)).map((i) => i.id);
  const byId = items.filter((i) => i.id === String(Number(literal.value))).map((i) => i.id);
  const found = literal.kind === 'number' ? [...byId, ...byName] : byName.length > 0 ? byName : byId;
  return found.length > 0 ? found : valueNotFound(env, label, literal);
}

const statusItems: Named[] = STATUSES.map((s) => ({ id: s.id, names: [s.name] }));
const categoryItems: Named[] = STATUS_CATEGORIES.map((c) => ({ id: String(c.id), names: [c.name, c.key] }));
const priorityItems: Named[] = PRIORITIES.map((p) => ({ id: p.id, names: [p.name] }));
const resolutionItems: Named[] = RESOLUTIONS.map((r) => ({ id: r.id, names: [r.name] }));
const typeItems: Named[] = ISSUE_TYPES.map((t) => ({ id: t.id, names: [t.name] }));

const indexOf = (items: readonly Named[]) => {
  const map = new Map(items.map((item, i) => [item.id, i]));
  return (id: string) => map.get(id);
};
const statusIndex = indexOf(statusItems);
const categoryIndex = indexOf(categoryItems);
const resolutionIndex = indexOf(resolutionItems);
const typeIndex = indexOf(typeItems);
/** Highest is the greatest priority, so `priority > Medium` means more urgent. */
const priorityRank = (id: string) => {
  const i = priorityItems.findIndex((p) => p.id === id);
  return i < 0 ? undefined : priorityItems.length - i;
};
const categoryOfStatus = new Map(STATUSES.map((s) => [s.id, String(s.categoryId)]));

const project: DiscreteField = {
  read: (issue) => issue.projectKey.toUpperCase(),
  resolve(literal, env, label) {
    const items = env.projects().map((p) => ({ id: String(p.id), names: [p.key, p.name], key: p.key }));
    const ids = lookup(items, literal, env, label);
    return ids && items.filter((p) => ids.includes(p.id)).map((p) => p.key.toUpperCase());
  },
};

const status: DiscreteField = {
  read: (issue) => issue.statusId,
  resolve: (literal, env, label) => lookup(statusItems, literal, env, label),
};

const statusCategory: DiscreteField = {
  read: (issue) => categoryOfStatus.get(issue.statusId) ?? null,
  resolve: (literal, env, label) => lookup(categoryItems, literal, env, label),
};

const priority: DiscreteField = {
  read: (issue) => issue.priorityId,
  resolve: (literal, env, label) => lookup(priorityItems, literal, env, label),
  rank: priorityRank,
};

const resolution: DiscreteField = {
  read: (issue) => issue.resolutionId,
  resolve(literal, env, label) {
    // "Unresolved" means no resolution unless a resolution really has that name.
    const named = resolutionItems.some((r) => r.names[0]?.toLowerCase() === 'unresolved');
    if (!named && literal.value.toLowerCase() === 'unresolved') return [EMPTY_ID];
    return lookup(resolutionItems, literal, env, label);
  },
  rank: resolutionIndex,
};

const issueType: DiscreteField = {
  read: (issue) => issue.issueTypeId,
  resolve: (literal, env, label) => lookup(typeItems, literal, env, label),
  fromFunction: (def) => (def.kind === 'issuetype' ? issueTypeFunctionValues(def) : null),
};

/** Maps changelog ids or names onto a reference list's ids. */
function normalizeNamed(items: readonly Named[]) {
  return (raw: string | null, display: string | null): string | null => {
    if (raw !== null && items.some((i) => i.id === raw)) return raw;
    const name = (display ?? raw ?? '').toLowerCase();
    return items.find((i) => i.names.some((n) => n.toLowerCase() === name))?.id ?? null;
  };
}

/** project, status, statusCategory, priority, resolution and issuetype. */
export const REFERENCE_FIELDS: readonly FieldDef[] = [
  {
    id: 'project',
    names: ['project'],
    operators: operators(`${EQUALITY} ${EMPTINESS}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(project, clause, env, label),
    sort: {
      key: (issue, env) => {
        const key = issue.projectKey.toUpperCase();
        const p = env.ctx.projects.find((x) => x.key.toUpperCase() === key);
        return (p?.name ?? key).toLowerCase();
      },
      defaultDirection: 'asc',
    },
  },
  {
    id: 'status',
    names: ['status'],
    operators: operators(`${EQUALITY} ${HISTORY_OPS}`),
    emptyable: false,
    compile: (clause, env, label) => compileDiscrete(status, clause, env, label),
    sort: { key: (issue) => statusIndex(issue.statusId) ?? null, defaultDirection: 'asc' },
    history: { changelogNames: ['status'], normalize: normalizeNamed(statusItems), values: status },
  },
  {
    id: 'statusCategory',
    names: ['statuscategory'],
    operators: operators(EQUALITY),
    emptyable: false,
    compile: (clause, env, label) => compileDiscrete(statusCategory, clause, env, label),
    sort: {
      key: (issue) => categoryIndex(categoryOfStatus.get(issue.statusId) ?? '') ?? null,
      defaultDirection: 'asc',
    },
  },
  {
    id: 'priority',
    names: ['priority'],
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING} ${HISTORY_OPS}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(priority, clause, env, label),
    sort: {
      key: (issue) => (issue.priorityId ? (priorityRank(issue.priorityId) ?? null) : null),
      defaultDirection: 'desc',
    },
    history: { changelogNames: ['priority'], normalize: normalizeNamed(priorityItems), values: priority },
  },
  {
    id: 'resolution',
    names: ['resolution'],
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING} ${HISTORY_OPS}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(resolution, clause, env, label),
    sort: {
      key: (issue) => (issue.resolutionId ? (resolutionIndex(issue.resolutionId) ?? null) : null),
      defaultDirection: 'asc',
    },
    history: {
      changelogNames: ['resolution'],
      normalize: normalizeNamed(resolutionItems),
      values: resolution,
    },
  },
  {
    id: 'issuetype',
    names: ['issuetype', 'type'],
    operators: operators(EQUALITY),
    emptyable: false,
    compile: (clause, env, label) => compileDiscrete(issueType, clause, env, label),
    sort: { key: (issue) => typeIndex(issue.issueTypeId) ?? null, defaultDirection: 'asc' },
  },
];
