import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdfNode, markdownToAdf } from '../../src/text/index.js';
import { br, code, em, li, link, p, strike, strong, t, underline } from './adf-builders.js';
import { assertValidAdf } from './adf-schema.js';

function blocks(markdown: string): AdfNode[] {
  const doc = markdownToAdf(markdown);
  assertValidAdf(doc, markdown);
  return doc.content;
}

describe('markdownToAdf: blocks', () => {
  it('returns an empty document for empty or blank input', () => {
    assert.deepEqual(markdownToAdf(''), { type: 'doc', version: 1, content: [] });
    assert.deepEqual(blocks('  \n\n '), []);
  });

  it('converts headings 1 to 6, ATX and setext', () => {
    const levels = blocks('# a\n## b\n### c\n#### d\n##### e\n###### f\n\nG\n=\n\nH\n-');
    assert.deepEqual(
      levels.map((node) => [node.attrs?.level, node.content?.[0]?.text]),
      [
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
        [4, 'd'],
        [5, 'e'],
        [6, 'f'],
        [1, 'G'],
        [2, 'H'],
      ],
    );
  });

  it('keeps paragraphs apart and turns line ends and explicit breaks into hard breaks', () => {
    assert.deepEqual(blocks('one\ntwo  \nthree\\\nfour\n\nnext'), [
      p(t('one'), br, t('two'), br, t('three'), br, t('four')),
      p(t('next')),
    ]);
  });

  it('converts bullet lists written with -, * and +', () => {
    for (const marker of ['-', '*', '+']) {
      assert.deepEqual(blocks(`${marker} a\n${marker} b`), [
        { type: 'bulletList', content: [li(p(t('a'))), li(p(t('b')))] },
      ]);
    }
  });

  it('keeps the start number of ordered lists', () => {
    assert.deepEqual(blocks('7. seven\n8. eight'), [
      { type: 'orderedList', attrs: { order: 7 }, content: [li(p(t('seven'))), li(p(t('eight')))] },
    ]);
  });

  it('nests lists to any depth and mixes ordered and bullet lists', () => {
    const markdown = ['1. one', '   - two', '     1. three', '        - four', '          - five'].join('\n');
    let node = blocks(markdown)[0];
    const types: string[] = [];
    while (node) {
      types.push(node.type);
      node = node.content?.[0]?.content?.[1];
    }
    assert.deepEqual(types, ['orderedList', 'bulletList', 'orderedList', 'bulletList', 'bulletList']);
  });

  it('starts a list item that opens with a nested list with an empty paragraph', () => {
    const [list] = blocks('- - inner');
    assert.deepEqual(list?.content?.[0]?.content?.[0], { type: 'paragraph', content: [] });
    assert.equal(list?.content?.[0]?.content?.[1]?.type, 'bulletList');
  });

  it('converts task lists, checked and not, and nested task lists', () => {
    const [list] = blocks('- [ ] todo\n- [x] done\n  - [ ] sub');
    assert.equal(list?.type, 'taskList');
    const items = list?.content ?? [];
    assert.deepEqual(
      items.map((item) => [item.type, item.attrs?.state, item.content?.[0]?.text ?? item.content?.[0]?.type]),
      [
        ['taskItem', 'TODO', 'todo'],
        ['taskItem', 'DONE', 'done'],
        ['taskList', undefined, 'taskItem'],
      ],
    );
    const ids = new Set([list?.attrs?.localId, ...items.map((item) => item.attrs?.localId)]);
    assert.equal(ids.size, 4, 'every task node has its own localId');
  });

  it('splits a list mixing task and plain items into a task list and a bullet list', () => {
    assert.deepEqual(
      blocks('- [ ] task\n- plain').map((node) => node.type),
      ['taskList', 'bulletList'],
    );
  });

  it('converts block quotes, flattening what a quote cannot hold', () => {
    assert.deepEqual(blocks('> said\n>\n> > nested\n>\n> # Title'), [
      { type: 'blockquote', content: [p(t('said')), p(t('nested')), p(t('Title', strong))] },
    ]);
  });

  it('converts fenced code with its language, and indented code', () => {
    assert.deepEqual(blocks('```ts\nconst a = 1;\n```\n\n    raw'), [
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const a = 1;')] },
      { type: 'codeBlock', content: [t('raw')] },
    ]);
  });

  it('converts horizontal rules', () => {
    assert.deepEqual(
      blocks('a\n\n---\n\n***\n\nb').map((node) => node.type),
      ['paragraph', 'rule', 'rule', 'paragraph'],
    );
  });

  it('converts GFM tables with a header row and column alignment', () => {
    const [table] = blocks('| Key | Count | Note |\n| :-- | --: | :-: |\n| A-1 | 2 | *ok* |');
    assert.equal(table?.type, 'table');
    const [header, row] = table?.content ?? [];
    assert.deepEqual(
      header?.content?.map((cell) => [cell.type, cell.content?.[0]?.content?.[0]?.text]),
      [
        ['tableHeader', 'Key'],
        ['tableHeader', 'Count'],
        ['tableHeader', 'Note'],
      ],
    );
    assert.deepEqual(
      row?.content?.map((cell) => cell.content?.[0]?.marks),
      [
        undefined,
        [{ type: 'alignment', attrs: { align: 'end' } }],
        [{ type: 'alignment', attrs: { align: 'center' } }],
      ],
    );
    assert.deepEqual(row?.content?.[2]?.content?.[0]?.content, [t('ok', em)]);
  });

  it('reads a table whose header row is empty as a table without header', () => {
    const [table] = blocks('|  |  |\n|--|--|\n| a | b |');
    assert.equal(table?.content?.length, 1);
    assert.deepEqual(
      table?.content?.[0]?.content?.map((cell) => cell.type),
      ['tableCell', 'tableCell'],
    );
  });

  it('turns an image into mediaSingle with external media, splitting the paragraph around it', () => {
    assert.deepEqual(blocks('before ![A cat](https://example.com/cat.png) after'), [
      p(t('before')),
      {
        type: 'mediaSingle',
        attrs: { layout: 'center' },
        content: [
          { type: 'media', attrs: { type: 'external', url: 'https://example.com/cat.png', alt: 'A cat' } },
        ],
      },
      p(t('after')),
    ]);
  });

  it('reads media: image URLs back as Jira attachments', () => {
    const [single] = blocks('![diagram.png](media:abc-123?collection=files)');
    assert.deepEqual(single?.content?.[0], {
      type: 'media',
      attrs: { type: 'file', id: 'abc-123', collection: 'files', alt: 'diagram.png' },
    });
  });

  it('turns GitHub alerts into panels', () => {
    const pairs: [string, string][] = [
      ['NOTE', 'info'],
      ['TIP', 'tip'],
      ['IMPORTANT', 'note'],
      ['WARNING', 'warning'],
      ['CAUTION', 'error'],
      ['SUCCESS', 'success'],
      ['info', 'info'],
      ['ERROR', 'error'],
    ];
    for (const [alert, panelType] of pairs) {
      assert.deepEqual(blocks(`> [!${alert}]\n> Mind the gap.`), [
        { type: 'panel', attrs: { panelType }, content: [p(t('Mind the gap.'))] },
      ]);
    }
  });

  it('keeps an escaped or unknown alert marker as a quote', () => {
    assert.equal(blocks('> \\[!NOTE]\n> text')[0]?.type, 'blockquote');
    assert.equal(blocks('> [!SHOUT]\n> text')[0]?.type, 'blockquote');
  });

  it('turns <details> into expands, nested ones into nestedExpand', () => {
    const markdown =
      '<details>\n<summary>Logs &amp; traces</summary>\n\nouter\n\n<details>\n<summary>Inner</summary>\n\ninner\n\n</details>\n\n</details>';
    assert.deepEqual(blocks(markdown), [
      {
        type: 'expand',
        attrs: { title: 'Logs & traces' },
        content: [
          p(t('outer')),
          { type: 'nestedExpand', attrs: { title: 'Inner' }, content: [p(t('inner'))] },
        ],
      },
    ]);
  });

  it('closes an unclosed <details> at the end of the document', () => {
    assert.deepEqual(blocks('<details>\n\nbody'), [{ type: 'expand', attrs: {}, content: [p(t('body'))] }]);
  });

  it('drops HTML comments and keeps other HTML as text', () => {
    assert.deepEqual(blocks('<!-- hidden -->\n\n<div>shown</div>'), [p(t('<div>shown</div>'))]);
  });
});

describe('markdownToAdf: inline', () => {
  it('converts strong, emphasis (* and _), strike and inline code', () => {
    assert.deepEqual(blocks('**b** *i* _j_ ~~s~~ `c`'), [
      p(t('b', strong), t(' '), t('i', em), t(' '), t('j', em), t(' '), t('s', strike), t(' '), t('c', code)),
    ]);
  });

  it('nests marks and keeps only link with code, as ADF requires', () => {
    assert.deepEqual(blocks('***both*** **[`x`](https://e.com)**'), [
      p(t('both', strong, em), t(' '), t('x', link('https://e.com'), code)),
    ]);
  });

  it('converts links with titles, reference links and bare URLs', () => {
    assert.deepEqual(
      blocks('[a](https://a.example "T") [b][r] https://c.example\n\n[r]: https://b.example'),
      [
        p(
          t('a', link('https://a.example', 'T')),
          t(' '),
          t('b', link('https://b.example')),
          t(' '),
          t('https://c.example', link('https://c.example')),
        ),
      ],
    );
  });

  it('reads angle-bracket autolinks as inline cards and e-mail autolinks as links', () => {
    assert.deepEqual(blocks('<https://jira.example.com/browse/DEMO-1> <ann@example.com>'), [
      p(
        { type: 'inlineCard', attrs: { url: 'https://jira.example.com/browse/DEMO-1' } },
        t(' '),
        t('ann@example.com', link('mailto:ann@example.com')),
      ),
    ]);
  });

  it('reads underline, subscript, superscript and colour from inline HTML', () => {
    assert.deepEqual(
      blocks('<u>u</u> H<sub>2</sub>O x<sup>2</sup> <span style="color: #FF0000">red</span>'),
      [
        p(
          t('u', underline),
          t(' H'),
          t('2', { type: 'subsup', attrs: { type: 'sub' } }),
          t('O x'),
          t('2', { type: 'subsup', attrs: { type: 'sup' } }),
          t(' '),
          t('red', { type: 'textColor', attrs: { color: '#ff0000' } }),
        ),
      ],
    );
  });

  it('converts mentions, emoji, dates and status lozenges', () => {
    assert.deepEqual(
      blocks(
        '@[Ann Lee](accountid:5b10ac8d) :smile: :custom-thing: [2024-05-01](date:2024-05-01) [IN REVIEW](status:blue)',
      ),
      [
        p(
          { type: 'mention', attrs: { id: '5b10ac8d', text: '@Ann Lee' } },
          t(' '),
          { type: 'emoji', attrs: { shortName: ':smile:', id: '1f604', text: '😄' } },
          t(' '),
          { type: 'emoji', attrs: { shortName: ':custom-thing:' } },
          t(' '),
          { type: 'date', attrs: { timestamp: '1714521600000' } },
          t(' '),
          { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue' } },
        ),
      ],
    );
  });

  it('leaves shortcode-like text alone after a letter or digit, or when escaped', () => {
    assert.deepEqual(blocks('at 10:30:45 a:b: \\:smile:'), [p(t('at 10:30:45 a:b: :smile:'))]);
  });

  it('keeps the text of footnotes', () => {
    assert.deepEqual(blocks('see[^1]\n\n[^1]: the note'), [p(t('see[^1]')), p(t('[^1]: the note'))]);
  });
});
