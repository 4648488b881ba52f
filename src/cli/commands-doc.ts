/**
 * docs/commands.md, rendered from the commander definitions of every noun: `npm run docs:commands` writes it,
 * and a test fails when the file in the repository is stale.
 */
import { aliasList, type CommandNode, treeOf } from './command-tree.js';
import { NOUNS } from './commands/index.js';
import { createProgram } from './program.js';

/** The tree with every noun registered. */
export async function fullTree(): Promise<CommandNode> {
  const program = createProgram();
  for (const noun of NOUNS) (await noun.load()).register(program);
  return treeOf(program);
}

/** The Markdown of docs/commands.md. */
export async function commandsMarkdown(): Promise<string> {
  const root = await fullTree();
  const lines = [
    '# Command reference',
    '',
    "Generated from the CLI's own definitions by `npm run docs:commands`; do not edit by hand.",
    'Every command also takes the global options listed first. `jirats <command> --help` shows the same,',
    'with examples.',
    '',
    '## Global options',
    '',
    ...optionLines(root),
    '',
  ];
  const walk = (node: CommandNode): void => {
    if (node.path.length > 0) {
      lines.push(`${'#'.repeat(Math.min(node.path.length + 1, 4))} jirats ${node.path.join(' ')}`, '');
      if (node.description) lines.push(node.description, '');
      if (node.commands.length === 0) {
        lines.push('```', `jirats ${node.path.join(' ')} ${node.usage}`.trim(), '```', '');
        if (node.options.length > 0) lines.push(...optionLines(node), '');
      }
    }
    node.commands.filter((c) => c.name !== 'help').forEach(walk);
  };
  walk(root);
  lines.push('## JiraPS command names', '', '| JiraPS name | runs |', '|---|---|');
  for (const { alias, words } of aliasList()) lines.push(`| \`${alias}\` | \`jirats ${words.join(' ')}\` |`);
  return `${lines.join('\n')}\n`;
}

function optionLines(node: CommandNode): string[] {
  return node.options.map((o) => `- \`${o.flags}\`: ${o.description.replace(/\s+/g, ' ')}`);
}
