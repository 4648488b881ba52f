import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { adfToMarkdown, markdownToAdf, markdownToWiki, wikiToMarkdown } from '../../src/text/index.js';
import { type CliResult, errLines, TestHome } from './helpers/cli.js';
import { startSandbox } from './helpers/servers.js';

const home = new TestHome();
after(() => home.cleanup());

const run = (args: string[], input?: string) => home.run(args, { input });

const MARKDOWN =
  '# Release\n\nShip **three** fixes:\n\n1. the `cart` total\n2. [login](https://example.com/login)\n';

function ok(result: CliResult): string {
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  return result.stdout;
}

/** A usage error: exit 2, a one-line `jirats:` message (maybe a hint), no stack trace, nothing on stdout. */
function usage(result: CliResult, message: RegExp): void {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, '');
  const lines = errLines(result);
  assert.match(lines[0] ?? '', message);
  assert.match(lines[0] ?? '', /^jirats: /);
  assert.ok(lines.length <= 2, result.stderr);
  if (lines[1] !== undefined) assert.match(lines[1], /^hint: /);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
}

function inputFile(name: string, text: string): string {
  const path = join(home.dir, name);
  writeFileSync(path, text);
  return path;
}

interface Node {
  type: string;
  content?: Node[];
  marks?: { type: string }[];
  text?: string;
}

/** Every node of an ADF tree, depth first. */
function nodes(node: Node): Node[] {
  return [node, ...(node.content ?? []).flatMap(nodes)];
}

describe('adf from-markdown', () => {
  it('prints the ADF document for Markdown on stdin', async () => {
    const doc = JSON.parse(ok(await run(['adf', 'from-markdown'], MARKDOWN))) as Node;
    assert.equal(doc.type, 'doc');
    assert.deepEqual(doc, markdownToAdf(MARKDOWN));
    const all = nodes(doc);
    assert.ok(all.some((n) => n.type === 'heading'));
    assert.ok(all.some((n) => n.type === 'orderedList'));
    const bold = all.find((n) => n.marks?.some((m) => m.type === 'strong'));
    assert.equal(bold?.text, 'three');
  });

  it('reads a file, or stdin for -', async () => {
    const file = inputFile('notes.md', MARKDOWN);
    const fromFile = ok(await run(['adf', 'from-markdown', file]));
    assert.equal(ok(await run(['adf', 'from-markdown', '-'], MARKDOWN)), fromFile);
    assert.deepEqual(JSON.parse(fromFile), markdownToAdf(MARKDOWN));
  });

  it('-o ndjson prints the document on one line', async () => {
    const out = ok(await run(['adf', 'from-markdown', '-o', 'ndjson'], MARKDOWN));
    assert.equal(out.trimEnd().split('\n').length, 1);
    assert.deepEqual(JSON.parse(out), markdownToAdf(MARKDOWN));
  });

  it('answers to the JiraPS names, in any letter case', async () => {
    const expected = ok(await run(['adf', 'from-markdown'], MARKDOWN));
    for (const name of ['ConvertTo-AtlassianDocumentFormat', 'ConvertTo-ADF', 'convertto-adf']) {
      assert.equal(ok(await run([name], MARKDOWN)), expected, name);
    }
  });

  it('a missing file is a usage error', async () => {
    usage(await run(['adf', 'from-markdown', join(home.dir, 'absent.md')]), /cannot read .*absent\.md/);
  });
});

describe('adf to-markdown', () => {
  const adf = JSON.stringify(markdownToAdf(MARKDOWN));

  it('prints Markdown for an ADF document from stdin or a file', async () => {
    const fromStdin = ok(await run(['adf', 'to-markdown'], adf));
    assert.equal(fromStdin, `${adfToMarkdown(JSON.parse(adf))}\n`);
    assert.equal(fromStdin, MARKDOWN, 'Markdown survives the round trip');
    assert.equal(ok(await run(['adf', 'to-markdown', inputFile('doc.json', adf)])), fromStdin);
    assert.equal(ok(await run(['adf', 'to-markdown', '-'], adf)), fromStdin);
  });

  it('pipes back what from-markdown printed', async () => {
    const printed = ok(await run(['ConvertTo-ADF'], MARKDOWN));
    assert.equal(ok(await run(['adf', 'to-markdown'], printed)), MARKDOWN);
  });

  it('answers to the JiraPS names', async () => {
    for (const name of ['ConvertFrom-AtlassianDocumentFormat', 'ConvertFrom-ADF']) {
      assert.equal(ok(await run([name], adf)), MARKDOWN, name);
    }
  });

  it('input that is not JSON is a usage error', async () => {
    usage(await run(['adf', 'to-markdown'], '{"type": "doc",'), /not valid JSON/);
    usage(await run(['adf', 'to-markdown'], '# just markdown'), /not valid JSON/);
    usage(await run(['adf', 'to-markdown'], '  \n'), /input is empty/);
  });

  it('JSON that is not an ADF document is a usage error', async () => {
    usage(await run(['adf', 'to-markdown'], '{"type":"paragraph","content":[]}'), /not an ADF document/);
    usage(await run(['adf', 'to-markdown'], '{"type":"doc","content":"text"}'), /not an ADF document/);
    usage(await run(['adf', 'to-markdown'], '[]'), /not an ADF document \(got an array\)/);
    usage(await run(['adf', 'to-markdown'], '"text"'), /not an ADF document \(got a string\)/);
    usage(await run(['ConvertFrom-ADF'], 'null'), /not an ADF document \(got null\)/);
  });
});

describe('wiki', () => {
  it('from-markdown prints wiki markup, from stdin or a file', async () => {
    const out = ok(await run(['wiki', 'from-markdown'], MARKDOWN));
    assert.equal(out, `${markdownToWiki(MARKDOWN)}\n`);
    assert.match(out, /^h1\. Release$/m);
    assert.match(out, /\*three\*/);
    assert.equal(ok(await run(['wiki', 'from-markdown', inputFile('w.md', MARKDOWN)])), out);
  });

  it('to-markdown prints Markdown, and the two round-trip', async () => {
    const wiki = 'h2. Steps\n\n# Add *any* item\n# Apply {{SAVE10}}\n';
    const out = ok(await run(['wiki', 'to-markdown'], wiki));
    assert.equal(out, `${wikiToMarkdown(wiki)}\n`);
    assert.match(out, /^## Steps$/m);
    assert.match(out, /`SAVE10`/);
    assert.equal(ok(await run(['wiki', 'to-markdown', '-'], wiki)), out);
    const wikiText = ok(await run(['wiki', 'from-markdown'], MARKDOWN));
    assert.equal(ok(await run(['wiki', 'to-markdown', inputFile('w.txt', wikiText)])), MARKDOWN);
  });

  it('a folder given as the file is a usage error', async () => {
    usage(await run(['wiki', 'to-markdown', home.dir]), /cannot read .*: it is a folder/);
  });
});

describe('table', () => {
  const rows = [
    { name: 'api', status: 'green', owner: { displayName: 'Ada' } },
    { name: 'web', status: 'red | down', owner: null },
  ];

  it('prints a wiki table by default from a JSON array on stdin', async () => {
    const out = ok(await run(['table'], JSON.stringify(rows)));
    assert.deepEqual(out.trimEnd().split('\n'), [
      '||name||status||owner||',
      '|api|green|Ada|',
      '|web|red \\| down| |',
    ]);
  });

  it('reads CSV with a header row, quoted commas and line breaks included', async () => {
    const csv = 'name,notes\r\napi,"fast, stable"\r\nweb,"two\nlines"\r\n';
    const out = ok(await run(['table', inputFile('rows.csv', csv)]));
    assert.deepEqual(out.trimEnd().split('\n'), [
      '||name||notes||',
      '|api|fast, stable|',
      '|web|two \\\\ lines|',
    ]);
  });

  it('--columns picks and orders columns, reading nested values with a.b', async () => {
    const out = ok(await run(['table', '--columns', 'owner.displayName,name'], JSON.stringify(rows)));
    assert.deepEqual(out.trimEnd().split('\n'), ['||owner.displayName||name||', '|Ada|api|', '| |web|']);
  });

  it('--format markdown and --format adf', async () => {
    const md = ok(
      await run(['table', '--format', 'markdown', '--columns', 'name,status'], JSON.stringify(rows)),
    );
    const lines = md.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /^\| name +\| status +\|$/);
    assert.match(lines[3] ?? '', /^\| web +\| red \\\| down \|$/);
    const doc = JSON.parse(ok(await run(['table', '--format', 'adf'], JSON.stringify(rows)))) as Node;
    const table = doc.content?.[0];
    assert.equal(table?.type, 'table');
    assert.equal(table?.content?.length, 3);
    assert.deepEqual(
      nodes(table?.content?.[1] as Node)
        .filter((n) => n.type === 'text')
        .map((n) => n.text),
      ['api', 'green', 'Ada'],
    );
  });

  it('answers to ConvertTo-JiraTable and Format-Jira', async () => {
    const expected = ok(await run(['table'], JSON.stringify(rows)));
    for (const name of ['ConvertTo-JiraTable', 'Format-Jira']) {
      assert.equal(ok(await run([name], JSON.stringify(rows))), expected, name);
    }
  });

  it('bad rows are usage errors', async () => {
    usage(await run(['table'], '[{"a":1},'), /not valid JSON/);
    usage(await run(['table'], '[{"a":1}, 2]'), /item 2 of the JSON input is a number, not an object/);
    usage(await run(['table'], '{"a":1}\n[1]\n'), /line 2 is an array, not a JSON object/);
    usage(await run(['table'], 'a,b\n1,2,3\n'), /CSV row 1 after the header has 3 fields; the header has 2/);
    usage(await run(['table'], 'a,b\n"1,2\n'), /CSV line 2: a quoted field is never closed/);
    usage(await run(['table'], 'a,a\n1,2\n'), /names column 'a' twice/);
    usage(await run(['table', '--format', 'html'], '[]'), /html/);
  });

  it('help lists examples', async () => {
    for (const words of [
      ['table'],
      ['adf', 'from-markdown'],
      ['adf', 'to-markdown'],
      ['wiki', 'to-markdown'],
    ]) {
      const help = ok(await run([...words, '--help']));
      assert.match(help, /Examples:\n {2}\$ jirats /, words.join(' '));
    }
  });
});

describe('text commands with a Jira', () => {
  it('issue search NDJSON pipes into table', async () => {
    const sandbox = await startSandbox({ flavor: 'datacenter' });
    try {
      const env = { JIRA_PAT: 'admin-pat' };
      const search = ok(
        await home.run(
          ['issue', 'search', 'key in (DEMO-1, DEMO-2) ORDER BY key', '--fields', 'summary', '-o', 'ndjson'],
          { env: { ...env, JIRA_SERVER: sandbox.url } },
        ),
      );
      const summaries = search
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { fields: { summary: string } }).fields.summary);
      const out = ok(await run(['table', '--columns', 'key,fields.summary'], search));
      assert.deepEqual(out.trimEnd().split('\n'), [
        '||key||fields.summary||',
        `|DEMO-1|${summaries[0]}|`,
        `|DEMO-2|${summaries[1]}|`,
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('issue get never loads the Markdown converter', async () => {
    const sandbox = await startSandbox({ flavor: 'cloud' });
    try {
      const env = {
        JIRA_SERVER: sandbox.url,
        JIRA_EMAIL: 'admin@example.com',
        JIRA_API_TOKEN: 'admin-api-token',
        NODE_OPTIONS: `--import=${MODULE_TRACE}`,
      };
      for (const format of ['table', 'json']) {
        const result = await home.run(['issue', 'get', 'DEMO-1', '-o', format], { env });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /DEMO-1/);
        assert.doesNotMatch(result.stderr, /loaded .*(\/text\/|micromark|mdast)/, format);
      }
      // The trace does see the converter where a command uses it.
      const adf = await home.run(['adf', 'from-markdown'], { input: '*x*', env });
      assert.match(adf.stderr, /loaded .*\/text\/index\./);
    } finally {
      await sandbox.close();
    }
  });
});

/** A module hook, registered in the CLI process, that reports every module it resolves on stderr. */
const MODULE_TRACE = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(
  'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("loaded " + r.url + "\\\\n"); return r; }'
));`,
)}`;
