import type { BlockContent, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { inlineToMdast, stringAttr } from './adf-inline-to-mdast.js';
import { adfTableToMdast } from './adf-table-to-mdast.js';
import type { AdfNode } from './adf-types.js';
import { alertForPanelType } from './alert-panels.js';
import { DETAILS_CLOSE_HTML, detailsOpenHtml } from './details-html.js';
import './mdast-jira-nodes.js';

type Flow = RootContent;

const INLINE_TYPES = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'date',
  'status',
  'inlineCard',
  'mediaInline',
  'placeholder',
  'inlineExtension',
]);

/** True for ADF node types that sit inside a paragraph rather than on their own. */
export function isInlineType(type: string): boolean {
  return INLINE_TYPES.has(type);
}

/** Convert ADF blocks to mdast flow content; stray inline nodes are gathered into paragraphs. */
export function blocksToMdast(nodes: readonly AdfNode[]): Flow[] {
  const out: Flow[] = [];
  let inline: AdfNode[] = [];
  const flush = (): void => {
    if (inline.length > 0) pushParagraph(out, inline);
    inline = [];
  };
  for (const node of nodes) {
    if (isInlineType(node.type)) {
      inline.push(node);
      continue;
    }
    flush();
    blockToMdast(node, out);
  }
  flush();
  return out;
}

function pushParagraph(out: Flow[], inline: readonly AdfNode[]): void {
  const children = inlineToMdast(inline, 'paragraph');
  if (children.length > 0) out.push({ type: 'paragraph', children });
}

function blockToMdast(node: AdfNode, out: Flow[]): void {
  const attrs = node.attrs ?? {};
  const content = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      pushParagraph(out, content);
      return;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Math.trunc(Number(attrs.level) || 1))) as 1 | 2 | 3 | 4 | 5 | 6;
      out.push({ type: 'heading', depth: level, children: inlineToMdast(content, 'heading') });
      return;
    }
    case 'bulletList':
    case 'orderedList': {
      const items = content.map(listItemToMdast);
      if (items.length === 0) return;
      const order = Number(attrs.order);
      const start = node.type === 'orderedList' ? (Number.isInteger(order) && order >= 0 ? order : 1) : null;
      out.push({ type: 'list', ordered: node.type === 'orderedList', start, spread: false, children: items });
      return;
    }
    case 'taskList':
    case 'decisionList': {
      const items = checklistItems(node);
      if (items.length > 0) out.push({ type: 'list', ordered: false, spread: false, children: items });
      return;
    }
    case 'blockquote':
      out.push({ type: 'blockquote', children: asBlocks(blocksToMdast(content)) });
      return;
    case 'codeBlock': {
      const language = stringAttr(attrs.language).trim().split(/\s+/)[0] ?? '';
      const value = content.map((child) => child.text ?? '').join('');
      out.push({ type: 'code', lang: language || null, meta: null, value });
      return;
    }
    case 'rule':
      out.push({ type: 'thematicBreak' });
      return;
    case 'panel':
      out.push({
        type: 'jiraAlert',
        alert: alertForPanelType(attrs.panelType),
        children: asBlocks(blocksToMdast(content)),
      });
      return;
    case 'expand':
    case 'nestedExpand': {
      const title = typeof attrs.title === 'string' ? attrs.title : undefined;
      out.push({ type: 'html', value: detailsOpenHtml(title) }, ...blocksToMdast(content), {
        type: 'html',
        value: DETAILS_CLOSE_HTML,
      });
      return;
    }
    case 'table': {
      const table = adfTableToMdast(node);
      if (table) out.push(table);
      return;
    }
    case 'mediaSingle':
    case 'mediaGroup':
      mediaToMdast(node, out);
      return;
    case 'media':
    case 'blockCard':
    case 'embedCard':
      pushParagraph(out, [node]);
      return;
    case 'extension':
    case 'inlineExtension': {
      const key = stringAttr(attrs.extensionKey) || node.type;
      const text = stringAttr(attrs.text);
      if (text) pushParagraph(out, [{ type: 'text', text }]);
      else out.push({ type: 'html', value: `<!-- jira ${node.type}: ${key.replace(/-->/g, '')} -->` });
      return;
    }
    default:
      out.push(
        ...blocksToMdast(content.length > 0 ? content : node.text ? [{ type: 'text', text: node.text }] : []),
      );
  }
}

function listItemToMdast(node: AdfNode): ListItem {
  const content = node.type === 'listItem' ? (node.content ?? []) : [node];
  return { type: 'listItem', spread: false, checked: null, children: asBlocks(blocksToMdast(content)) };
}

// Task and decision lists: items hold inline content; a nested task list belongs to the item before it.
function checklistItems(node: AdfNode): ListItem[] {
  const items: ListItem[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'taskList' || child.type === 'decisionList') {
      const nested = checklistItems(child);
      if (nested.length === 0) continue;
      const list: RootContent = { type: 'list', ordered: false, spread: false, children: nested };
      const previous = items[items.length - 1];
      if (previous) previous.children.push(list);
      else items.push({ type: 'listItem', spread: false, checked: false, children: [emptyTaskText(), list] });
      continue;
    }
    const isTask = child.type === 'taskItem' || child.type === 'blockTaskItem';
    const checked = isTask ? child.attrs?.state === 'DONE' : null;
    const children = asBlocks(blocksToMdast(child.content ?? []));
    if (isTask && children[0]?.type !== 'paragraph') children.unshift(emptyTaskText());
    items.push({ type: 'listItem', spread: false, checked, children });
  }
  return items;
}

// `- [ ]` with nothing after it is not a task in Markdown; an encoded space keeps the box and reads back empty.
function emptyTaskText(): Paragraph {
  return { type: 'paragraph', children: [{ type: 'html', value: '&#x20;' }] };
}

function mediaToMdast(node: AdfNode, out: Flow[]): void {
  const link = node.marks?.find((mark) => mark.type === 'link');
  const href = stringAttr(link?.attrs?.href);
  const images: PhrasingContent[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'caption') continue;
    for (const image of inlineToMdast([child], 'paragraph')) {
      if (images.length > 0) images.push({ type: 'text', value: ' ' });
      images.push(href ? { type: 'link', url: href, title: null, children: [image] } : image);
    }
  }
  if (images.length > 0) out.push({ type: 'paragraph', children: images });
  for (const child of node.content ?? []) {
    if (child.type === 'caption') pushParagraph(out, child.content ?? []);
  }
}

function asBlocks(nodes: Flow[]): BlockContent[] {
  return nodes as BlockContent[];
}

/** A paragraph node from phrasing, for callers building cells. */
export function paragraphOf(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}
