import { serializeMarkdown } from './markdown-serialize.js';
import { markdownCompatible } from './wiki-markdown-fixups.js';
import { parseWikiBlocks } from './wiki-parse-blocks.js';

/** Convert Jira wiki markup (Data Center and v2 text fields) to Markdown. */
export function wikiToMarkdown(wiki: string): string {
  const source = typeof wiki === 'string' ? wiki : String(wiki ?? '');
  return serializeMarkdown({ type: 'root', children: markdownCompatible(parseWikiBlocks(source)) });
}
