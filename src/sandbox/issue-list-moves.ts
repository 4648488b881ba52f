/**
 * Keeps issues in step when a component or version changes: issues store these by name, so a rename renames
 * them, and a delete moves issues to a replacement (or drops the value), recorded in each issue's history.
 */
import { changeItem, recordChange } from './changelog-writer.js';
import type { ProjectRecord } from './model.js';
import type { Store } from './store.js';

/** An issue list that holds component or version names. */
export type NamedList = 'components' | 'fixVersions';

const HISTORY_NAME: Record<NamedList, string> = { components: 'Component', fixVersions: 'Fix Version' };

/** A component or version as history items name it. */
export interface NamedValue {
  id: number;
  name: string;
}

/** Renames `from` to `to` in the project's issues (Jira keeps ids in issues, so no history is written). */
export function renameInIssues(
  store: Store,
  project: ProjectRecord,
  list: NamedList,
  from: string,
  to: string,
): void {
  for (const issue of store.state.issues) {
    if (issue.projectKey !== project.key || !issue[list].includes(from)) continue;
    issue[list] = issue[list].map((name) => (name === from ? to : name));
  }
}

/**
 * Takes `removed` out of the project's issues, putting `replacement` in its place when given; each changed
 * issue gets one history entry by `author`. Returns the number of issues changed.
 */
export function replaceInIssues(
  store: Store,
  project: ProjectRecord,
  list: NamedList,
  removed: NamedValue,
  replacement: NamedValue | undefined,
  author: string,
): number {
  const field = HISTORY_NAME[list];
  let changed = 0;
  for (const issue of store.state.issues) {
    if (issue.projectKey !== project.key || !issue[list].includes(removed.name)) continue;
    const next = issue[list].filter((name) => name !== removed.name);
    const items = [changeItem(field, { id: String(removed.id), text: removed.name }, { text: null })];
    if (replacement && !next.includes(replacement.name)) {
      next.push(replacement.name);
      items.push(changeItem(field, { text: null }, { id: String(replacement.id), text: replacement.name }));
    }
    issue[list] = next;
    recordChange(store, issue, author, items);
    changed += 1;
  }
  return changed;
}
