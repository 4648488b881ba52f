import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToWiki, wikiToMarkdown } from '../../src/text/index.js';

describe('markdownToWiki', () => {
  it('writes headings, marks, code and links', () => {
    assert.equal(
      markdownToWiki('## Title\n\n**b** *i* ~~s~~ `c` [site](https://e.com) <https://e.com/x>'),
      'h2. Title\n\n*b* _i_ -s- {{c}} [site|https://e.com] [https://e.com/x]',
    );
  });

  it('writes underline, sub/superscript and colour from inline HTML', () => {
    assert.equal(
      markdownToWiki('<u>u</u> <sub>2</sub> <sup>3</sup> <span style="color: red">r</span>'),
      '+u+ ~2~ ^3^ {color:#ff0000}r{color}',
    );
  });

  it('writes nested and mixed lists with wiki prefixes, and task boxes', () => {
    assert.equal(
      markdownToWiki('- a\n  1. b\n     - c\n- d\n\n* [ ] todo\n* [x] done'),
      '* a\n*# b\n*#* c\n* d\n\n* ☐ todo\n* ☑ done',
    );
  });

  it('writes tables with a header row, and without one when the Markdown header is empty', () => {
    assert.equal(
      markdownToWiki('| A | B |\n|---|---|\n| 1 | x\\|y |\n| | 2 |'),
      '||A||B||\n|1|x\\|y|\n| |2|',
    );
    assert.equal(markdownToWiki('| | |\n|-|-|\n| 1 | 2 |'), '|1|2|');
  });

  it('writes code blocks, quotes, alerts as panels and rules', () => {
    assert.equal(
      markdownToWiki(
        '```sql\nselect 1\n```\n\n```\nplain\n```\n\n> quoted\n\n> [!WARNING]\n> careful\n\n---',
      ),
      '{code:sql}\nselect 1\n{code}\n\n{noformat}\nplain\n{noformat}\n\n{quote}\nquoted\n{quote}\n\n{panel:title=Warning|bgColor=#fffae6}\ncareful\n{panel}\n\n----',
    );
  });

  it('writes images, mentions, dates and status', () => {
    assert.equal(
      markdownToWiki(
        '![Diagram](https://e.com/d.png) @[Ann](accountid:5b10) @[jdoe](user:jdoe) [2024-05-01](date:2024-05-01) [done](status:green)',
      ),
      '!https://e.com/d.png|alt="Diagram"! [~accountid:5b10] [~jdoe] 2024-05-01 *DONE*',
    );
  });

  it('escapes only text that would turn into markup', () => {
    assert.equal(
      markdownToWiki('a-b c - d 5*3 \\*x\\* {macro} [not a link] !bang (x) snake_case'),
      'a-b c - d 5*3 \\*x\\* \\{macro} \\[not a link] \\!bang \\(x) snake_case',
    );
    assert.equal(markdownToWiki('\\- not a list\n\n\\# not a list'), '\\- not a list\n\n\\# not a list');
  });

  it('keeps line breaks as wiki line ends, and as \\\\ inside list items and cells', () => {
    assert.equal(markdownToWiki('one\ntwo\n\n- a\n  b'), 'one\ntwo\n\n* a \\\\ b');
  });
});

describe('wikiToMarkdown', () => {
  it('reads headings and text effects', () => {
    assert.equal(
      wikiToMarkdown('h3. Title\n*b* _i_ -s- +u+ ^sup^ ~sub~ ??cite?? {{mono}}'),
      '### Title\n\n**b** *i* ~~s~~ <u>u</u> <sup>sup</sup> <sub>sub</sub> *cite* `mono`',
    );
  });

  it('leaves markers that do not open or close an effect as text', () => {
    assert.equal(
      wikiToMarkdown('2020-01-01 a*b* x - y snake_case_name'),
      '2020-01-01 a\\*b\\* x - y snake_case_name',
    );
  });

  it('reads nested and mixed lists', () => {
    assert.equal(wikiToMarkdown('* a\n** b\n*# c\n# one\n# two'), '- a\n  - b\n  1. c\n\n1. one\n2. two');
  });

  it('reads links, mentions, attachments and images', () => {
    assert.equal(
      wikiToMarkdown(
        '[site|https://e.com] [https://e.com/x] [~jdoe] [~accountid:5b10] [^spec.pdf] !shot.png|thumbnail! !https://e.com/i.png|alt=Chart!',
      ),
      '[site](https://e.com) <https://e.com/x> @[jdoe](user:jdoe) @[5b10](accountid:5b10) [spec.pdf](spec.pdf) ![](shot.png) ![Chart](https://e.com/i.png)',
    );
  });

  it('reads tables, with or without a header row', () => {
    assert.deepEqual(wikiToMarkdown('||Key||Summary||\n|A-1|Fix [it|http://x.y]|').split('\n'), [
      '| Key | Summary              |',
      '| --- | -------------------- |',
      '| A-1 | Fix [it](http://x.y) |',
    ]);
    assert.equal(wikiToMarkdown('|a|b|'), '|   |   |\n| - | - |\n| a | b |');
  });

  it('reads {code}, {noformat}, {quote}, bq. and {panel}', () => {
    assert.equal(
      wikiToMarkdown(
        '{code:language=go|title=x}\nfmt.Println(1)\n{code}\n{noformat}*raw*{noformat}\nbq. short\n{quote}\nlong\n{quote}\n{panel:title=Tip}\nhint\n{panel}\n{panel:title=Deploy}\nsteps\n{panel}',
      ),
      '```go\nfmt.Println(1)\n```\n\n```\n*raw*\n```\n\n> short\n\n> long\n\n> [!TIP]\n> hint\n\n> [!NOTE]\n> **Deploy**\n>\n> steps',
    );
  });

  it('reads line breaks, colours, rules and escapes', () => {
    assert.equal(
      wikiToMarkdown('one\\\\two\nthree\n----\n{color:#00ff00}green{color} \\*plain\\*'),
      'one\ntwo\nthree\n\n---\n\n<span style="color: #00ff00">green</span> \\*plain\\*',
    );
  });

  it('reads task boxes written by markdownToWiki back as task lists', () => {
    assert.equal(wikiToMarkdown(markdownToWiki('- [ ] todo\n- [x] done')), '- [ ] todo\n- [x] done');
  });

  it('runs an unclosed {code} to the end of the text', () => {
    assert.equal(wikiToMarkdown('{code}\nx = 1'), '```\nx = 1\n```');
  });
});
