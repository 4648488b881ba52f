/** Process exit codes of the CLI; scripts rely on them, so they never change meaning. */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  jira: 5,
  network: 6,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI raises itself: a one-line message, the exit code it maps to, and an optional hint. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.usage,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A usage error (exit 2): bad arguments, bad values, missing configuration. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, ExitCode.usage, hint);
}
