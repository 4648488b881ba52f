import type { Command } from 'commander';
import { Context } from '../context.js';
import type { GlobalOptions } from '../global-options.js';

let active: Context | undefined;

/** The context of the command that ran last (main reports errors through its terminal). */
export function activeContext(): Context | undefined {
  return active;
}

/**
 * Wraps a handler as a commander action: builds the invocation's Context from the global options, passes the
 * positional arguments and the command's own options through, and always runs the clean-up work.
 */
export function run<A extends unknown[]>(
  handler: (ctx: Context, ...args: A) => Promise<void>,
): (...raw: unknown[]) => Promise<void> {
  return async (...raw: unknown[]) => {
    const command = raw[raw.length - 1] as Command;
    const ctx = new Context(command.optsWithGlobals<GlobalOptions>());
    active = ctx;
    try {
      await handler(ctx, ...(raw.slice(0, -1) as A));
    } finally {
      await ctx.close();
    }
  };
}

/** Help text listing examples, shown after a command's options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}
