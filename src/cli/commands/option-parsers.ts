import { InvalidArgumentError } from 'commander';
import { usageError } from '../exit-codes.js';

/** Parses `a,b,c` (spaces ignored, empties dropped). */
export function commaList(value: string, previous?: string[]): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list');
  return [...(previous ?? []), ...items];
}

/** Parses a whole number of at least `min`. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(
        `expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}`,
      );
    }
    return n;
  };
}

/** Collects a repeatable option into an array. */
export function repeatable(value: string, previous?: string[]): string[] {
  return [...(previous ?? []), value];
}

/** `--field NAME=VALUE` pairs as a field map: VALUE is JSON when it parses, else text. */
export function fieldAssignments(pairs: readonly string[] | undefined): Record<string, unknown> | undefined {
  if (!pairs || pairs.length === 0) return undefined;
  return assignments(pairs, '--field');
}

/** `FLAG NAME=VALUE` pairs as a field map: VALUE is JSON when it parses, else text. */
export function assignments(pairs: readonly string[], flag: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`invalid ${flag} '${pair}'`, 'expected NAME=VALUE, e.g. "Story Points=5"');
    const text = pair.slice(at + 1);
    try {
      out[pair.slice(0, at).trim()] = JSON.parse(text) as unknown;
    } catch {
      out[pair.slice(0, at).trim()] = text;
    }
  }
  return out;
}
