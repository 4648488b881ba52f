import { canonicalMarks } from './adf-marks.js';
import type { AdfNode } from './adf-types.js';

// ADF restricts which blocks each container holds (no heading in a list item, no table in a quote, ...).
// Markdown allows any nesting, so blocks that do not fit are rewritten into ones that do, keeping the text.

/** A block container with its own content rule. */
export type Container = 'doc' | 'listItem' | 'blockquote' | 'panel' | 'expand' | 'nestedExpand' | 'tableCell';

const LISTS = ['bulletList', 'orderedList'];
const MEDIA = ['mediaSingle', 'mediaGroup'];
/** What a nested expand may hold (a table cell takes the same, plus nested expands). */
const NESTED_EXPAND_BLOCKS = [
  'paragraph',
  'heading',
  ...LISTS,
  'taskList',
  'decisionList',
  'panel',
  'blockquote',
  'codeBlock',
  'rule',
  ...MEDIA,
];

const ALLOWED: Readonly<Record<Container, ReadonlySet<string>>> = {
  doc: new Set([
    'paragraph',
    'heading',
    ...LISTS,
    'taskList',
    'decisionList',
    'blockquote',
    'codeBlock',
    'rule',
    'panel',
    'table',
    ...MEDIA,
    'expand',
    'blockCard',
    'embedCard',
  ]),
  listItem: new Set(['paragraph', ...LISTS, 'taskList', 'mediaSingle', 'codeBlock']),
  blockquote: new Set(['paragraph', ...LISTS, 'codeBlock', ...MEDIA]),
  panel: new Set([
    'paragraph',
    'heading',
    ...LISTS,
    'taskList',
    'decisionList',
    'codeBlock',
    'rule',
    ...MEDIA,
  ]),
  expand: new Set([
    'paragraph',
    'heading',
    ...LISTS,
    'taskList',
    'decisionList',
    'panel',
    'blockquote',
    'codeBlock',
    'rule',
    'table',
    ...MEDIA,
    'nestedExpand',
  ]),
  nestedExpand: new Set(NESTED_EXPAND_BLOCKS),
  tableCell: new Set([...NESTED_EXPAND_BLOCKS, 'nestedExpand']),
};

/** An empty paragraph, the filler for containers that must not be empty. */
export function emptyParagraph(): AdfNode {
  return { type: 'paragraph', content: [] };
}

/** The blocks, or one empty paragraph when there are none (ADF containers need at least one child). */
export function nonEmpty(blocks: AdfNode[]): AdfNode[] {
  return blocks.length > 0 ? blocks : [emptyParagraph()];
}

/** Rewrite blocks so every one is allowed in `container`. */
export function fitBlocks(blocks: readonly AdfNode[], container: Container): AdfNode[] {
  const out: AdfNode[] = [];
  for (const block of blocks) fitBlock(block, container, out);
  return out;
}

function fitBlock(block: AdfNode, container: Container, out: AdfNode[]): void {
  const allowed = ALLOWED[container];
  if (block.type === 'expand' && allowed.has('nestedExpand')) {
    out.push(asNestedExpand(block));
    return;
  }
  if (block.type === 'nestedExpand' && allowed.has('expand')) {
    out.push({ type: 'expand', attrs: block.attrs ?? {}, content: block.content ?? [] });
    return;
  }
  if (allowed.has(block.type)) {
    out.push(block);
    return;
  }
  switch (block.type) {
    case 'heading':
      out.push({ type: 'paragraph', content: emphasize(block.content ?? []) });
      return;
    case 'blockquote':
    case 'panel':
      for (const child of block.content ?? []) fitBlock(child, container, out);
      return;
    case 'expand':
    case 'nestedExpand': {
      const title = typeof block.attrs?.title === 'string' ? block.attrs.title : '';
      if (title) out.push({ type: 'paragraph', content: emphasize([{ type: 'text', text: title }]) });
      for (const child of block.content ?? []) fitBlock(child, container, out);
      return;
    }
    case 'rule':
      return;
    case 'taskList':
    case 'decisionList':
      fitBlock(checklistAsBulletList(block), container, out);
      return;
    case 'table':
      for (const row of block.content ?? []) out.push({ type: 'paragraph', content: rowAsInline(row) });
      return;
    default:
      out.push({ type: 'paragraph', content: inlineOf(block) });
  }
}

function asNestedExpand(block: AdfNode): AdfNode {
  const attrs: Record<string, unknown> = {};
  if (typeof block.attrs?.title === 'string') attrs.title = block.attrs.title;
  return { type: 'nestedExpand', attrs, content: nonEmpty(fitBlocks(block.content ?? [], 'nestedExpand')) };
}

// A heading that cannot stay a heading keeps its weight as bold text.
function emphasize(inline: readonly AdfNode[]): AdfNode[] {
  return inline.map((node) => {
    if (node.type !== 'text' || node.marks?.some((mark) => mark.type === 'code' || mark.type === 'strong')) {
      return node;
    }
    return { ...node, marks: canonicalMarks([...(node.marks ?? []), { type: 'strong' }]) };
  });
}

function checklistAsBulletList(block: AdfNode): AdfNode {
  const items: AdfNode[] = [];
  for (const child of block.content ?? []) {
    if (child.type === 'taskList' || child.type === 'decisionList') {
      const previous = items[items.length - 1];
      const nested = checklistAsBulletList(child);
      if (previous?.content) previous.content.push(nested);
      else items.push({ type: 'listItem', content: [emptyParagraph(), nested] });
      continue;
    }
    const box = child.type === 'taskItem' ? (child.attrs?.state === 'DONE' ? '[x] ' : '[ ] ') : '';
    const text = inlineOf(child);
    const inline = box ? [{ type: 'text', text: text.length > 0 ? box : box.trimEnd() }, ...text] : text;
    items.push({ type: 'listItem', content: [{ type: 'paragraph', content: inline }] });
  }
  return {
    type: 'bulletList',
    content: items.length > 0 ? items : [{ type: 'listItem', content: [emptyParagraph()] }],
  };
}

function rowAsInline(row: AdfNode): AdfNode[] {
  const inline: AdfNode[] = [];
  (row.content ?? []).forEach((cell, index) => {
    if (index > 0) inline.push({ type: 'text', text: ' | ' });
    inline.push(...inlineOf(cell));
  });
  return inline;
}

const INLINE_TYPES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'date', 'status', 'inlineCard']);

/** The inline content of any block: its own inline children, or its blocks' inline content joined by breaks. */
export function inlineOf(block: AdfNode): AdfNode[] {
  if (block.type === 'codeBlock') {
    const text = (block.content ?? []).map((node) => node.text ?? '').join('');
    return text ? [{ type: 'text', text, marks: [{ type: 'code' }] }] : [];
  }
  const children = block.content ?? [];
  if (children.every((child) => INLINE_TYPES.has(child.type))) return [...children];
  const inline: AdfNode[] = [];
  for (const child of children) {
    const part = INLINE_TYPES.has(child.type) ? [child] : inlineOf(child);
    if (part.length === 0) continue;
    if (inline.length > 0) inline.push({ type: 'hardBreak' });
    inline.push(...part);
  }
  return inline;
}
