import type { Blockquote, Code, Heading, Paragraph, RootContent } from 'mdast';
import { type Container, fitBlocks, nonEmpty } from './adf-content-rules.js';
import { mergeText, splitAtMedia, trimInline } from './adf-inline-tidy.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import { takeAlertMarker } from './alert-panels.js';
import { detailsEvents } from './details-html.js';
import type { MarkdownChunk } from './markdown-chunks.js';
import { collectDefinitions, type MarkdownContext, mdastText } from './markdown-context.js';
import { phrasingToAdf } from './markdown-inline-to-adf.js';
import { listToAdf } from './markdown-lists-to-adf.js';
import { parseMarkdown } from './markdown-parse.js';
import { tableToAdf } from './markdown-table-to-adf.js';

interface ExpandFrame {
  title: string | undefined;
  blocks: AdfNode[];
}

/** Convert a sequence of mdast block nodes into ADF blocks that fit `container`. */
export function blocksToAdf(
  nodes: readonly RootContent[],
  ctx: MarkdownContext,
  container: Container,
): AdfNode[] {
  return fitBlocks(convertSequence([{ source: ctx.source, nodes }], ctx), container);
}

/** Convert a whole document parsed in pieces, in order, as one sequence (an expand may span pieces). */
export function chunksToAdf(chunks: readonly MarkdownChunk[], ctx: MarkdownContext): AdfNode[] {
  const pieces = chunks.map((chunk) => ({ source: chunk.source, nodes: chunk.tree.children }));
  return fitBlocks(convertSequence(pieces, ctx), 'doc');
}

interface SourcedNodes {
  source: string;
  nodes: readonly RootContent[];
}

// `<details>` open and close tags arrive as separate HTML blocks around ordinary Markdown, so expands are
// assembled here with a stack rather than by the tree.
function convertSequence(pieces: readonly SourcedNodes[], outer: MarkdownContext): AdfNode[] {
  const stack: ExpandFrame[] = [{ title: undefined, blocks: [] }];
  const top = (): ExpandFrame => stack[stack.length - 1] as ExpandFrame;
  const closeTop = (): void => {
    const frame = stack.pop() as ExpandFrame;
    const attrs: Record<string, unknown> = frame.title === undefined ? {} : { title: frame.title };
    top().blocks.push({ type: 'expand', attrs, content: nonEmpty(fitBlocks(frame.blocks, 'expand')) });
  };
  for (const piece of pieces) {
    const ctx = { ...outer, source: piece.source };
    for (const node of piece.nodes) {
      const events = node.type === 'html' ? detailsEvents(node.value) : undefined;
      if (!events) {
        convertBlock(node, ctx, top().blocks);
        continue;
      }
      for (const event of events) {
        if (event.kind === 'open') stack.push({ title: undefined, blocks: [] });
        else if (event.kind === 'title') {
          if (stack.length > 1) top().title = event.title;
        } else if (event.kind === 'close') {
          if (stack.length > 1) closeTop();
        } else top().blocks.push(...markdownFragmentToAdf(event.text, ctx));
      }
    }
  }
  while (stack.length > 1) closeTop();
  return top().blocks;
}

function markdownFragmentToAdf(text: string, ctx: MarkdownContext): AdfNode[] {
  const tree = parseMarkdown(text);
  collectDefinitions(tree, ctx.definitions);
  return convertSequence([{ source: text, nodes: tree.children }], ctx);
}

/** Containers nested deeper than this keep their text as a paragraph (guards the stack). */
const MAX_NESTING = 100;

function convertBlock(node: RootContent, ctx: MarkdownContext, out: AdfNode[]): void {
  if ((node.type === 'blockquote' || node.type === 'list') && ctx.depth >= MAX_NESTING) {
    out.push(...textParagraph(mdastText(node), ctx));
    return;
  }
  switch (node.type) {
    case 'paragraph':
      out.push(...paragraphToAdf(node, ctx));
      return;
    case 'heading':
      out.push(headingToAdf(node, ctx));
      return;
    case 'thematicBreak':
      out.push({ type: 'rule' });
      return;
    case 'blockquote':
      out.push(blockquoteToAdf(node, { ...ctx, depth: ctx.depth + 1 }));
      return;
    case 'list':
      out.push(...listToAdf(node, { ...ctx, depth: ctx.depth + 1 }, blocksToAdf));
      return;
    case 'code':
      out.push(codeToAdf(node));
      return;
    case 'table': {
      const table = tableToAdf(node, ctx);
      if (table) out.push(table);
      return;
    }
    case 'html':
      if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) out.push(...textParagraph(node.value, ctx));
      return;
    case 'definition':
      return;
    case 'footnoteDefinition': {
      const blocks = convertSequence([{ source: ctx.source, nodes: node.children }], ctx);
      const label = `[^${node.label ?? node.identifier}]:`;
      const first = blocks[0];
      if (first?.type === 'paragraph')
        first.content = mergeText([{ type: 'text', text: `${label} ` }, ...(first.content ?? [])]);
      else blocks.unshift({ type: 'paragraph', content: [{ type: 'text', text: label }] });
      out.push(...blocks);
      return;
    }
    default:
      if ('value' in node && typeof node.value === 'string') out.push(...textParagraph(node.value, ctx));
  }
}

/** A paragraph's inline content, split around images, which ADF holds as blocks of their own. */
export function paragraphToAdf(node: Paragraph, ctx: MarkdownContext, marks?: AdfMark[]): AdfNode[] {
  return splitAtMedia(phrasingToAdf(node.children, ctx, { media: true, lineBreaks: true }), marks);
}

function headingToAdf(node: Heading, ctx: MarkdownContext): AdfNode {
  const content = phrasingToAdf(node.children, ctx, { media: false, lineBreaks: false });
  trimInline(content);
  return { type: 'heading', attrs: { level: node.depth }, content };
}

function blockquoteToAdf(node: Blockquote, ctx: MarkdownContext): AdfNode {
  const panelType = takeAlertMarker(node, ctx.source);
  if (panelType) {
    return {
      type: 'panel',
      attrs: { panelType },
      content: nonEmpty(blocksToAdf(node.children, ctx, 'panel')),
    };
  }
  return { type: 'blockquote', content: nonEmpty(blocksToAdf(node.children, ctx, 'blockquote')) };
}

function codeToAdf(node: Code): AdfNode {
  const block: AdfNode = { type: 'codeBlock' };
  if (node.lang) block.attrs = { language: node.lang };
  block.content = node.value ? [{ type: 'text', text: node.value }] : [];
  return block;
}

function textParagraph(text: string, ctx: MarkdownContext): AdfNode[] {
  return splitAtMedia(
    phrasingToAdf([{ type: 'text', value: text }], ctx, { media: false, lineBreaks: true }),
  );
}
