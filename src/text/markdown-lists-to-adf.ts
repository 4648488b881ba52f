import type { List, ListItem, RootContent } from 'mdast';
import { type Container, emptyParagraph, inlineOf } from './adf-content-rules.js';
import { trimInline } from './adf-inline-tidy.js';
import type { AdfNode } from './adf-types.js';
import type { MarkdownContext } from './markdown-context.js';
import { phrasingToAdf } from './markdown-inline-to-adf.js';

/** The block converter, passed in: list items hold blocks, and blocks hold lists. */
export type BlocksToAdf = (
  nodes: readonly RootContent[],
  ctx: MarkdownContext,
  container: Container,
) => AdfNode[];

const LIST_ITEM_STARTS = new Set(['paragraph', 'mediaSingle', 'codeBlock']);

/** Convert an mdast list; runs of task items become task lists, the rest bullet or ordered lists. */
export function listToAdf(list: List, ctx: MarkdownContext, blocksToAdf: BlocksToAdf): AdfNode[] {
  const out: AdfNode[] = [];
  let run: ListItem[] = [];
  let runIsTask = false;
  let start = list.start ?? 1;
  const flush = (): void => {
    if (run.length === 0) return;
    out.push(
      runIsTask
        ? taskListToAdf(run, ctx, blocksToAdf)
        : plainListToAdf(run, list.ordered === true, start, ctx, blocksToAdf),
    );
    start += run.length;
    run = [];
  };
  for (const item of list.children) {
    const isTask = typeof item.checked === 'boolean';
    if (run.length > 0 && isTask !== runIsTask) flush();
    runIsTask = isTask;
    run.push(item);
  }
  flush();
  return out;
}

function plainListToAdf(
  items: ListItem[],
  ordered: boolean,
  start: number,
  ctx: MarkdownContext,
  blocksToAdf: BlocksToAdf,
): AdfNode {
  const content = items.map((item) => listItemToAdf(item, ctx, blocksToAdf));
  return ordered
    ? { type: 'orderedList', attrs: { order: start }, content }
    : { type: 'bulletList', content };
}

function listItemToAdf(item: ListItem, ctx: MarkdownContext, blocksToAdf: BlocksToAdf): AdfNode {
  const content = blocksToAdf(item.children, ctx, 'listItem');
  // Jira's editor wants a list item to open with a paragraph (or media / code), never a nested list.
  if (!LIST_ITEM_STARTS.has(content[0]?.type ?? '')) content.unshift(emptyParagraph());
  return { type: 'listItem', content };
}

function taskListToAdf(items: ListItem[], ctx: MarkdownContext, blocksToAdf: BlocksToAdf): AdfNode {
  const content: AdfNode[] = [];
  for (const item of items) {
    const [first, ...rest] = item.children;
    const inline =
      first?.type === 'paragraph'
        ? phrasingToAdf(first.children, ctx, { media: false, lineBreaks: true })
        : [];
    const nested: AdfNode[] = [];
    const others = first?.type === 'paragraph' ? rest : item.children;
    for (const child of others) {
      if (child.type === 'list') {
        for (const block of listToAdf(child, ctx, blocksToAdf)) {
          if (block.type === 'taskList') nested.push(block);
          else appendBlockText(inline, block);
        }
      } else {
        for (const block of blocksToAdf([child], ctx, 'doc')) appendBlockText(inline, block);
      }
    }
    trimInline(inline);
    content.push({
      type: 'taskItem',
      attrs: { localId: ctx.nextId(), state: item.checked ? 'DONE' : 'TODO' },
      content: inline,
    });
    content.push(...nested);
  }
  return { type: 'taskList', attrs: { localId: ctx.nextId() }, content };
}

// A task item holds inline content only: other blocks under it join its text after a line break.
function appendBlockText(inline: AdfNode[], block: AdfNode): void {
  const part = inlineOf(block);
  if (part.length === 0) return;
  if (inline.length > 0) inline.push({ type: 'hardBreak' });
  inline.push(...part);
}
