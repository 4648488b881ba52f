import type { Root } from 'mdast';
import { blocksToMdast } from './adf-blocks-to-mdast.js';
import { normalizeAdfInput } from './adf-normalize.js';
import { serializeMarkdown } from './markdown-serialize.js';

/** Convert an ADF document (or any node, or untrusted JSON) to Markdown; what it cannot map keeps its text. */
export function adfToMarkdown(adf: unknown): string {
  const tree: Root = { type: 'root', children: blocksToMdast(normalizeAdfInput(adf)) };
  return serializeMarkdown(tree);
}
