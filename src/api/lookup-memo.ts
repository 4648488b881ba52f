/**
 * Reads shared by the many requests of one bulk run: the project's issue types, its create screen and the
 * users named in rows are looked up once per run instead of once per row.
 */

/** Pending or settled lookups by key; a failed lookup is forgotten so a later row asks again. */
export type LookupMemo = Map<string, Promise<unknown>>;

/** The value of `load` for `key`, loaded at most once while it succeeds (no memo: always loads). */
export function lookupOnce<T>(memo: LookupMemo | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!memo) return load();
  const hit = memo.get(key);
  if (hit) return hit as Promise<T>;
  const value = load();
  memo.set(key, value);
  value.catch(() => {
    if (memo.get(key) === value) memo.delete(key);
  });
  return value;
}
