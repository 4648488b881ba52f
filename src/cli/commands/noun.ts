import type { Command } from 'commander';

/** A command family (`issue`, `session`, ...): registers itself and its verbs on the root command. */
export interface NounModule {
  register(program: Command): void;
}
