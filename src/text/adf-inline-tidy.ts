import { canonicalMarks, sameMarks } from './adf-marks.js';
import type { AdfMark, AdfNode } from './adf-types.js';

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

/** Cut an inline stream at `mediaSingle` blocks into paragraphs and media; empty paragraphs are dropped. */
export function splitAtMedia(inline: readonly AdfNode[], marks?: AdfMark[]): AdfNode[] {
  const blocks: AdfNode[] = [];
  let run: AdfNode[] = [];
  const flush = (): void => {
    trimInline(run);
    if (run.length > 0) {
      const paragraph: AdfNode = { type: 'paragraph', content: run };
      if (marks && marks.length > 0) paragraph.marks = marks;
      blocks.push(paragraph);
    }
    run = [];
  };
  for (const node of inline) {
    if (node.type === 'mediaSingle') {
      flush();
      blocks.push(node);
    } else run.push(node);
  }
  flush();
  return blocks;
}

/** Remove breaks and whitespace at both ends of an inline run (in place). */
export function trimInline(run: AdfNode[]): void {
  for (;;) {
    while (run[0]?.type === 'hardBreak') run.shift();
    const first = run[0];
    if (first?.type !== 'text') break;
    first.text = (first.text ?? '').replace(/^\s+/, '');
    if (first.text) break;
    run.shift();
  }
  for (;;) {
    while (run[run.length - 1]?.type === 'hardBreak') run.pop();
    const last = run[run.length - 1];
    if (last?.type !== 'text') break;
    last.text = (last.text ?? '').replace(/\s+$/, '');
    if (last.text) break;
    run.pop();
  }
}
