import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ROOT, TestHome } from './helpers/cli.js';

const home = new TestHome();
after(() => home.cleanup());

const SHARED = process.env.JIRATS_SHARED_DIR ?? fileURLToPath(new URL('../../../shared', import.meta.url));

interface Row {
  jiraps: string | undefined;
  library: string;
  cli: string[];
}

/** The rows of docs/parity.md's tables: JiraPS name (or none), library call, CLI command words. */
function parityRows(): Row[] {
  const text = readFileSync(join(ROOT, 'docs/parity.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[3]?.includes('`jirats ')) continue;
    const name = /^`([A-Z][A-Za-z]+-[A-Za-z]+)`/.exec(cells[1] ?? '')?.[1];
    const command = /`jirats ([^`]+)`/.exec(cells[3] ?? '')?.[1] ?? '';
    // The command words end where the arguments start: KEY, [OPTIONAL], <arg>, --option, "quoted".
    const words: string[] = [];
    for (const word of command.split(/\s+/)) {
      if (!/^[a-z][a-z-]*$/.test(word)) break;
      words.push(word);
    }
    rows.push({ jiraps: name, library: cells[2] ?? '', cli: words });
  }
  return rows;
}

/** The 68 command names of JiraPS, from the reference's inventory tables (§1). */
function jirapsCommands(): string[] {
  const text = readFileSync(join(SHARED, 'reference/jiraps.md'), 'utf8');
  const inventory = text.slice(text.indexOf('## 1.'), text.indexOf('## 2.'));
  const names = new Set<string>();
  for (const m of inventory.matchAll(/^\| `([A-Z][A-Za-z]+-[A-Za-z]+)`/gm)) names.add(m[1] as string);
  return [...names].sort();
}

async function helpOf(args: string[]): Promise<string> {
  const r = await home.run([...args, '--help']);
  assert.equal(r.code, 0, `jirats ${args.join(' ')} --help: ${r.stderr}`);
  return r.stdout;
}

describe('docs/parity.md', () => {
  const rows = parityRows();

  it('has a row for each of the 68 JiraPS commands, each with a library call and a CLI command', () => {
    const expected = jirapsCommands();
    assert.equal(expected.length, 68);
    const documented = new Set(rows.map((r) => r.jiraps).filter((n): n is string => n !== undefined));
    assert.deepEqual(
      expected.filter((n) => !documented.has(n)),
      [],
    );
    for (const row of rows) {
      assert.ok(row.cli.length > 0, `a CLI command for ${row.jiraps ?? row.library}`);
      assert.match(row.library, /`|—/, `a library call for ${row.jiraps ?? row.cli.join(' ')}`);
    }
    assert.ok(
      rows.some((r) => r.jiraps === undefined),
      'rows for what JiraTS adds beyond JiraPS',
    );
  });

  it('every JiraPS name and every listed command resolves to a command with help', async () => {
    const commands = new Map(rows.map((r) => [r.cli.join(' '), r.cli]));
    const checks: Promise<void>[] = [];
    const queue = [
      ...[...commands.values()].map((words) => async () => {
        assert.match(await helpOf(words), new RegExp(`^Usage: jirats ${words.join(' ')}\\b`));
      }),
      ...rows
        .filter((r) => r.jiraps !== undefined)
        .map((r) => async () => {
          assert.match(await helpOf([r.jiraps as string]), /^Usage: jirats /);
        }),
    ];
    // A few processes at a time keeps the run short without starving the machine.
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    };
    for (let i = 0; i < 4; i++) checks.push(worker());
    await Promise.all(checks);
  });
});
