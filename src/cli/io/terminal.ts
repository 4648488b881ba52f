import { scrub } from './scrub.js';

/** What the terminal layer needs to know about this invocation. */
export interface TerminalOptions {
  quiet: boolean;
  debug: boolean;
  color: boolean;
}

/**
 * The CLI's two channels: stdout carries data only; stderr carries warnings, notices and debug lines, each
 * passed through `scrub` so no secret the CLI holds can reach it.
 */
export class Terminal {
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;

  constructor(
    readonly options: TerminalOptions,
    private readonly stdout: NodeJS.WriteStream = process.stdout,
    private readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {
    this.stdoutIsTTY = stdout.isTTY === true;
    this.stderrIsTTY = stderr.isTTY === true;
  }

  /** True when colour may be used on stdout. */
  get colorOnStdout(): boolean {
    return this.options.color && this.stdoutIsTTY && !process.env.NO_COLOR;
  }

  /** Writes data to stdout, waiting for the pipe to drain so streamed output keeps memory flat. */
  async out(text: string): Promise<void> {
    if (text === '') return;
    if (!this.stdout.write(text)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stdout.off('drain', done);
          this.stdout.off('error', done);
          resolve();
        };
        this.stdout.once('drain', done);
        this.stdout.once('error', done);
      });
    }
  }

  /** A status line for humans (stderr), hidden by --quiet. */
  info(message: string): void {
    if (!this.options.quiet) this.err(message);
  }

  /** A warning (stderr), shown unless --quiet. */
  warn(message: string): void {
    if (!this.options.quiet) this.err(`warning: ${message}`);
  }

  /** Progress and retry notices: only for a person watching a terminal, or when debugging. */
  notice(message: string): void {
    if (this.options.debug || (this.stderrIsTTY && !this.options.quiet)) this.err(message);
  }

  /** A debug line (stderr), only with --debug. */
  debug(message: string): void {
    if (this.options.debug) this.err(message);
  }

  /** Writes one line to stderr, secrets masked. */
  err(message: string): void {
    this.stderr.write(`${scrub(message)}\n`);
  }

  /** Waits until everything written to stdout has been handed to the OS. */
  async flush(): Promise<void> {
    if (this.stdout.writableLength === 0) return;
    await new Promise<void>((resolve) => this.stdout.write('', () => resolve()));
  }
}
