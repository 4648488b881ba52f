/**
 * Multi-value name fields: labels (any value), components and fix versions (values that some issue
 * uses; the model keeps no separate registry). Matching ignores case.
 */

import type { IssueRecord } from '../model.js';
import type { CompileEnv } from './env.js';
import { EMPTINESS, EQUALITY, type FieldDef, ORDERING, operators } from './field-def.js';
import { compileDiscrete, type DiscreteField, valueNotFound } from './field-discrete.js';

const lower = (values: readonly string[]) => values.map((v) => v.toLowerCase());

const labels: DiscreteField = {
  read: (issue) => lower(issue.labels),
  resolve: (literal) => [literal.value.toLowerCase()],
};

const versionOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const versionRanks = new WeakMap<CompileEnv, Map<string, number>>();

/** Ranks known versions in natural order (1.9 before 1.10): the model has no version sequence. */
function versionRank(env: CompileEnv): Map<string, number> {
  let ranks = versionRanks.get(env);
  if (!ranks) {
    const known = [...env.knownValues('fixVersion', (i) => i.fixVersions)].sort(versionOrder.compare);
    ranks = new Map(known.map((v, i) => [v, i]));
    versionRanks.set(env, ranks);
  }
  return ranks;
}

function knownNames(name: string, read: (issue: IssueRecord) => readonly string[]): DiscreteField {
  return {
    read: (issue) => lower(read(issue)),
    resolve(literal, env, label) {
      const v = literal.value.toLowerCase();
      return env.knownValues(name, read).has(v) ? [v] : valueNotFound(env, label, literal);
    },
  };
}

const components = knownNames('component', (i) => i.components);

function firstSorted(values: readonly string[]): string | null {
  return values.length === 0 ? null : (lower(values).sort()[0] ?? null);
}

/** labels, component and fixVersion. */
export const LIST_FIELDS: readonly FieldDef[] = [
  {
    id: 'labels',
    names: ['labels', 'label'],
    operators: operators(`${EQUALITY} ${EMPTINESS}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(labels, clause, env, label),
  },
  {
    id: 'component',
    names: ['component', 'components'],
    operators: operators(`${EQUALITY} ${EMPTINESS}`),
    emptyable: true,
    compile: (clause, env, label) => compileDiscrete(components, clause, env, label),
    sort: { key: (issue) => firstSorted(issue.components), defaultDirection: 'asc' },
  },
  {
    id: 'fixVersion',
    names: ['fixversion', 'fixversions'],
    operators: operators(`${EQUALITY} ${EMPTINESS} ${ORDERING}`),
    emptyable: true,
    compile(clause, env, label) {
      const base = knownNames('fixVersion', (i) => i.fixVersions);
      const ranks = versionRank(env);
      return compileDiscrete({ ...base, rank: (id) => ranks.get(id) }, clause, env, label);
    },
    sort: {
      key: (issue, env) => {
        const ranks = versionRank(env);
        const r = issue.fixVersions.map((v) => ranks.get(v.toLowerCase()) ?? 0);
        return r.length === 0 ? null : Math.min(...r);
      },
      defaultDirection: 'asc',
    },
  },
];
