import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateMarkdown } from '../../bench/markdown-to-adf.bench.js';
import { markdownToAdf } from '../../src/text/index.js';
import { chunksToAdf } from '../../src/text/markdown-blocks-to-adf.js';
import { splitMarkdown } from '../../src/text/markdown-chunks.js';
import { createMarkdownContext } from '../../src/text/markdown-context.js';
import { parseMarkdown } from '../../src/text/markdown-parse.js';
import { markdownText } from './arbitraries.js';

// The converter parses large documents in pieces; the pieces must give exactly what one parse gives.
function wholeDocumentAdf(markdown: string): unknown {
  const tree = parseMarkdown(markdown);
  return {
    type: 'doc',
    version: 1,
    content: chunksToAdf([{ source: markdown, tree }], createMarkdownContext(markdown, [tree])),
  };
}

const filler = (size: number): string =>
  `${'Filler paragraph with words. '.repeat(Math.ceil(size / 29))}\n\n`;

describe('splitMarkdown', () => {
  it('keeps small documents whole', () => {
    assert.deepEqual(splitMarkdown('# a\n\ntext'), ['# a\n\ntext']);
  });

  it('cuts a large document into pieces that join back to it', () => {
    const markdown = generateMarkdown(200 * 1024);
    const pieces = splitMarkdown(markdown);
    assert.ok(pieces.length > 5, `expected several pieces, got ${pieces.length}`);
    assert.equal(pieces.join(''), markdown);
  });

  it('never cuts inside fenced code, an HTML comment or before a list item that continues a list', () => {
    const fence = `${filler(20_000)}\`\`\`\n${filler(20_000)}code\n\`\`\`\n\nafter`;
    assert.ok(splitMarkdown(fence).every((piece) => (piece.match(/```/g) ?? []).length % 2 === 0));
    const comment = `${filler(20_000)}<!--\n\n${filler(20_000)}-->\n\nafter`;
    assert.ok(splitMarkdown(comment).every((piece) => piece.includes('<!--') === piece.includes('-->')));
    const list = `- a\n\n${filler(40_000).replace(/^/gm, '  ')}- b\n`;
    assert.equal(splitMarkdown(list).length, 1);
  });

  it('does not cut documents with link definitions or indented fences', () => {
    assert.equal(splitMarkdown(`${filler(40_000)}[r]: https://r.example\n\n${filler(40_000)}`).length, 1);
    assert.equal(splitMarkdown(`${filler(40_000)}1. item\n   \`\`\`\n${filler(40_000)}`).length, 1);
  });

  it('converts the generated benchmark document exactly as one parse does', () => {
    const markdown = generateMarkdown(120 * 1024, 7);
    assert.deepEqual(markdownToAdf(markdown), wholeDocumentAdf(markdown));
  });

  it('converts large random documents exactly as one parse does', () => {
    const large = fc
      .array(markdownText(), { minLength: 40, maxLength: 40 })
      .map((parts) => parts.map((part) => `${part}\n\n${filler(1_000)}`).join(''));
    fc.assert(
      fc.property(large, (markdown) => {
        assert.deepEqual(markdownToAdf(markdown), wholeDocumentAdf(markdown));
      }),
      { numRuns: 20 },
    );
  });
});
