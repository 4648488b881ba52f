import type { AdfDoc } from './adf-types.js';
import { chunksToAdf } from './markdown-blocks-to-adf.js';
import { parseMarkdownChunks } from './markdown-chunks.js';
import { createMarkdownContext } from './markdown-context.js';

/** Convert Markdown (CommonMark + GFM + the Jira extensions in docs/rich-text.md) to an ADF document. */
export function markdownToAdf(markdown: string): AdfDoc {
  const source = typeof markdown === 'string' ? markdown : String(markdown ?? '');
  const chunks = parseMarkdownChunks(source);
  const ctx = createMarkdownContext(
    source,
    chunks.map((chunk) => chunk.tree),
  );
  return { type: 'doc', version: 1, content: chunksToAdf(chunks, ctx) };
}
