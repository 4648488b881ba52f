import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { Terminal } from '../../src/cli/io/terminal.js';
import { displayValue } from '../../src/cli/output/cells.js';
import { csvRecord } from '../../src/cli/output/csv.js';
import { listOutput } from '../../src/cli/output/render.js';

/** A terminal whose stdout is collected (piped, so no colour and no width limit). */
function capture(): { terminal: Terminal; text: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  out.setEncoding('utf8').on('data', (d: string) => {
    text += d;
  });
  const terminal = new Terminal(
    { quiet: false, debug: false, color: true },
    out as unknown as NodeJS.WriteStream,
    err as unknown as NodeJS.WriteStream,
  );
  return { terminal, text: () => text };
}

describe('CSV records (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks, doubles quotes, ends with CRLF', () => {
    assert.equal(
      csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', '']),
      'plain,"a,b","say ""hi""","two\nlines",\r\n',
    );
  });
});

describe('cell values', () => {
  it('reads Jira reference objects, arrays, rich text and empties', () => {
    assert.equal(displayValue(null), '');
    assert.equal(displayValue({ displayName: 'Alice Anderson', name: 'alice' }), 'Alice Anderson');
    assert.equal(displayValue({ name: 'In Progress', id: '3' }), 'In Progress');
    assert.equal(displayValue([{ name: 'a' }, 'b', null]), 'a, b');
    assert.equal(displayValue(3), '3');
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'text', text: 'world' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Bye' }] },
      ],
    };
    assert.equal(displayValue(doc), 'Hello world\nBye');
  });
});

describe('list output', () => {
  const columns = [
    { header: 'key', cell: (i: { key: string; n: number }) => i.key },
    { header: 'n', cell: (i: { key: string; n: number }) => String(i.n) },
  ];
  const items = [
    { key: 'A-1', n: 1 },
    { key: 'A-10', n: 22 },
  ];

  it('json is one array of the raw items; empty is []', async () => {
    const { terminal, text } = capture();
    const out = listOutput(terminal, 'json', columns, (i) => i);
    for (const item of items) await out.add(item);
    assert.equal(await out.end(), 2);
    assert.deepEqual(JSON.parse(text()), items);
    const empty = capture();
    await listOutput(empty.terminal, 'json', columns, (i) => i).end();
    assert.equal(empty.text(), '[]\n');
  });

  it('ndjson is one compact line per item', async () => {
    const { terminal, text } = capture();
    const out = listOutput(terminal, 'ndjson', columns, (i) => i);
    for (const item of items) await out.add(item);
    await out.end();
    assert.equal(text(), '{"key":"A-1","n":1}\n{"key":"A-10","n":22}\n');
  });

  it('a piped table aligns its columns, has no colour, and keeps long cells whole', async () => {
    const { terminal, text } = capture();
    const out = listOutput(terminal, 'table', columns, (i) => i);
    for (const item of items) await out.add(item);
    await out.end();
    assert.equal(text(), 'KEY   N\nA-1   1\nA-10  22\n');
  });

  it('wide characters are measured by display width', async () => {
    const { terminal, text } = capture();
    const out = listOutput(terminal, 'table', columns, (i) => i);
    await out.add({ key: 'A-1', n: 1 });
    await out.add({ key: '日本', n: 22 });
    await out.end();
    assert.equal(text(), 'KEY   N\nA-1   1\n日本  22\n');
  });

  it('rows after the measured ones stream with the same columns', async () => {
    const { terminal, text } = capture();
    const out = listOutput(terminal, 'table', columns, (i) => i);
    for (let n = 1; n <= 150; n++) await out.add({ key: `A-${n}`, n });
    await out.end();
    const lines = text().trimEnd().split('\n');
    assert.equal(lines.length, 151);
    assert.equal(lines[150], 'A-150  150');
    assert.ok(lines.every((l) => !l.includes('\u001b')));
  });
});
