/** File-name patterns as JiraPS's `-FileName` takes them: `*` any run, `?` one character, case-insensitive. */

/**
 * True when `name` matches `pattern` (`*` any run, `?` one character when `anyOne`, every other character
 * literal), ignoring case. No regular expression: a pattern of any length is matched in linear space.
 */
export function globMatches(pattern: string, name: string, anyOne = true): boolean {
  const p = [...pattern.toLowerCase()];
  const n = [...name.toLowerCase()];
  let pi = 0;
  let ni = 0;
  let star = -1;
  let mark = 0;
  while (ni < n.length) {
    if (pi < p.length && p[pi] !== '*' && (p[pi] === n[ni] || (anyOne && p[pi] === '?'))) {
      pi++;
      ni++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ni;
    } else if (star >= 0) {
      pi = star + 1;
      ni = ++mark;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

/** A matcher for `pattern`; every other character is literal. */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  return (name) => globMatches(pattern, name);
}

/** True when `name` matches any of `patterns`; no patterns matches everything. */
export function matchesAny(name: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((pattern) => globMatches(pattern, name));
}
