import type { AdfMark, AdfNode } from '../../src/text/index.js';

// Small builders so expected ADF in tests reads like the document it describes.

/** A text node with the given marks. */
export function t(text: string, ...marks: AdfMark[]): AdfNode {
  return marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
}

/** A paragraph. */
export function p(...content: AdfNode[]): AdfNode {
  return { type: 'paragraph', content };
}

export const strong: AdfMark = { type: 'strong' };
export const em: AdfMark = { type: 'em' };
export const strike: AdfMark = { type: 'strike' };
export const code: AdfMark = { type: 'code' };
export const underline: AdfMark = { type: 'underline' };

/** A link mark. */
export function link(href: string, title?: string): AdfMark {
  return { type: 'link', attrs: title ? { href, title } : { href } };
}

export const br: AdfNode = { type: 'hardBreak' };

/** A list item holding the given blocks. */
export function li(...content: AdfNode[]): AdfNode {
  return { type: 'listItem', content };
}
