import type { Command } from 'commander';
import type { Context } from '../context.js';
import { readInput } from '../io/read-input.js';
import { printText } from '../output/text-output.js';
import { examples, run } from './run.js';

/** Registers `wiki from-markdown` and `wiki to-markdown`. */
export function register(program: Command): void {
  const wiki = program
    .command('wiki')
    .description('convert between Markdown and Jira wiki markup (Data Center and v2 rich text)');

  wiki
    .command('from-markdown')
    .description('print Markdown as Jira wiki markup')
    .argument('[file]', 'Markdown file to read; - or nothing reads stdin')
    .addHelpText(
      'after',
      examples(
        'jirats wiki from-markdown notes.md',
        "printf '# Title\\n\\n*item*\\n' | jirats wiki from-markdown",
      ),
    )
    .action(run(fromMarkdown));

  wiki
    .command('to-markdown')
    .description('print Jira wiki markup as Markdown')
    .argument('[file]', 'wiki markup file to read; - or nothing reads stdin')
    .addHelpText(
      'after',
      examples(
        'jirats wiki to-markdown description.txt',
        "printf 'h1. Title\\n\\n* *bold* item\\n' | jirats wiki to-markdown",
      ),
    )
    .action(run(toMarkdown));
}

async function fromMarkdown(ctx: Context, file: string | undefined): Promise<void> {
  const markdown = await readInput(file);
  const { markdownToWiki } = await import('../../text/index.js');
  await printText(ctx.terminal, markdownToWiki(markdown));
}

async function toMarkdown(ctx: Context, file: string | undefined): Promise<void> {
  const wiki = await readInput(file);
  const { wikiToMarkdown } = await import('../../text/index.js');
  await printText(ctx.terminal, wikiToMarkdown(wiki));
}
