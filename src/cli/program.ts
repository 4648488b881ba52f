import { Command } from 'commander';
import { VERSION } from '../version.js';
import { addGlobalOptions } from './global-options.js';

const ROOT_HELP = `
Examples:
  $ jirats --sandbox issue search "project = DEMO ORDER BY key"     # no Jira needed
  $ jirats config server set https://jira.example.com
  $ jirats session new --user jdoe                                  # prompts for the password
  $ jirats issue get DEMO-1 DEMO-2
  $ jirats issue search "assignee = currentUser()" -o csv > mine.csv
  $ jirats invoke GET /rest/api/2/field --json
  $ jirats Get-JiraIssue DEMO-1                                     # JiraPS names work too

Exit codes: 0 ok, 1 unexpected, 2 usage, 3 authentication or permission, 4 not found,
            5 other Jira error, 6 network or timeout.
Secrets are never options: pipe them (--password-stdin, --api-token-stdin, --pat-stdin), set
JIRA_PASSWORD / JIRA_API_TOKEN / JIRA_PAT, or answer the prompt.
`;

const SUB_HELP = '\nGlobal options (--server, --profile, -o, --debug, ...): see `jirats --help`.\n';

/**
 * The root command: global options, help texts, and errors turned into exceptions so main decides what is
 * printed and which exit code is used.
 */
export function createProgram(): Command {
  const program = new Command('jirats')
    .description(
      'Jira Cloud and Data Center from the terminal: issues, JQL, sessions, any REST call, a sandbox.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      outputError: () => undefined, // main prints errors in its own one-line format
    });
  addGlobalOptions(program);
  program.addHelpText('after', ROOT_HELP);
  program.addHelpText('afterAll', (context) => (context.command === program ? '' : SUB_HELP));
  return program;
}
