/**
 * The write verbs of `issue`: create, set, assign, remove. Only the option definitions live here; the
 * handlers load when one of these verbs runs, so `issue get` does not pay for them.
 */
import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import type { Context } from '../context.js';
import { withBulkFlags } from './bulk/bulk-flags.js';
import { repeatable, wholeNumber } from './option-parsers.js';
import { examples, run } from './run.js';

type Handlers = typeof import('./issue-write-actions.js');

function lazy<A extends unknown[]>(
  pick: (h: Handlers) => (ctx: Context, ...args: A) => Promise<void>,
): (ctx: Context, ...args: A) => Promise<void> {
  return async (ctx, ...args) => pick(await import('./issue-write-actions.js'))(ctx, ...args);
}

/** Options shared by `issue create` and `issue set`. */
function withFieldOptions(command: Command): Command {
  return command
    .option('--summary <text>', 'the summary (title)')
    .option('--description <markdown>', 'the description, in Markdown')
    .option('--description-file <file>', 'read the Markdown description from a file; - reads stdin')
    .option('--assignee <user>', 'assignee: account id, user name, email or display name')
    .option('--unassign', 'leave the issue unassigned')
    .option('--reporter <user>', 'reporter: account id, user name, email or display name')
    .option('--label <label>', 'a label (repeatable; replaces all labels)', repeatable)
    .option('--parent <key>', 'the parent issue (sub-tasks; epics on Cloud)')
    .option('--fix-version <name>', 'a fix version by name (repeatable)', repeatable)
    .option('--component <name>', 'a component by name or id (repeatable)', repeatable)
    .option('--priority <name>', 'priority by name or id')
    .option('--due <date>', 'due date, YYYY-MM-DD')
    .option(
      '--field <name=value>',
      'any field by id, custom field number or name; VALUE is JSON when it parses, else text (repeatable)',
      repeatable,
    )
    .option('--dry-run', 'print the request that would be sent and send nothing');
}

/** Registers `issue create|set|assign|remove` on the `issue` command. */
export function registerIssueWrites(issue: Command): void {
  const create = withFieldOptions(
    issue
      .command('create')
      .description(`create an issue (JiraPS: ${aliasesOf('issue', 'create').join(', ')})`)
      .option('--project <project>', 'project key, id or name (required unless --from-csv/--from-ndjson)')
      .option('--type <type>', 'issue type name or id, e.g. Task (required unless --from-csv/--from-ndjson)'),
  )
    .option('--from-csv <file>', 'create one issue per CSV row (header names the columns; - reads stdin)')
    .option('--from-ndjson <file>', 'create one issue per JSON line (- reads stdin)')
    .option(
      '--concurrency <n>',
      'creates in flight at once with --from-csv/--from-ndjson (default 4)',
      wholeNumber(1, 16),
    )
    .addHelpText(
      'after',
      examples(
        'jirats issue create --project DEMO --type Task --summary "Fix the login page"',
        'jirats issue create --project DEMO --type Bug --summary Crash --description-file bug.md --label ui',
        'jirats issue create --project DEMO --type Task --summary S --field "Story Points=5" -o json',
        'jirats issue create --from-csv backlog.csv     # columns: project,issuetype,summary,labels,...',
        'jirats issue create --resume JOURNAL          # finish an interrupted --from-csv run',
      ),
    );
  withBulkFlags(create, { concurrency: false }).action(run(lazy((h) => h.createIssue)));

  const set = withFieldOptions(
    issue
      .command('set')
      .alias('update')
      .description(
        `change an issue's fields, or with --jql every matching issue's; also \`issue update\` (JiraPS: ${aliasesOf('issue', 'set').join(', ')})`,
      )
      .argument('[key]', 'issue key or id (or use --jql)'),
  )
    .option('--jql <jql>', 'change every issue this JQL finds (with --set, --add-label, --remove-label)')
    .option(
      '--set <field=value>',
      'with --jql: a field by id, number or name; VALUE is JSON or text (repeatable)',
      repeatable,
    )
    .option('--add-label <label>', 'with --jql: add this label (repeatable)', repeatable)
    .option('--remove-label <label>', 'with --jql: remove this label (repeatable)', repeatable)
    .option('--add-comment <markdown>', 'add a comment with the change')
    .option('--default-assignee', "assign to the project's default assignee")
    .option('--skip-notification', 'ask Jira not to email watchers about the change')
    .addHelpText(
      'after',
      examples(
        'jirats issue set DEMO-1 --summary "New title" --label ui --label login',
        'jirats issue set DEMO-1 --default-assignee --add-comment "Back to the lead"',
        'jirats issue set DEMO-1 --field customfield_10016=8 --skip-notification',
        'jirats issue update --jql "project = DEMO AND labels = old" --add-label new --remove-label old',
      ),
    );
  withBulkFlags(set, { concurrency: true }).action(run(lazy((h) => h.setIssue)));

  issue
    .command('assign')
    .description('assign an issue to a user, to nobody, or to the project default')
    .argument('<key>', 'issue key or id')
    .argument('[user]', 'account id, user name, email or display name')
    .option('--unassign', 'leave the issue unassigned')
    .option('--default', "assign to the project's default assignee")
    .addHelpText(
      'after',
      examples('jirats issue assign DEMO-1 alice', 'jirats issue assign DEMO-1 --unassign'),
    )
    .action(run(lazy((h) => h.assignIssue)));

  const remove = issue
    .command('remove')
    .alias('delete')
    .description(
      `delete issues by key or JQL; also \`issue delete\` (asks first on a terminal; JiraPS: ${aliasesOf('issue', 'remove').join(', ')})`,
    )
    .argument('[keys...]', 'issue keys or ids (or use --jql)')
    .option('--jql <jql>', 'delete every issue this JQL finds')
    .option('--include-subtasks', 'delete the sub-tasks too')
    .option('--force', 'do not ask for confirmation (required when not on a terminal)')
    .option('--yes', 'the same as --force')
    .option('--dry-run', 'print the requests that would be sent and send nothing')
    .addHelpText(
      'after',
      examples(
        'jirats issue remove DEMO-9 --force',
        'jirats issue remove DEMO-3 --include-subtasks',
        'jirats issue delete --jql "project = DEMO AND labels = obsolete" --yes',
      ),
    );
  withBulkFlags(remove, { concurrency: true }).action(run(lazy((h) => h.removeIssues)));
}
