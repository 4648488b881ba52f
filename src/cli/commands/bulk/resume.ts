/**
 * `--resume JOURNAL`: finishes a bulk run that was interrupted (Ctrl-C, kill -9, a crash, a lost network).
 * The library skips what the journal shows done, reconciles what was sent without an answer, and sends the rest.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BulkJournalSummary } from '../../../index.js';
import { connect } from '../../connection.js';
import type { Context } from '../../context.js';
import { usageError } from '../../exit-codes.js';
import { loadLibrary } from '../../library.js';
import type { BulkFlags } from './bulk-flags.js';
import { startRun } from './bulk-run.js';
import type { BulkOperation } from './journal-path.js';
import { BulkReport, type CreateOutcome, type ItemOutcome, itemLine, rowLine } from './report.js';

/** The verb that starts each kind of run, for messages. */
const VERB: Record<BulkOperation, string> = {
  create: 'issue create',
  update: 'issue update',
  transition: 'issue transition',
  delete: 'issue delete',
  comment: 'issue comment',
};

async function readSummary(path: string): Promise<BulkJournalSummary> {
  if (!existsSync(path))
    throw usageError(`no journal at ${path}`, 'pass the journal path printed when the run started');
  const { readBulkJournal } = await loadLibrary();
  try {
    return await readBulkJournal(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw usageError(
      `cannot resume from ${path}: ${reason}`,
      'pass the journal path printed when the run started',
    );
  }
}

/** Resumes the run of `path`, which must be a run of `operation`; reports as the original run would have. */
export async function resumeRun(ctx: Context, operation: BulkOperation, flags: BulkFlags): Promise<void> {
  const path = resolve(flags.resume as string);
  const journal = await readSummary(path);
  if (journal.operation !== operation) {
    throw usageError(
      `${path} is the journal of a ${journal.operation} run`,
      `resume it with: jirats ${VERB[journal.operation]} --resume ${path}`,
    );
  }
  ctx.terminal.info(
    `resuming ${operation} run ${journal.runId}: done ${journal.done}, failed ${journal.failed}, ` +
      `pending ${journal.pending} of ${journal.total}`,
  );
  if (flags.dryRun) return;
  const { jira } = await connect(ctx);
  const run = await startRun(ctx, operation, flags, path);
  const create = operation === 'create';
  const out = new BulkReport(ctx, create ? 'rows' : 'items');
  let total = 0;
  try {
    for await (const result of jira.issues.resumeBulk(path, run.options)) {
      total += 1;
      await out.add(create ? rowLine(result as CreateOutcome) : itemLine(result as ItemOutcome));
    }
  } finally {
    run.end();
  }
  await out.finish(total, create ? ['created', 'rows'] : ['done', '']);
}
