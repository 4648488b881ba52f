/**
 * Random command lines, built from the CLI's real commands and options with hostile values, never end in an
 * uncaught exception or a stack trace, and exit with a documented code other than 1 (1 means a bug).
 * Each run is a real process against a sandbox; a few run at once. Fixed seed: a failure names its argv.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type CommandNode, treeOf } from '../../src/cli/command-tree.js';
import { NOUNS } from '../../src/cli/commands/index.js';
import { createProgram } from '../../src/cli/program.js';
import type { CliResult } from '../cli/helpers/cli.js';
import { sandboxFor } from '../cli/helpers/flavor-sandboxes.js';
import { hostileValue } from './helpers/hostile-values.js';
import { inPool } from './helpers/pool.js';

// JIRATS_FUZZ_SEED and JIRATS_FUZZ_RUNS explore further by hand; the suite keeps these.
const SEED = Number(process.env.JIRATS_FUZZ_SEED ?? 7_031);
const RUNS = Number(process.env.JIRATS_FUZZ_RUNS ?? 60);
const PARALLEL = 3;
const DOCUMENTED = new Set([0, 2, 3, 4, 5, 6]);
/** Commands that wait for a person or serve forever, or write into the working folder. */
const SKIPPED_COMMANDS = new Set(['login', 'sandbox start', 'attachment download']);
/** Global options that pick the target and credential: the runs set those, or nearly every run fails on them. */
const TARGET_OPTIONS = new Set([
  '--server',
  '--profile',
  '--user',
  '--password-stdin',
  '--email',
  '--api-token-stdin',
  '--pat-stdin',
  '--header',
  '--sandbox',
  '--sandbox-flavor',
  '--ca-file',
]);
/** Options that would write files where the fuzzer says, or wait on the network for long. */
const SKIPPED_OPTIONS = new Set([
  '--journal',
  '--dir',
  '--data',
  '--timeout',
  '--proxy',
  '--retries',
  '--version',
]);

interface Leaf {
  words: string[];
  /** How many positional arguments the command needs, and may take. */
  required: number;
  optional: number;
  options: { flag: string; takesValue: boolean }[];
}

async function leaves(): Promise<{ commands: Leaf[]; globals: Leaf['options'] }> {
  const program = createProgram();
  for (const noun of NOUNS) (await noun.load()).register(program);
  const tree = treeOf(program);
  const optionsOf = (node: CommandNode): Leaf['options'] =>
    node.options
      .map((o) => ({ flag: o.long ?? o.short ?? '', takesValue: o.takesValue }))
      .filter((o) => o.flag !== '' && !SKIPPED_OPTIONS.has(o.flag));
  const commands: Leaf[] = [];
  const walk = (node: CommandNode): void => {
    if (node.commands.length === 0 && node.path.length > 0 && !SKIPPED_COMMANDS.has(node.path.join(' '))) {
      const args = node.usage.replace('[options]', '');
      const variadic = /\.\.\./.test(args) ? 2 : 0;
      commands.push({
        words: node.path,
        required: (args.match(/<[^>]+>/g) ?? []).length,
        optional: (args.match(/\[[^\]]+\]/g) ?? []).length + variadic,
        options: optionsOf(node),
      });
    }
    for (const child of node.commands) walk(child);
  };
  walk(tree);
  return { commands, globals: optionsOf(tree).filter((o) => !TARGET_OPTIONS.has(o.flag)) };
}

/** Values a command may accept: real keys, JQL, names and numbers of the sandbox, so runs get past parsing. */
const plausibleValue = fc.constantFrom(
  'DEMO-1',
  'DEMO-2',
  'DEMO',
  'project = DEMO',
  'key = DEMO-1',
  'alice',
  'admin',
  'Bug',
  'Task',
  'Done',
  'In Progress',
  'High',
  '10000',
  '1',
  '2026-01-01',
  '1h',
  'hello',
  'summary=fuzzed',
  'labels=a',
  '{"a":1}',
  'json',
);

/** A value: plausible more often than not, so the fuzz reaches the handlers and the library behind them. */
const anyValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('DEMO-1', 'DEMO-2', 'DEMO-3') },
  { weight: 3, arbitrary: plausibleValue },
  { weight: 3, arbitrary: hostileValue },
);

/** An argv: a real command (or a random word), values and options, perhaps a `--`. */
function argvArbitrary(commands: Leaf[], globals: Leaf['options']): fc.Arbitrary<string[]> {
  const command = fc.oneof(
    { weight: 19, arbitrary: fc.constantFrom(...commands) },
    {
      weight: 1,
      arbitrary: hostileValue.map((w): Leaf => ({ words: [w], required: 0, optional: 1, options: [] })),
    },
  );
  return command.chain((leaf) => {
    const own = leaf.options.length > 0 ? leaf.options : globals;
    const option = fc
      .oneof(
        { weight: 4, arbitrary: fc.constantFrom(...own) },
        { weight: 1, arbitrary: fc.constantFrom(...globals) },
      )
      .chain((o) =>
        o.takesValue ? anyValue.map((v): string[] => [o.flag, v]) : fc.constant<string[]>([o.flag]),
      );
    return fc
      .tuple(
        fc.array(anyValue, { minLength: leaf.required, maxLength: leaf.required + leaf.optional }),
        fc.array(option, { maxLength: 3 }),
        // Now and then a `--` (ending the options), with something after it.
        fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('--') }),
        fc.array(hostileValue, { maxLength: 1 }),
      )
      .map(([positionals, options, dashes, tail]) => [
        ...leaf.words,
        ...positionals,
        ...options.flat(),
        ...(dashes ? [dashes, ...tail] : []),
      ]);
  });
}

const { home, sandbox } = sandboxFor('datacenter');

/** What is wrong with a run, or undefined. */
function problemOf(r: CliResult): string | undefined {
  if (r.code === null) return 'killed (no exit code)';
  if (!DOCUMENTED.has(r.code)) return `exit ${r.code}`;
  if (/^\s+at .+(:\d+|\(native\))/m.test(r.stderr)) return 'a stack trace on stderr';
  if (/Uncaught|UnhandledPromiseRejection|TypeError|ReferenceError|RangeError/.test(r.stderr)) {
    return 'an uncaught error on stderr';
  }
  return undefined;
}

function shown(argv: string[]): string {
  return JSON.stringify(argv.map((a) => (a.length > 80 ? `${a.slice(0, 40)}...(${a.length} chars)` : a)));
}

describe('fuzzed CLI arguments', () => {
  it(`${RUNS} random command lines end with a documented exit code and no stack trace`, async () => {
    const { commands, globals } = await leaves();
    assert.ok(commands.length > 50, 'the command tree was read');
    const samples = fc.sample(argvArbitrary(commands, globals), { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    const codes = new Map<number | null, number>();
    await inPool(samples, PARALLEL, async (argv, i) => {
      // Half go to the embedded sandbox, half to a sandbox on a port with a token in the environment.
      const target = i % 2 === 0 ? ['--sandbox'] : ['--server', sandbox.url];
      const env = i % 2 === 0 ? {} : { JIRA_PAT: 'admin-pat' };
      const r = await home.run(['--timeout', '20', ...target, ...argv], { env });
      codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
      if (process.env.JIRATS_FUZZ_SHOW)
        console.log(r.code, shown(argv).slice(0, 150), '=>', r.stderr.split('\n')[0]?.slice(0, 150));
      const problem = problemOf(r);
      if (problem) failures.push(`${problem}: jirats ${shown(argv)}\n${r.stderr.slice(0, 1500)}`);
    });
    if (process.env.JIRATS_FUZZ_RUNS) console.log('exit codes', Object.fromEntries(codes));
    assert.deepEqual(failures, []);
  });
});
