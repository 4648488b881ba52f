import type { List, RootContent } from 'mdast';
import { alertForPanelType, takeAlertMarker } from './alert-panels.js';
import { detailsEvents } from './details-html.js';
import { parseMarkdownChunks } from './markdown-chunks.js';
import { createMarkdownContext, type MarkdownContext, mdastText } from './markdown-context.js';
import { escapeWikiText } from './wiki-escape.js';
import { phrasingToWiki } from './wiki-inline-from-markdown.js';
import { wikiPanelOpen } from './wiki-panels.js';

/** Convert Markdown to Jira wiki markup (Data Center and v2 text fields). */
export function markdownToWiki(markdown: string): string {
  const source = typeof markdown === 'string' ? markdown : String(markdown ?? '');
  const chunks = parseMarkdownChunks(source);
  const ctx = createMarkdownContext(
    source,
    chunks.map((chunk) => chunk.tree),
  );
  const blocks = chunks.flatMap((chunk) =>
    blocksToWiki(chunk.tree.children, { ...ctx, source: chunk.source }),
  );
  return blocks.join('\n\n');
}

function blocksToWiki(nodes: readonly RootContent[], ctx: MarkdownContext): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const wiki = blockToWiki(node, ctx);
    if (wiki) out.push(wiki);
  }
  return out;
}

/** Quotes and lists nested deeper than this are written as their text (guards the stack). */
const MAX_NESTING = 100;

function blockToWiki(node: RootContent, ctx: MarkdownContext): string {
  if ((node.type === 'blockquote' || node.type === 'list') && ctx.depth >= MAX_NESTING) {
    return escapeWikiText(mdastText(node), { lineStart: true, separators: false });
  }
  switch (node.type) {
    case 'paragraph':
      return phrasingToWiki(node.children, ctx, 'paragraph');
    case 'heading':
      return `h${node.depth}. ${phrasingToWiki(node.children, ctx, 'line')}`;
    case 'thematicBreak':
      return '----';
    case 'blockquote': {
      const panelType = takeAlertMarker(node, ctx.source);
      const body = blocksToWiki(node.children, { ...ctx, depth: ctx.depth + 1 }).join('\n\n');
      if (panelType) return `${wikiPanelOpen(alertForPanelType(panelType))}\n${body}\n{panel}`;
      return `{quote}\n${body}\n{quote}`;
    }
    case 'list':
      return listToWiki(node, '', ctx).join('\n');
    case 'code':
      return node.lang
        ? `{code:${node.lang}}\n${node.value}\n{code}`
        : `{noformat}\n${node.value}\n{noformat}`;
    case 'table':
      return tableToWiki(node, ctx);
    case 'html':
      return htmlToWiki(node.value);
    case 'definition':
      return '';
    case 'footnoteDefinition':
      return `[^${escapeWikiText(node.label ?? node.identifier, { lineStart: false, separators: true })}]: ${blocksToWiki(node.children, ctx).join(' ')}`;
    default:
      return 'value' in node && typeof node.value === 'string'
        ? escapeWikiText(node.value, { lineStart: true, separators: false })
        : '';
  }
}

function listToWiki(list: List, prefix: string, ctx: MarkdownContext): string[] {
  const marker = `${prefix}${list.ordered ? '#' : '*'}`;
  const lines: string[] = [];
  for (const item of list.children) {
    const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
    const texts: string[] = [];
    const nested: string[] = [];
    for (const child of item.children) {
      if (child.type === 'list' && marker.length < MAX_NESTING)
        nested.push(...listToWiki(child, marker, ctx));
      else if (child.type === 'paragraph' || child.type === 'heading')
        texts.push(phrasingToWiki(child.children, ctx, 'line'));
      else if (child.type === 'code') texts.push(`{{${child.value.replace(/\s+/g, ' ')}}}`);
      else texts.push(blocksToWiki([child], ctx).join(' ').replace(/\n+/g, ' \\\\ '));
    }
    lines.push(`${marker} ${box}${texts.filter(Boolean).join(' \\\\ ')}`.trimEnd(), ...nested);
  }
  return lines;
}

function tableToWiki(table: Extract<RootContent, { type: 'table' }>, ctx: MarkdownContext): string {
  const rows = table.children.map((row) =>
    row.children.map((cell) => phrasingToWiki(cell.children, ctx, 'cell')),
  );
  const [header, ...body] = rows;
  const lines: string[] = [];
  if (header?.some((cell) => cell !== '')) lines.push(`||${header.map((cell) => cell || ' ').join('||')}||`);
  for (const row of body) lines.push(`|${row.map((cell) => cell || ' ').join('|')}|`);
  return lines.join('\n');
}

// Expands have no wiki equivalent in Jira: the title becomes a bold line and the content follows.
function htmlToWiki(value: string): string {
  if (/^\s*<!--[\s\S]*-->\s*$/.test(value)) return '';
  const events = detailsEvents(value);
  if (!events) return escapeWikiText(value, { lineStart: true, separators: false });
  const parts: string[] = [];
  for (const event of events) {
    if (event.kind === 'title' && event.title)
      parts.push(`*${escapeWikiText(event.title, { lineStart: false, separators: false })}*`);
    if (event.kind === 'markdown') parts.push(markdownToWiki(event.text));
  }
  return parts.join('\n\n');
}
