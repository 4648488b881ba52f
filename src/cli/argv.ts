import type { Command } from 'commander';
import { expandAlias } from './aliases.js';

/**
 * Finds the command word in argv without parsing it: skips the global options (and the values of those that
 * take one) up to the first word. A JiraPS alias in that place is replaced by the words it stands for.
 * Returns the rewritten argv and the noun, if any.
 */
export function locateCommand(argv: readonly string[], program: Command): { argv: string[]; noun?: string } {
  const takesValue = new Set<string>();
  for (const option of program.options) {
    if (option.required || option.optional) {
      if (option.long) takesValue.add(option.long);
      if (option.short) takesValue.add(option.short);
    }
  }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') return { argv: [...argv] };
    if (word.startsWith('-')) {
      if (!word.includes('=') && takesValue.has(word)) i++;
      continue;
    }
    const expansion = expandAlias(word);
    if (!expansion) return { argv: [...argv], noun: word };
    return { argv: [...argv.slice(0, i), ...expansion, ...argv.slice(i + 1)], noun: expansion[0] };
  }
  return { argv: [...argv] };
}
