import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { emojiFromMarkdown, emojiSyntax } from './markdown-emoji-syntax.js';

// GFM's literal-autolink support has a second pass that searches text after escapes are decoded, so
// `https\://example.com` would still become a link. The tokenizer alone honours escapes: keep only it.
const gfmWithoutTextSearch = gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] }));

/** Parse Markdown (CommonMark + GFM + emoji shortcodes) into an mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), emojiSyntax()],
    mdastExtensions: [...gfmWithoutTextSearch, emojiFromMarkdown()],
  });
}
