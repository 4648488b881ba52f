import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdfNode, adfToMarkdown, markdownToAdf } from '../../src/text/index.js';
import { br, code, em, li, link, p, strike, strong, t, underline } from './adf-builders.js';

function md(...content: AdfNode[]): string {
  return adfToMarkdown({ type: 'doc', version: 1, content });
}

describe('adfToMarkdown: blocks', () => {
  it('writes headings, paragraphs and hard breaks', () => {
    assert.equal(
      md(
        { type: 'heading', attrs: { level: 3 }, content: [t('Title')] },
        p(t('one'), br, t('two')),
        p(t('next')),
      ),
      '### Title\n\none\ntwo\n\nnext',
    );
  });

  it('writes a second break in a row as a backslash break so the paragraph stays whole', () => {
    assert.equal(md(p(t('a'), br, br, t('b'))), 'a\n\\\nb');
  });

  it('writes bullet, ordered (with start) and nested lists', () => {
    const nested = { type: 'bulletList', content: [li(p(t('inner')))] };
    assert.equal(
      md(
        { type: 'bulletList', content: [li(p(t('a')), nested), li(p(t('b')))] },
        { type: 'orderedList', attrs: { order: 4 }, content: [li(p(t('four'))), li(p(t('five')))] },
      ),
      '- a\n  - inner\n- b\n\n4. four\n5. five',
    );
  });

  it('writes task lists with their state and nested task lists under their item', () => {
    const task = (state: string, text: string): AdfNode => ({
      type: 'taskItem',
      attrs: { localId: text, state },
      content: [t(text)],
    });
    const inner = { type: 'taskList', attrs: { localId: 'in' }, content: [task('DONE', 'sub')] };
    assert.equal(
      md({
        type: 'taskList',
        attrs: { localId: 'l' },
        content: [task('TODO', 'todo'), inner, task('DONE', 'done')],
      }),
      '- [ ] todo\n  - [x] sub\n- [x] done',
    );
  });

  it('keeps an empty task item as a task', () => {
    const markdown = md({
      type: 'taskList',
      attrs: { localId: 'l' },
      content: [{ type: 'taskItem', attrs: { localId: 'a', state: 'TODO' } }],
    });
    assert.equal(markdown, '- [ ] &#x20;');
    assert.equal(markdownToAdf(markdown).content[0]?.content?.[0]?.type, 'taskItem');
  });

  it('writes block quotes, code blocks with language and rules', () => {
    assert.equal(
      md(
        { type: 'blockquote', content: [p(t('quoted'))] },
        { type: 'codeBlock', attrs: { language: 'python' }, content: [t('print(1)\n```')] },
        { type: 'rule' },
      ),
      '> quoted\n\n````python\nprint(1)\n```\n````\n\n---',
    );
  });

  it('writes panels as GitHub alerts', () => {
    const panel = (panelType: string): AdfNode => ({
      type: 'panel',
      attrs: { panelType },
      content: [p(t('x'))],
    });
    assert.deepEqual(
      ['info', 'note', 'tip', 'warning', 'error', 'success'].map((type) => md(panel(type))),
      ['NOTE', 'IMPORTANT', 'TIP', 'WARNING', 'CAUTION', 'SUCCESS'].map((alert) => `> [!${alert}]\n> x`),
    );
  });

  it('writes expands as <details> with an escaped summary', () => {
    assert.equal(
      md({ type: 'expand', attrs: { title: 'a < b & c' }, content: [p(t('hidden'))] }),
      '<details>\n<summary>a &lt; b &amp; c</summary>\n\nhidden\n\n</details>',
    );
  });

  it('writes tables with header row and alignment, and an empty header row when there is none', () => {
    const cell = (type: string, text: string, align?: string): AdfNode => ({
      type,
      content: [{ ...p(t(text)), ...(align ? { marks: [{ type: 'alignment', attrs: { align } }] } : {}) }],
    });
    assert.equal(
      md({
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Key'), cell('tableHeader', 'N', 'end')] },
          { type: 'tableRow', content: [cell('tableCell', 'A|B'), cell('tableCell', '1')] },
        ],
      }),
      '| Key  |  N |\n| ---- | -: |\n| A\\|B |  1 |',
    );
    assert.equal(
      md({
        type: 'table',
        content: [{ type: 'tableRow', content: [cell('tableCell', 'a'), cell('tableCell', 'b')] }],
      }),
      '|   |   |\n| - | - |\n| a | b |',
    );
  });

  it('joins blocks inside a table cell with <br>', () => {
    const table = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(t('h'))] }] },
        {
          type: 'tableRow',
          content: [{ type: 'tableCell', content: [p(t('one'), br, t('two')), p(t('three'))] }],
        },
      ],
    };
    assert.match(md(table), /\n\| one<br>two<br>three \|$/);
  });

  it('writes mediaSingle as an image, external or attachment', () => {
    assert.equal(
      md(
        {
          type: 'mediaSingle',
          content: [{ type: 'media', attrs: { type: 'external', url: 'https://e.com/a.png', alt: 'A' } }],
        },
        {
          type: 'mediaSingle',
          content: [{ type: 'media', attrs: { type: 'file', id: 'f-1', collection: 'c' } }],
        },
      ),
      '![A](https://e.com/a.png)\n\n![](media:f-1?collection=c)',
    );
  });
});

describe('adfToMarkdown: inline', () => {
  it('writes marks, nesting runs that share them', () => {
    assert.equal(
      md(
        p(
          t('a ', strong),
          t('b', strong, em),
          t(' '),
          t('s', strike),
          t(' '),
          t('c', code),
          t(' '),
          t('l', link('https://e.com')),
        ),
      ),
      '**a _b_** ~~s~~ `c` [l](https://e.com)',
    );
  });

  it('moves spaces at the edge of formatting outside it', () => {
    assert.equal(md(p(t('x'), t(' bold ', strong), t('y'))), 'x **bold** y');
  });

  it('writes underline, sub/superscript and colour as inline HTML that reads back', () => {
    const doc = p(
      t('u', underline),
      t(' '),
      t('2', { type: 'subsup', attrs: { type: 'sub' } }),
      t(' '),
      t('c', { type: 'textColor', attrs: { color: '#00FF00' } }),
    );
    const markdown = md(doc);
    assert.equal(markdown, '<u>u</u> <sub>2</sub> <span style="color: #00ff00">c</span>');
    assert.deepEqual(
      markdownToAdf(markdown).content[0]?.content?.map((node) => node.marks?.[0]?.type),
      ['underline', undefined, 'subsup', undefined, 'textColor'],
    );
  });

  it('writes Jira inline nodes in their Markdown spelling', () => {
    assert.equal(
      md(
        p(
          { type: 'mention', attrs: { id: '557058:f5', text: '@Ann Lee' } },
          t(' '),
          { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
          t(' '),
          { type: 'date', attrs: { timestamp: '1714521600000' } },
          t(' '),
          { type: 'status', attrs: { text: 'DONE', color: 'green' } },
          t(' '),
          { type: 'inlineCard', attrs: { url: 'https://e.com/DEMO-1' } },
        ),
      ),
      '@[Ann Lee](accountid:557058:f5) :smile: [2024-05-01](date:2024-05-01) [DONE](status:green) <https://e.com/DEMO-1>',
    );
  });

  it('uses the link form for an emoji glued to a word, and escapes shortcode-like text', () => {
    assert.equal(
      md(p(t('ok'), { type: 'emoji', attrs: { shortName: ':tada:' } })),
      'ok[\\:tada:](emoji:tada)',
    );
    assert.equal(md(p(t('say :smile: now'))), 'say \\:smile: now');
    assert.deepEqual(markdownToAdf('say \\:smile: now').content, [p(t('say :smile: now'))]);
  });

  it('escapes Markdown syntax in text so it reads back as the same text', () => {
    const text = '*not bold* [not](link) <b> # 1. | `tick` \\ _x_ ~~y~~ @[a](accountid:b) > [!NOTE]';
    const markdown = md(p(t(text)));
    assert.deepEqual(markdownToAdf(markdown).content, [p(t(text))]);
  });
});

describe('adfToMarkdown: unknown and bad input', () => {
  it('keeps the text of unknown nodes and of extensions without text', () => {
    assert.equal(
      md(
        {
          type: 'layoutSection',
          content: [
            { type: 'layoutColumn', content: [p(t('left'))] },
            { type: 'layoutColumn', content: [p(t('right'))] },
          ],
        },
        p(t('a '), { type: 'placeholder', attrs: { text: 'type here' } }, t(' '), {
          type: 'futureInline',
          text: 'z',
        }),
        { type: 'bodiedExtension', attrs: { extensionKey: 'k' }, content: [p(t('body'))] },
        { type: 'extension', attrs: { extensionKey: 'jira-macro' } },
      ),
      'left\n\nright\n\na type here z\n\nbody\n\n<!-- jira extension: jira-macro -->',
    );
  });

  it('writes decision lists as lists', () => {
    assert.equal(
      md({
        type: 'decisionList',
        attrs: { localId: 'd' },
        content: [
          { type: 'decisionItem', attrs: { localId: 'i', state: 'DECIDED' }, content: [t('ship it')] },
        ],
      }),
      '- ship it',
    );
  });

  it('accepts a node, an array, a string or nothing instead of a document', () => {
    assert.equal(adfToMarkdown(p(t('just a paragraph'))), 'just a paragraph');
    assert.equal(adfToMarkdown([p(t('one')), p(t('two'))]), 'one\n\ntwo');
    assert.equal(adfToMarkdown('already text'), 'already text');
    assert.equal(adfToMarkdown(null), '');
    assert.equal(adfToMarkdown(undefined), '');
  });

  it('survives wrong field types and keeps what text there is', () => {
    const bad = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'kept', marks: 'nope' }, 42, { text: 'also' }] },
        { content: 'x' },
      ],
    };
    assert.equal(adfToMarkdown(bad), 'keptalso');
  });

  it('flattens nesting deeper than its limit to text instead of overflowing the stack', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'bottom' };
    for (let i = 0; i < 5000; i += 1) node = { type: 'blockquote', content: [node] };
    assert.match(adfToMarkdown({ type: 'doc', content: [node] }), /bottom$/);
  });

  it('survives a cyclic object', () => {
    const cyclic: Record<string, unknown> = { type: 'paragraph', content: [] };
    (cyclic.content as unknown[]).push(cyclic, { type: 'text', text: 'loop' });
    assert.match(adfToMarkdown({ type: 'doc', content: [cyclic] }), /loop/);
  });
});
