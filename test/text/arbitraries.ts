import fc from 'fast-check';
import type { AdfDoc, AdfMark, AdfNode } from '../../src/text/index.js';
import { FRAGMENTS, STRUCTURE } from './markdown-fragments.js';

// Generators for the property tests: Markdown built from risky fragments, and well-formed ADF documents
// built from the node types the converter supports.

/** Markdown-ish text assembled from fragments that exercise escaping and block structure. */
export const markdownText = (): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...FRAGMENTS, ...STRUCTURE), { maxLength: 40 }).map((parts) => parts.join(''));

const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éß日*_#[]<>:\\|~`!&()-+.=^{}"\'@$%?/';
const word = fc
  .array(fc.constantFrom(...WORD_CHARS), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''))
  .filter((text) => /[A-Za-z0-9éß日]/.test(text));
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
const plainWords = fc
  .array(fc.stringMatching(/^[A-Za-z][a-z0-9]{0,6}$/), { minLength: 1, maxLength: 3 })
  .map((list) => list.join(' '));

const markArb: fc.Arbitrary<AdfMark[]> = fc
  .record({
    strong: fc.boolean(),
    em: fc.boolean(),
    strike: fc.boolean(),
    underline: fc.boolean(),
    sub: fc.constantFrom(undefined, 'sub', 'sup'),
    color: fc.constantFrom(undefined, '#ff0000', '#00875a'),
    link: fc.constantFrom(undefined, 'https://example.com/x', 'https://example.com/y?q=1&r=(2)'),
    code: fc.boolean(),
  })
  .map((flags) => {
    const marks: AdfMark[] = [];
    if (flags.link) marks.push({ type: 'link', attrs: { href: flags.link } });
    if (flags.code) return [...marks, { type: 'code' }];
    if (flags.strong) marks.push({ type: 'strong' });
    if (flags.em) marks.push({ type: 'em' });
    if (flags.strike) marks.push({ type: 'strike' });
    if (flags.underline) marks.push({ type: 'underline' });
    if (flags.sub) marks.push({ type: 'subsup', attrs: { type: flags.sub } });
    if (flags.color) marks.push({ type: 'textColor', attrs: { color: flags.color } });
    return marks;
  });

// GFM cannot keep a backslash before a pipe inside code in a table cell; that case is documented, not generated.
const textNode = fc.record({ text: words, marks: markArb }).map(({ text, marks }): AdfNode => {
  const node: AdfNode = {
    type: 'text',
    text: marks.some((mark) => mark.type === 'code') ? text.replace(/\\(?=\|)/g, '/') : text,
  };
  if (marks.length > 0) node.marks = marks;
  return node;
});

const atom: fc.Arbitrary<AdfNode> = fc.oneof(
  { weight: 6, arbitrary: textNode },
  fc
    .record({ id: fc.stringMatching(/^[0-9a-f]{6}(:[0-9a-f-]{4,12})?$/), name: plainWords })
    .map(({ id, name }): AdfNode => ({ type: 'mention', attrs: { id, text: `@${name}` } })),
  fc
    .constantFrom('smile', '+1', 'tada', 'white_check_mark', 'custom-emoji', 'two words')
    .map((name): AdfNode => ({ type: 'emoji', attrs: { shortName: `:${name}:` } })),
  fc
    .integer({ min: 0, max: 40_000 })
    .map((days): AdfNode => ({ type: 'date', attrs: { timestamp: String(days * 86_400_000) } })),
  fc
    .record({
      text: plainWords,
      color: fc.constantFrom('neutral', 'purple', 'blue', 'red', 'yellow', 'green'),
    })
    .map(({ text, color }): AdfNode => ({ type: 'status', attrs: { text: text.toUpperCase(), color } })),
  fc
    .constantFrom('https://example.com/card', 'https://jira.example.com/browse/DEMO-1')
    .map((url): AdfNode => ({ type: 'inlineCard', attrs: { url } })),
);

// Inline runs: atoms separated by a space, a hard break, or nothing (formatting that changes mid-word).
const inline = (withBreaks: boolean): fc.Arbitrary<AdfNode[]> =>
  fc
    .array(fc.tuple(atom, fc.constantFrom('space', 'space', 'break', 'none')), { minLength: 1, maxLength: 6 })
    .map((pairs) => {
      const out: AdfNode[] = [];
      pairs.forEach(([node, before], index) => {
        if (index > 0 && before === 'break' && withBreaks) out.push({ type: 'hardBreak' });
        else if (index > 0 && before === 'space') out.push({ type: 'text', text: ' ' });
        out.push(node);
      });
      return out;
    });

const paragraph = inline(true).map((content): AdfNode => ({ type: 'paragraph', content }));
const heading = fc
  .record({ level: fc.integer({ min: 1, max: 6 }), content: inline(false) })
  .map(({ level, content }): AdfNode => ({ type: 'heading', attrs: { level }, content }));
const codeBlock = fc
  .record({ language: fc.constantFrom(undefined, 'js', 'python'), text: fc.string({ maxLength: 30 }) })
  .map(({ language, text }): AdfNode => {
    const node: AdfNode = { type: 'codeBlock', content: text ? [{ type: 'text', text }] : [] };
    if (language) node.attrs = { language };
    return node;
  });
const media = fc.constantFrom('https://example.com/a.png', 'media:abc-123').map(
  (url): AdfNode => ({
    type: 'mediaSingle',
    attrs: { layout: 'center' },
    content: [
      url.startsWith('media:')
        ? { type: 'media', attrs: { type: 'file', id: url.slice(6), collection: '' } }
        : { type: 'media', attrs: { type: 'external', url } },
    ],
  }),
);

const listOf = (depth: number): fc.Arbitrary<AdfNode> => {
  const item = fc
    .tuple(paragraph, depth > 0 ? fc.option(listOf(depth - 1), { nil: undefined }) : fc.constant(undefined))
    .map(([first, nested]): AdfNode => ({ type: 'listItem', content: nested ? [first, nested] : [first] }));
  return fc
    .record({
      ordered: fc.boolean(),
      start: fc.integer({ min: 0, max: 20 }),
      items: fc.array(item, { minLength: 1, maxLength: 3 }),
    })
    .map(
      ({ ordered, start, items }): AdfNode =>
        ordered
          ? { type: 'orderedList', attrs: { order: start }, content: items }
          : { type: 'bulletList', content: items },
    );
};

const taskList = fc.array(fc.tuple(inline(false), fc.boolean()), { minLength: 1, maxLength: 3 }).map(
  (items): AdfNode => ({
    type: 'taskList',
    attrs: { localId: 'list' },
    content: items.map(([content, done], index) => ({
      type: 'taskItem',
      attrs: { localId: `t${index}`, state: done ? 'DONE' : 'TODO' },
      content,
    })),
  }),
);

const simpleBlocks = fc.array(fc.oneof(paragraph, listOf(1), codeBlock), { minLength: 1, maxLength: 2 });

const table = fc
  .record({
    header: fc.boolean(),
    width: fc.integer({ min: 1, max: 3 }),
    rows: fc.array(fc.array(inline(false), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  })
  .map(
    ({ header, width, rows }): AdfNode => ({
      type: 'table',
      attrs: { isNumberColumnEnabled: false, layout: 'default' },
      content: rows.map((cells, index) => ({
        type: 'tableRow',
        content: cells.slice(0, width).map((content) => ({
          type: header && index === 0 ? 'tableHeader' : 'tableCell',
          attrs: {},
          content: [{ type: 'paragraph', content }],
        })),
      })),
    }),
  );

const block: fc.Arbitrary<AdfNode> = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  heading,
  listOf(3),
  taskList,
  codeBlock,
  media,
  table,
  fc.constant<AdfNode>({ type: 'rule' }),
  simpleBlocks.map((content): AdfNode => ({ type: 'blockquote', content })),
  fc
    .record({
      panelType: fc.constantFrom('info', 'note', 'tip', 'warning', 'error', 'success'),
      content: simpleBlocks,
    })
    .map(({ panelType, content }): AdfNode => ({ type: 'panel', attrs: { panelType }, content })),
  fc.record({ title: fc.option(plainWords, { nil: undefined }), content: simpleBlocks }).map(
    ({ title, content }): AdfNode => ({
      type: 'expand',
      attrs: title === undefined ? {} : { title },
      content,
    }),
  ),
);

/** Well-formed ADF documents using every node type the converter maps both ways. */
export const adfDocument = (): fc.Arbitrary<AdfDoc> =>
  fc
    .array(block, { minLength: 1, maxLength: 5 })
    .map((content): AdfDoc => ({ type: 'doc', version: 1, content }));

const ADF_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'panel',
  'expand',
  'mention',
  'emoji',
  'date',
  'status',
  'inlineCard',
  'mediaSingle',
  'media',
  'taskList',
  'taskItem',
  'codeBlock',
  'hardBreak',
  'extension',
  'layoutSection',
  'weird',
];

/** JSON shaped roughly like ADF, with wrong types and missing fields mixed in. */
export const adfLikeJson = (): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    node: fc.record(
      {
        type: fc.oneof(fc.constantFrom(...ADF_TYPES), fc.jsonValue()),
        text: fc.oneof(fc.string(), fc.jsonValue()),
        attrs: fc.oneof(
          fc.dictionary(
            fc.constantFrom(
              'level',
              'order',
              'url',
              'id',
              'text',
              'shortName',
              'timestamp',
              'color',
              'panelType',
              'title',
              'href',
            ),
            fc.jsonValue(),
          ),
          fc.jsonValue(),
        ),
        marks: fc.oneof(
          fc.array(
            fc.record({
              type: fc.constantFrom('strong', 'link', 'code', 'textColor', 'subsup', 'x'),
              attrs: fc.jsonValue(),
            }),
          ),
          fc.jsonValue(),
        ),
        content: fc.oneof({ depthSize: 'small' }, fc.array(tie('node'), { maxLength: 3 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    ),
  })).node;
