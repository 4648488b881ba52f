import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { adfToMarkdown, markdownToAdf, markdownToWiki, wikiToMarkdown } from '../../src/text/index.js';
import { assertValidAdf } from './adf-schema.js';
import { signature } from './adf-signature.js';
import { adfDocument, adfLikeJson, markdownText } from './arbitraries.js';

const RUNS = 300;

describe('Markdown → ADF → Markdown', () => {
  it('is stable after one pass, and every ADF it emits is schema-valid', () => {
    fc.assert(
      fc.property(fc.oneof(markdownText(), fc.string({ unit: 'grapheme', maxLength: 60 })), (markdown) => {
        const first = markdownToAdf(markdown);
        assertValidAdf(first, 'first pass');
        const once = adfToMarkdown(first);
        const second = markdownToAdf(once);
        assertValidAdf(second, 'second pass');
        assert.equal(adfToMarkdown(second), once);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('ADF → Markdown → ADF', () => {
  it('keeps every supported node, its meaningful attributes and its text', () => {
    fc.assert(
      fc.property(adfDocument(), (doc) => {
        assertValidAdf(doc, 'generated input');
        const markdown = adfToMarkdown(doc);
        const back = markdownToAdf(markdown);
        assertValidAdf(back, 'converted back');
        assert.deepEqual(signature(back.content), signature(doc.content), `via Markdown:\n${markdown}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('converters never throw', () => {
  it('markdownToAdf and markdownToWiki accept any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), markdownText()), (text) => {
        assertValidAdf(markdownToAdf(text));
        assert.equal(typeof markdownToWiki(text), 'string');
      }),
      { numRuns: RUNS },
    );
  });

  it('wikiToMarkdown accepts any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), markdownText()), (text) => {
        assert.equal(typeof wikiToMarkdown(text), 'string');
      }),
      { numRuns: RUNS },
    );
  });

  it('adfToMarkdown accepts any JSON and keeps the text of what it cannot map', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), adfLikeJson()), (value) => {
        const markdown = adfToMarkdown(value);
        assert.equal(typeof markdown, 'string');
        assertValidAdf(markdownToAdf(markdown));
      }),
      { numRuns: RUNS },
    );
  });
});
