import { type Command, InvalidArgumentError, Option } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from './output/render.js';

/** The options every command accepts, before or after the command name. */
export interface GlobalOptions {
  server?: string;
  profile?: string;
  user?: string;
  passwordStdin?: boolean;
  email?: string;
  apiTokenStdin?: boolean;
  patStdin?: boolean;
  header?: string[];
  sandbox?: boolean;
  sandboxFlavor?: 'cloud' | 'datacenter';
  output?: OutputFormat;
  json?: boolean;
  debug?: boolean;
  quiet?: boolean;
  color: boolean;
  insecure?: boolean;
  caFile?: string;
  proxy?: string;
  timeout?: number;
  retries?: number;
  allowInsecureHttp?: boolean;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError('expected a number of seconds (0 = no timeout)');
  }
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 20)
    throw new InvalidArgumentError('expected a whole number from 0 to 20');
  return n;
}

function collectHeader(value: string, previous: string[] | undefined): string[] {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(value)) {
    throw new InvalidArgumentError("expected 'Name: value'");
  }
  return [...(previous ?? []), value];
}

/** Declares the global options on the root command. Credentials are never option values. */
export function addGlobalOptions(program: Command): void {
  const g = 'Global options:';
  const opt = (o: Option): void => {
    program.addOption(o.helpGroup(g));
  };
  opt(new Option('--server <url>', 'Jira base URL, context path included').env('JIRA_SERVER'));
  opt(new Option('--profile <name>', 'use this configuration profile').env('JIRATS_PROFILE'));
  opt(new Option('--user <name>', 'Data Center user name for Basic authentication (env: JIRA_USER)'));
  opt(new Option('--password-stdin', 'read the password from stdin (else env JIRA_PASSWORD, else a prompt)'));
  opt(new Option('--email <address>', 'Cloud account email for API-token authentication (env: JIRA_EMAIL)'));
  opt(new Option('--api-token-stdin', 'read the Cloud API token from stdin (else env JIRA_API_TOKEN)'));
  opt(new Option('--pat-stdin', 'read a Data Center personal access token from stdin (else env JIRA_PAT)'));
  opt(
    new Option('--header <header>', "send 'Name: value' as authentication (repeatable)").argParser(
      collectHeader,
    ),
  );
  opt(new Option('--sandbox', 'use the embedded sandbox instead of a server (signed in as admin)'));
  opt(
    new Option('--sandbox-flavor <flavor>', 'embedded sandbox flavor')
      .choices(['cloud', 'datacenter'])
      .env('JIRATS_SANDBOX_FLAVOR'),
  );
  opt(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS));
  opt(new Option('--json', 'same as --output json'));
  opt(new Option('--debug', 'log every request and response on stderr (secrets redacted)'));
  opt(new Option('--quiet', 'print no notices or warnings on stderr'));
  opt(new Option('--no-color', 'never use colour'));
  opt(new Option('--insecure', 'do not verify the TLS certificate (unsafe)'));
  opt(new Option('--ca-file <path>', 'trust the CA certificates in this PEM file'));
  opt(new Option('--proxy <url>', 'HTTP(S) proxy (default: HTTPS_PROXY / HTTP_PROXY, honouring NO_PROXY)'));
  opt(
    new Option(
      '--timeout <seconds>',
      'give up on a request after this long (default 100; 0 = never)',
    ).argParser(seconds),
  );
  opt(
    new Option(
      '--retries <count>',
      'retries for rate limits, 503 and network failures (default 4)',
    ).argParser(count),
  );
  opt(
    new Option('--allow-insecure-http', 'allow credentials over plain http:// to hosts other than localhost'),
  );
}

/** The output format chosen for this call (table unless -o or --json says otherwise). */
export function outputFormat(globals: GlobalOptions): OutputFormat {
  if (globals.output) return globals.output;
  return globals.json ? 'json' : 'table';
}
