import { InvalidArgumentError } from 'commander';

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
