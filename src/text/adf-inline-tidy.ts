import { canonicalMarks, sameMarks } from './adf-marks.js';
import type { AdfNode } from './adf-types.js';

/** Merge neighbouring text nodes that carry the same marks. */
export function mergeText(nodes: readonly AdfNode[]): AdfNode[] {
  const merged: AdfNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (
      last?.type === 'text' &&
      node.type === 'text' &&
      sameMarks(canonicalMarks(last.marks ?? []), canonicalMarks(node.marks ?? []))
    ) {
      merged[merged.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    } else {
      merged.push(node);
    }
  }
  return merged;
}

/** Drop spaces and tabs next to hard breaks: Markdown cannot keep them at a line's edge. */
export function trimAroundBreaks(nodes: readonly AdfNode[]): AdfNode[] {
  const out = nodes.map((node) => ({ ...node }));
  for (let i = 0; i < out.length; i += 1) {
    if (out[i]?.type !== 'hardBreak') continue;
    const before = out[i - 1];
    if (before?.type === 'text') before.text = (before.text ?? '').replace(/[ \t]+$/, '');
    const after = out[i + 1];
    if (after?.type === 'text') after.text = (after.text ?? '').replace(/^[ \t]+/, '');
  }
  return out.filter((node) => node.type !== 'text' || (node.text ?? '') !== '');
}

/** Whitespace-only text keeps only its link: formatting on bare spaces is invisible and unstable in Markdown. */
export function plainWhitespace(nodes: readonly AdfNode[]): AdfNode[] {
  return nodes.map((node) => {
    if (node.type !== 'text' || !node.marks || /\S/.test(node.text ?? '')) return node;
    const marks = node.marks.filter((mark) => mark.type === 'link');
    const plain: AdfNode = { type: 'text', text: node.text ?? '' };
    if (marks.length > 0) plain.marks = marks;
    return plain;
  });
}
