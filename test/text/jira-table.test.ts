import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToAdf, toJiraTable, wikiToMarkdown } from '../../src/text/index.js';
import { assertValidAdf } from './adf-schema.js';
import { signature } from './adf-signature.js';

const issues = [
  {
    key: 'DEMO-1',
    summary: 'Login | fails',
    assignee: { displayName: 'Ann Lee', accountId: 'x' },
    points: 3,
  },
  {
    key: 'DEMO-2',
    summary: '*Not* bold\nsecond line',
    labels: ['ui', 'bug'],
    created: new Date(Date.UTC(2024, 4, 1)),
  },
];

describe('toJiraTable', () => {
  it('writes wiki markup with a header row, escaped separators and a blank for empty values', () => {
    const { wiki } = toJiraTable(issues, ['key', 'summary', 'assignee', 'labels']);
    assert.equal(
      wiki,
      [
        '||key||summary||assignee||labels||',
        '|DEMO-1|Login \\| fails|Ann Lee| |',
        '|DEMO-2|\\*Not\\* bold \\\\ second line| |ui, bug|',
      ].join('\n'),
    );
  });

  it('uses every key seen, in order, when no columns are given', () => {
    const { markdown } = toJiraTable(issues);
    const header = (markdown.split('\n')[0] ?? '').split('|').map((cell) => cell.trim());
    assert.deepEqual(header, ['', 'key', 'summary', 'assignee', 'points', 'labels', 'created', '']);
    assert.match(markdown, /\| DEMO-2 \| \\\*Not\\\* bold<br>second line \|/);
    assert.match(markdown, /2024-05-01T00:00:00\.000Z/);
  });

  it('gives a schema-valid ADF table equal to what its Markdown converts to', () => {
    const table = toJiraTable(issues, ['key', 'summary', 'points']);
    assertValidAdf(table.adf);
    assert.deepEqual(signature(table.adf.content), signature(markdownToAdf(table.markdown).content));
    const header = table.adf.content[0]?.content?.[0]?.content?.map((cell) => cell.type);
    assert.deepEqual(header, ['tableHeader', 'tableHeader', 'tableHeader']);
  });

  it('reads back from wiki markup to the same Markdown table', () => {
    const table = toJiraTable(issues, ['key', 'summary', 'points']);
    assert.equal(wikiToMarkdown(table.wiki), table.markdown);
  });

  it('returns empty forms when there are no columns', () => {
    assert.deepEqual(toJiraTable([]), {
      wiki: '',
      markdown: '',
      adf: { type: 'doc', version: 1, content: [] },
    });
  });
});
