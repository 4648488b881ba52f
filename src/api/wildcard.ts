/** File-name patterns as JiraPS's `-FileName` takes them: `*` any run, `?` one character, case-insensitive. */

/** A matcher for `pattern`; every other character is literal. */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const source = [...pattern]
    .map((ch) => {
      if (ch === '*') return '.*';
      if (ch === '?') return '.';
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${source}$`, 'iu');
  return (name) => regex.test(name);
}

/** True when `name` matches any of `patterns`; no patterns matches everything. */
export function matchesAny(name: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((pattern) => wildcardMatcher(pattern)(name));
}
