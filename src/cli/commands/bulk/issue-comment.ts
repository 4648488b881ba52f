/** Registers `issue comment --jql JQL --body TEXT`: the same comment on every issue a JQL query finds. */
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { examples, run } from '../run.js';
import { withBulkFlags } from './bulk-flags.js';
import type { CommentFlags } from './bulk-jql.js';

async function commentMany(ctx: Context, flags: CommentFlags): Promise<void> {
  return (await import('./bulk-jql.js')).bulkComment(ctx, flags);
}

/** Adds `comment` to the `issue` command (one issue's comments live under `jirats comment`). */
export function registerIssueComment(issue: Command): void {
  const command = issue
    .command('comment')
    .description('add the same comment to every issue a JQL query finds (one issue: `comment add`)')
    .option('--jql <jql>', 'comment on every issue this JQL finds')
    .option('--body <markdown>', 'the comment, in Markdown')
    .option('--body-file <file>', 'read the Markdown comment from a file; - reads stdin')
    .option('--dry-run', 'print the requests that would be sent and send nothing')
    .addHelpText(
      'after',
      examples(
        'jirats issue comment --jql "fixVersion = 1.2" --body "Released in **1.2**"',
        'jirats issue comment --resume JOURNAL',
      ),
    );
  withBulkFlags(command, { concurrency: true }).action(run(commentMany));
}
