/**
 * The flags every bulk command takes. Registered at start-up, so this file stays tiny: the run machinery loads
 * only when a bulk run starts.
 */
import type { Command } from 'commander';
import { wholeNumber } from '../option-parsers.js';

/** The flags of every bulk command. */
export interface BulkFlags {
  jql?: string;
  journal?: string;
  resume?: string;
  concurrency?: number;
  dryRun?: boolean;
}

/** Adds `--journal`, `--resume` and (unless the command has it) `--concurrency` to a command. */
export function withBulkFlags(command: Command, opts: { concurrency: boolean }): Command {
  command
    .option(
      '--journal <file>',
      'with a bulk run: write its journal here (default: a new file in the data folder)',
    )
    .option('--resume <journal>', 'finish an interrupted bulk run from its journal, repeating nothing');
  if (opts.concurrency) {
    command.option(
      '--concurrency <n>',
      'with a bulk run: requests in flight at first (default 4; grows while answers come clean)',
      wholeNumber(1, 64),
    );
  }
  return command;
}

/** True when the flags ask for a JQL run or a resume. */
export function isBulkRun(flags: BulkFlags): boolean {
  return flags.jql !== undefined || flags.resume !== undefined;
}
