/**
 * Recent search results of one sandbox, so that the pages of one search do not each run the JQL and sort every
 * issue again (three quarters of a 1000-issue page's time). A result stays valid while the store has not
 * changed, and for one second at most, so relative dates (`-1d`, `now()`) never drift by more than that.
 */

import type { IssueRecord } from './model.js';

const MAX_AGE_MS = 1000;
const MAX_ENTRIES = 16;

interface Entry {
  revision: number;
  at: number;
  issues: IssueRecord[];
}

export class SearchCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The issues found for `key` at store `revision` within the last second, if any. */
  lookup(key: string, revision: number): IssueRecord[] | undefined {
    const hit = this.#entries.get(key);
    if (!hit || hit.revision !== revision || this.now() - hit.at > MAX_AGE_MS) return undefined;
    return hit.issues;
  }

  /** Keeps a result; the oldest entry goes when the cache is full. */
  store(key: string, revision: number, issues: IssueRecord[]): void {
    this.#entries.delete(key);
    this.#entries.set(key, { revision, at: this.now(), issues });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }
}
