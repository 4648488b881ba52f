/** Records issue changes as changelog entries, the history `expand=changelog` and JQL `WAS`/`CHANGED` read. */
import type { ChangelogRecord, IssueRecord } from './model.js';
import type { Store } from './store.js';

export type ChangeItem = ChangelogRecord['items'][number];

/** One changed field; ids go in `from`/`to`, what people read in `fromString`/`toString`. */
export function changeItem(
  field: string,
  from: { id?: string | null; text: string | null },
  to: { id?: string | null; text: string | null },
): ChangeItem {
  return { field, from: from.id ?? null, fromString: from.text, to: to.id ?? null, toString: to.text };
}

/**
 * Appends one changelog entry holding `items` (nothing when empty) and bumps `updated`. The caller commits the
 * store afterwards, together with the change itself.
 */
export function recordChange(
  store: Store,
  issue: IssueRecord,
  author: string,
  items: readonly ChangeItem[],
  at: string = new Date().toISOString(),
): void {
  if (items.length === 0) return;
  issue.changelog.push({ id: store.nextId(), author, created: at, items: [...items] });
  issue.updated = laterOf(issue.updated, at);
}

/** Two writes in the same millisecond still move `updated` forward, so clients can see each change. */
function laterOf(previous: string, at: string): string {
  if (at > previous) return at;
  return new Date(Date.parse(previous) + 1).toISOString();
}
