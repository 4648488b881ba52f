import type { Command } from 'commander';
import { aliasesOf } from '../aliases.js';
import type { Context } from '../context.js';
import { usageError } from '../exit-codes.js';
import { parseJsonInput, readInput } from '../io/read-input.js';
import { printJsonDocument, printText } from '../output/text-output.js';
import { examples, run } from './run.js';

const INPUT = 'Markdown file to read; - or nothing reads stdin';

/** Registers `adf from-markdown` and `adf to-markdown`. */
export function register(program: Command): void {
  const adf = program
    .command('adf')
    .description('convert between Markdown and Atlassian Document Format (Cloud rich text)');

  adf
    .command('from-markdown')
    .description(
      `print Markdown as an ADF document (JiraPS: ${aliasesOf('adf', 'from-markdown').join(', ')})`,
    )
    .argument('[file]', INPUT)
    .addHelpText(
      'after',
      examples(
        'jirats adf from-markdown notes.md',
        "printf '**Steps**\\n\\n1. Open the cart\\n' | jirats adf from-markdown",
        'jirats adf from-markdown notes.md -o ndjson      # on one line',
      ),
    )
    .action(run(fromMarkdown));

  adf
    .command('to-markdown')
    .description(`print an ADF document as Markdown (JiraPS: ${aliasesOf('adf', 'to-markdown').join(', ')})`)
    .argument('[file]', 'ADF JSON file to read; - or nothing reads stdin')
    .addHelpText(
      'after',
      examples(
        'jirats adf to-markdown description.json',
        'jirats invoke GET /rest/api/3/issue/DEMO-1 --query fields=description | jq .fields.description | jirats adf to-markdown',
      ),
    )
    .action(run(toMarkdown));
}

async function fromMarkdown(ctx: Context, file: string | undefined): Promise<void> {
  const markdown = await readInput(file);
  const { markdownToAdf } = await import('../../text/index.js');
  await printJsonDocument(ctx.terminal, ctx.format, markdownToAdf(markdown));
}

async function toMarkdown(ctx: Context, file: string | undefined): Promise<void> {
  const expected = 'an ADF document: {"type":"doc","version":1,"content":[...]}';
  const value = parseJsonInput(await readInput(file), expected);
  const { adfToMarkdown, isAdfDoc } = await import('../../text/index.js');
  if (!isAdfDoc(value)) {
    throw usageError(
      `the input is not an ADF document (${shapeOf(value)})`,
      `expected ${expected}, such as the value of a Cloud v3 description`,
    );
  }
  await printText(ctx.terminal, adfToMarkdown(value));
}

/** What the top-level JSON value is, for the error line. */
function shapeOf(value: unknown): string {
  if (value === null) return 'got null';
  if (Array.isArray(value)) return 'got an array';
  if (typeof value !== 'object') return `got a ${typeof value}`;
  const type = (value as Record<string, unknown>).type;
  if (type === undefined) return 'an object without "type"';
  if (type !== 'doc') return `its type is ${JSON.stringify(type)}, not "doc"`;
  return '"content" is not an array';
}
