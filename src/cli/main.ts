import { CommanderError } from 'commander';
import { locateCommand } from './argv.js';
import { NOUNS } from './commands/index.js';
import { activeContext } from './commands/run.js';
import { ExitCode } from './exit-codes.js';
import { Terminal } from './io/terminal.js';
import { loadedLibrary } from './library.js';
import { createProgram } from './program.js';
import { describeError } from './report-error.js';

/** Runs the CLI with `argv` (without node and script) and resolves the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that goes away (`jirats ... | head`) has all it wanted: stop quietly, as other tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(ExitCode.ok);
  });
  const program = createProgram();
  const located = locateCommand(argv, program);
  // Register only the noun being run; help, completion scripts and unknown commands need them all.
  const nouns = located.noun === 'completion' ? [] : NOUNS.filter((n) => n.name === located.noun);
  for (const noun of nouns.length > 0 ? nouns : NOUNS) (await noun.load()).register(program);

  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(located.argv, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    return reportFailure(err, argv, located.noun);
  }
}

function reportFailure(err: unknown, argv: readonly string[], noun: string | undefined): number {
  const terminal =
    activeContext()?.terminal ??
    new Terminal({ quiet: argv.includes('--quiet'), debug: argv.includes('--debug'), color: false });

  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.ok;
    // Help shown because a verb is missing (`jirats issue`) is a usage error; `jirats help` is not.
    if (err.code === 'commander.help') return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    const [first = '', ...rest] = err.message.replace(/^error: /, '').split('\n');
    const suggestion = rest.join(' ').match(/\(Did you mean (.+)\?\)/);
    terminal.err(`jirats: ${first}`);
    const helpFor = noun && NOUNS.some((n) => n.name === noun) ? `jirats ${noun} --help` : 'jirats --help';
    terminal.err(suggestion ? `hint: did you mean ${suggestion[1]}?` : `hint: see \`${helpFor}\``);
    return ExitCode.usage;
  }

  const report = describeError(err, loadedLibrary(), activeContext()?.anonymous);
  terminal.err(`jirats: ${report.message}`);
  if (report.hint) terminal.err(`hint: ${report.hint}`);
  for (const line of report.details) terminal.debug(`  ${line}`);
  return report.exitCode;
}
