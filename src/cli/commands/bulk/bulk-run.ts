/**
 * What every bulk command shares: its flags, the run options handed to the library (journal, concurrency,
 * progress, cancellation) and the Ctrl-C handling that leaves a journal to resume from.
 */
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { usageError } from '../../exit-codes.js';
import type { BulkFlags } from './bulk-flags.js';
import { type BulkOperation, defaultJournalPath } from './journal-path.js';
import { type ProgressSnapshot, type ProgressView, progressView } from './progress.js';

/** The library's run options, as the CLI fills them. */
export interface RunOptions {
  concurrency?: number;
  maxConcurrency?: number;
  journal?: string;
  onProgress: (p: ProgressSnapshot) => void;
  signal: AbortSignal;
}

/** A run in progress: its options, and `end` to stop the progress display and the Ctrl-C handler. */
export interface RunHandle {
  options: RunOptions;
  journal: string | undefined;
  end(): void;
}

/** The library grows concurrency up to this unless --concurrency starts higher. */
const DEFAULT_MAX_CONCURRENCY = 16;

/** Refuses a JQL that is empty and a resume mixed with a new run's input. */
export function checkBulkFlags(flags: BulkFlags): void {
  if (flags.resume !== undefined) {
    if (flags.jql !== undefined) throw usageError('give --resume alone: the journal holds the run');
    if (flags.journal !== undefined)
      throw usageError('--resume continues the journal it names; drop --journal');
    if (flags.resume.trim() === '') throw usageError('--resume needs the path of a journal');
  }
  if (flags.jql !== undefined && flags.jql.trim() === '') throw usageError('the JQL query is empty');
}

/**
 * Starts the machinery around a run: the journal path (printed, so a killed run can be resumed), the progress
 * display, and Ctrl-C: the first stops sending and lets the run report what is left as skipped, a second
 * one exits at once (the journal is written as the run goes, so both leave it resumable).
 */
export async function startRun(
  ctx: Context,
  operation: BulkOperation,
  flags: BulkFlags,
  resuming?: string,
): Promise<RunHandle> {
  const journal =
    resuming ?? (flags.journal !== undefined ? resolve(flags.journal) : await defaultJournalPath(operation));
  if (resuming === undefined) ctx.terminal.info(`journal: ${journal} (resume with --resume ${journal})`);
  const progress: ProgressView = await progressView(ctx.terminal);
  const abort = new AbortController();
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
    ctx.terminal.info(`stopping; finish the run later with --resume ${journal}`);
  };
  process.on('SIGINT', onSigint);
  const options: RunOptions = {
    onProgress: (p) => progress.update(p),
    signal: abort.signal,
  };
  if (resuming === undefined) options.journal = journal;
  if (flags.concurrency !== undefined) {
    options.concurrency = flags.concurrency;
    options.maxConcurrency = Math.max(flags.concurrency, DEFAULT_MAX_CONCURRENCY);
  }
  return {
    options,
    journal,
    end: () => {
      progress.stop();
      process.off('SIGINT', onSigint);
    },
  };
}
