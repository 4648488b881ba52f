import type { AdfDoc } from './adf-types.js';
import { blocksToAdf } from './markdown-blocks-to-adf.js';
import { createMarkdownContext } from './markdown-context.js';
import { parseMarkdown } from './markdown-parse.js';

/** Convert Markdown (CommonMark + GFM + the Jira extensions in docs/rich-text.md) to an ADF document. */
export function markdownToAdf(markdown: string): AdfDoc {
  const source = typeof markdown === 'string' ? markdown : String(markdown ?? '');
  const tree = parseMarkdown(source);
  const ctx = createMarkdownContext(source, tree);
  return { type: 'doc', version: 1, content: blocksToAdf(tree.children, ctx, 'doc') };
}
