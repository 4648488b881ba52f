import type { AdfMark } from './adf-types.js';

// One fixed order for marks, so equal formatting always serialises the same way and adjacent text merges.
const MARK_ORDER: readonly string[] = [
  'link',
  'strong',
  'em',
  'strike',
  'underline',
  'subsup',
  'textColor',
  'code',
];

function rank(mark: AdfMark): number {
  const index = MARK_ORDER.indexOf(mark.type);
  return index === -1 ? MARK_ORDER.length : index;
}

/** Add a mark to a set, replacing one of the same type (an inner link or colour wins over an outer one). */
export function withMark(marks: readonly AdfMark[], mark: AdfMark): AdfMark[] {
  const next = marks.filter((existing) => existing.type !== mark.type);
  next.push(mark);
  return next;
}

/** Marks in canonical order; text with a code mark keeps only code and link, as ADF requires. */
export function canonicalMarks(marks: readonly AdfMark[]): AdfMark[] {
  const hasCode = marks.some((mark) => mark.type === 'code');
  const kept = hasCode ? marks.filter((mark) => mark.type === 'code' || mark.type === 'link') : [...marks];
  return kept.sort((a, b) => rank(a) - rank(b));
}

/** Structural equality of two marks (type and attributes). */
export function sameMark(a: AdfMark, b: AdfMark): boolean {
  if (a.type !== b.type) return false;
  return stableJson(a.attrs) === stableJson(b.attrs);
}

/** Structural equality of two mark lists, order included. */
export function sameMarks(a: readonly AdfMark[] | undefined, b: readonly AdfMark[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i += 1) {
    const l = left[i];
    const r = right[i];
    if (!l || !r || !sameMark(l, r)) return false;
  }
  return true;
}

function stableJson(value: Record<string, unknown> | undefined): string {
  if (!value) return '';
  const keys = Object.keys(value).sort();
  return JSON.stringify(keys.map((key) => [key, value[key]]));
}
