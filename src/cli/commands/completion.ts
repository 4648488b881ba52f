import type { Command } from 'commander';
import { aliasList, treeOf } from '../command-tree.js';
import { completionScript, type Shell } from '../completion-scripts.js';
import { examples } from './run.js';

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** Registers `completion bash|zsh|fish` (main registers every noun first, so the tree is whole). */
export function register(program: Command): void {
  const completion = program
    .command('completion')
    .description('print a shell completion script for nouns, verbs and options');
  for (const shell of SHELLS) {
    completion
      .command(shell)
      .description(`print the ${shell} completion script`)
      .addHelpText(
        'after',
        examples(
          shell === 'fish'
            ? 'jirats completion fish > ~/.config/fish/completions/jirats.fish'
            : `source <(jirats completion ${shell})`,
        ),
      )
      .action(() => {
        const aliases = aliasList().map((a) => a.alias);
        process.stdout.write(completionScript(shell, treeOf(program), aliases));
      });
  }
}
