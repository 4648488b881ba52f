/**
 * The CLI's commands as plain data, read from the commander definitions themselves, so the completion scripts
 * and docs/commands.md can never disagree with what the CLI accepts.
 */
import type { Command } from 'commander';
import { JIRAPS_ALIASES } from './aliases.js';

/** One option of a command. */
export interface OptionNode {
  flags: string;
  long?: string;
  short?: string;
  description: string;
  takesValue: boolean;
}

/** A command with its arguments, options and sub-commands. */
export interface CommandNode {
  name: string;
  /** Words from the root, e.g. `['issue', 'get']`. */
  path: string[];
  description: string;
  usage: string;
  options: OptionNode[];
  commands: CommandNode[];
}

/** The tree of a root command as registered so far. */
export function treeOf(program: Command): CommandNode {
  return toNode(program, []);
}

/** JiraPS names and the words they stand for, sorted by name. */
export function aliasList(): { alias: string; words: readonly string[] }[] {
  return Object.entries(JIRAPS_ALIASES)
    .map(([alias, words]) => ({ alias, words }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
}

function toNode(command: Command, parent: string[]): CommandNode {
  const path = parent.length === 0 && command.name() === 'jirats' ? [] : [...parent, command.name()];
  return {
    name: command.name(),
    path,
    description: command.description(),
    usage: command.usage(),
    options: command.options
      .filter((o) => !o.hidden)
      .map((o) => ({
        flags: o.flags,
        ...(o.long ? { long: o.long } : {}),
        ...(o.short ? { short: o.short } : {}),
        description: o.description,
        takesValue: o.required || o.optional,
      })),
    commands: command.commands.map((c) => toNode(c, path)).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
