/**
 * The JQL forms of `issue set|update`, `issue transition`, `issue remove|delete` and `issue comment`: the
 * library resolves the matching keys once, works through them with adaptive concurrency and a journal, and
 * the CLI shows progress and reports every issue. `--resume JOURNAL` finishes an interrupted run.
 */
import type { Jira } from '../../../index.js';
import { connect } from '../../connection.js';
import type { Context } from '../../context.js';
import { usageError } from '../../exit-codes.js';
import { readInput } from '../../io/read-input.js';
import { canPrompt } from '../../io/secret-input.js';
import { askYesNo } from '../../io/yes-no.js';
import { assignments } from '../option-parsers.js';
import type { BulkFlags } from './bulk-flags.js';
import { checkBulkFlags, type RunOptions, startRun } from './bulk-run.js';
import { issuePath, printPlan } from './dry-run.js';
import type { BulkOperation } from './journal-path.js';
import { BulkReport, type ItemLine, type ItemOutcome, itemLine } from './report.js';
import { resumeRun } from './resume.js';

/** Flags of `issue set --jql`. */
export interface UpdateFlags extends BulkFlags {
  set?: string[];
  addLabel?: string[];
  removeLabel?: string[];
}

/** Flags of `issue transition --jql`. */
export interface TransitionFlags extends BulkFlags {
  to?: string;
}

/** Flags of `issue remove --jql`. */
export interface DeleteFlags extends BulkFlags {
  includeSubtasks?: boolean;
  force?: boolean;
  yes?: boolean;
}

/** Flags of `issue comment --jql`. */
export interface CommentFlags extends BulkFlags {
  body?: string;
  bodyFile?: string;
}

function requireJql(flags: BulkFlags, example: string): string {
  checkBulkFlags(flags);
  if (flags.jql === undefined) throw usageError('a JQL query is required', `e.g. ${example}`);
  return flags.jql;
}

/** Runs `items` to the end, reporting every issue; exit 5 when any failed or was skipped. */
async function report(
  ctx: Context,
  operation: BulkOperation,
  flags: BulkFlags,
  items: (jira: Jira, options: RunOptions) => AsyncIterable<ItemOutcome>,
): Promise<void> {
  const { jira } = await connect(ctx);
  const run = await startRun(ctx, operation, flags);
  const out = new BulkReport<ItemLine>(ctx, 'items');
  let total = 0;
  try {
    for await (const result of items(jira, run.options)) {
      total += 1;
      await out.add(itemLine(result));
    }
  } finally {
    run.end();
  }
  await out.finish(total);
}

/** `issue set|update --jql JQL --set FIELD=VALUE ... [--add-label L] [--remove-label L]`. */
export async function bulkUpdate(ctx: Context, flags: UpdateFlags): Promise<void> {
  if (flags.resume !== undefined) return resumeRun(ctx, 'update', flags);
  const jql = requireJql(flags, 'issue update --jql "project = DEMO" --set priority=High');
  const fields = flags.set && flags.set.length > 0 ? assignments(flags.set, '--set') : undefined;
  const addLabels = flags.addLabel ?? [];
  const removeLabels = flags.removeLabel ?? [];
  if (!fields && addLabels.length + removeLabels.length === 0) {
    throw usageError('nothing to change', 'pass --set FIELD=VALUE, --add-label L or --remove-label L');
  }
  const input = { jql, ...(fields ? { fields } : {}), addLabels, removeLabels };
  if (flags.dryRun) {
    const { jira } = await connect(ctx);
    return printPlan(ctx, jira, jql, async (key, version) => {
      const requests = fields ? await jira.issues.updateRequests(key, { fields }) : [];
      const labels = [...addLabels.map((add) => ({ add })), ...removeLabels.map((remove) => ({ remove }))];
      if (labels.length > 0) {
        requests.push({ method: 'PUT', path: issuePath(version, key), body: { update: { labels } } });
      }
      return requests;
    });
  }
  return report(ctx, 'update', flags, (jira, options) => jira.issues.updateMany(input, options));
}

/** `issue transition --jql JQL --to NAME`. */
export async function bulkTransition(ctx: Context, flags: TransitionFlags): Promise<void> {
  if (flags.resume !== undefined) return resumeRun(ctx, 'transition', flags);
  const jql = requireJql(flags, 'issue transition --jql "project = DEMO" --to Done');
  const to = flags.to?.trim();
  if (!to) throw usageError('--to names the transition or the target status', 'e.g. --to Done');
  if (flags.dryRun) {
    const { jira } = await connect(ctx);
    const wanted = to.toLowerCase();
    return printPlan(ctx, jira, jql, async (key, version) => {
      const offered = await jira.issues.transitions.list(key);
      const match =
        offered.find((t) => t.id === to) ??
        offered.find((t) => t.name.toLowerCase() === wanted) ??
        offered.find((t) => t.to.name.toLowerCase() === wanted);
      if (!match) return `no transition '${to}' from its current status`;
      const body = { transition: { id: match.id } };
      return [{ method: 'POST', path: `${issuePath(version, key)}/transitions`, body }];
    });
  }
  return report(ctx, 'transition', flags, (jira, options) =>
    jira.issues.transitionMany({ jql, to }, options),
  );
}

/** `issue remove|delete --jql JQL`: asks first on a terminal unless --force or --yes. */
export async function bulkDelete(ctx: Context, flags: DeleteFlags): Promise<void> {
  const forced = flags.force === true || flags.yes === true;
  if (flags.resume !== undefined) {
    if (!forced && !flags.dryRun) await confirm(`Finish the deletions of ${flags.resume}?`);
    return resumeRun(ctx, 'delete', flags);
  }
  const jql = requireJql(flags, 'issue delete --jql "project = DEMO AND labels = old" --force');
  const includeSubtasks = flags.includeSubtasks === true;
  if (flags.dryRun) {
    const { jira } = await connect(ctx);
    const query = { deleteSubtasks: includeSubtasks ? 'true' : 'false' };
    return printPlan(ctx, jira, jql, async (key, version) => [
      { method: 'DELETE', path: issuePath(version, key), query },
    ]);
  }
  if (!forced) {
    const { jira } = await connect(ctx);
    const count = await jira.issues.count(jql);
    const what = count === 1 ? '1 issue' : `${count} issues`;
    await confirm(`Delete ${what} matching ${jql}${includeSubtasks ? ' and their sub-tasks' : ''}?`);
  }
  return report(ctx, 'delete', flags, (jira, options) =>
    jira.issues.deleteMany({ jql, includeSubtasks }, options),
  );
}

async function confirm(question: string): Promise<void> {
  if (!canPrompt())
    throw usageError('not deleting without confirmation', 'pass --force (or --yes) to delete');
  if (!(await askYesNo(`${question} [y/N] `))) throw usageError('not deleted');
}

/** `issue comment --jql JQL --body TEXT` (or `--body-file FILE`). */
export async function bulkComment(ctx: Context, flags: CommentFlags): Promise<void> {
  if (flags.resume !== undefined) return resumeRun(ctx, 'comment', flags);
  const jql = requireJql(flags, 'issue comment --jql "fixVersion = 1.2" --body "Released in 1.2"');
  if (flags.body !== undefined && flags.bodyFile !== undefined) {
    throw usageError('give the comment one way: --body or --body-file');
  }
  const body = flags.bodyFile !== undefined ? await readInput(flags.bodyFile) : flags.body;
  if (body === undefined || body.trim() === '') throw usageError('the comment is empty', 'pass --body TEXT');
  if (flags.dryRun) {
    const { jira } = await connect(ctx);
    const { richTextForWire } = await import('../../../api/rich-text-input.js');
    const wire = { body: await richTextForWire(body, await jira.deployment()) };
    return printPlan(ctx, jira, jql, async (key, version) => [
      { method: 'POST', path: `${issuePath(version, key)}/comment`, body: wire },
    ]);
  }
  return report(ctx, 'comment', flags, (jira, options) => jira.issues.commentMany({ jql, body }, options));
}
