import type { PhrasingContent } from 'mdast';
import { mergeText, plainWhitespace, trimAroundBreaks } from './adf-inline-tidy.js';
import { sameMark } from './adf-marks.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import { htmlForMark } from './inline-html-marks.js';
import { stripColons, timestampToDateUrlPart, timestampToLabel } from './jira-inline-syntax.js';
import { imageUrlFromMedia } from './media-syntax.js';
import './mdast-jira-nodes.js';

/** Where inline content lands: line breaks are spelled differently in each. */
export type InlineTarget = 'paragraph' | 'heading' | 'cell';

interface Leaf {
  node: PhrasingContent;
  marks: AdfMark[];
}

const WRAPPING_MARKS = new Set(['link', 'strong', 'em', 'strike', 'underline', 'subsup', 'textColor']);

/** Convert ADF inline nodes to mdast phrasing, nesting marks so each run of formatting opens once. */
export function inlineToMdast(nodes: readonly AdfNode[], target: InlineTarget): PhrasingContent[] {
  const leaves = toLeaves(trimBreaks(mergeText(plainWhitespace(trimAroundBreaks(mergeText(nodes))))), target);
  return hoistWhitespace(nest(leaves));
}

function trimBreaks(nodes: readonly AdfNode[]): AdfNode[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start]?.type === 'hardBreak') start += 1;
  while (end > start && nodes[end - 1]?.type === 'hardBreak') end -= 1;
  return nodes.slice(start, end);
}

function toLeaves(nodes: readonly AdfNode[], target: InlineTarget): Leaf[] {
  const leaves: Leaf[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'hardBreak') {
      leaves.push({ node: breakNode(target, nodes[index - 1]?.type === 'hardBreak'), marks: [] });
      return;
    }
    const marks = (node.marks ?? []).filter((mark) => WRAPPING_MARKS.has(mark.type) && isUsableMark(mark));
    for (const leaf of inlineNodeToMdast(node, target)) leaves.push({ node: leaf, marks });
  });
  return leaves;
}

// Line breaks: a plain line ending in paragraphs (our Markdown reads it back as a hard break), an explicit
// backslash break after another break (a blank line would end the paragraph), <br> in table cells.
function breakNode(target: InlineTarget, afterBreak: boolean): PhrasingContent {
  if (target === 'heading') return { type: 'text', value: ' ' };
  if (target === 'cell') return { type: 'html', value: '<br>' };
  return afterBreak ? { type: 'break' } : { type: 'text', value: '\n' };
}

function isUsableMark(mark: AdfMark): boolean {
  if (mark.type === 'link') return typeof mark.attrs?.href === 'string' && mark.attrs.href !== '';
  if (mark.type === 'subsup' || mark.type === 'textColor' || mark.type === 'underline') {
    return htmlForMark(mark) !== undefined;
  }
  return true;
}

function inlineNodeToMdast(node: AdfNode, target: InlineTarget): PhrasingContent[] {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text':
      return textToMdast(node, target);
    case 'mention': {
      const id = stringAttr(attrs.id) || 'unknown';
      const name = stringAttr(attrs.text).replace(/^@/, '');
      return [
        { type: 'text', value: '@' },
        {
          type: 'link',
          url: `accountid:${id}`,
          title: null,
          children: name ? [{ type: 'text', value: name }] : [],
        },
      ];
    }
    case 'emoji': {
      const name = stripColons(stringAttr(attrs.shortName));
      if (name) return [{ type: 'jiraEmoji', name }];
      return textOnly(stringAttr(attrs.text));
    }
    case 'date': {
      const timestamp = stringAttr(attrs.timestamp);
      if (!timestamp) return [];
      const url = `date:${timestampToDateUrlPart(timestamp)}`;
      return [
        { type: 'link', url, title: null, children: [{ type: 'text', value: timestampToLabel(timestamp) }] },
      ];
    }
    case 'status': {
      const text = stringAttr(attrs.text);
      if (!text.trim()) return [];
      const color = stringAttr(attrs.color) || 'neutral';
      return [
        { type: 'link', url: `status:${color}`, title: null, children: [{ type: 'text', value: text }] },
      ];
    }
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard': {
      const url = stringAttr(attrs.url) || cardDataUrl(attrs.data);
      return url ? [{ type: 'jiraCard', url }] : [];
    }
    case 'media':
    case 'mediaInline': {
      const url = imageUrlFromMedia(attrs);
      return url ? [{ type: 'image', url, alt: stringAttr(attrs.alt) || null, title: null }] : [];
    }
    default:
      return textOnly(node.text ?? (stringAttr(attrs.text) || inlineTextOf(node)));
  }
}

function textToMdast(node: AdfNode, target: InlineTarget): PhrasingContent[] {
  const text = node.text ?? '';
  if (!text) return [];
  if (node.marks?.some((mark) => mark.type === 'code')) {
    return [{ type: 'inlineCode', value: text.replace(/\r?\n|\r/g, ' ') }];
  }
  if (target === 'paragraph') return [{ type: 'text', value: text.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '\n') }];
  const lines = text.split(/\r?\n|\r/);
  const out: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push(breakNode(target, false));
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

function textOnly(text: string): PhrasingContent[] {
  return text ? [{ type: 'text', value: text }] : [];
}

function inlineTextOf(node: AdfNode): string {
  return (node.content ?? []).map((child) => child.text ?? stringAttr(child.attrs?.text) ?? '').join('');
}

function cardDataUrl(data: unknown): string {
  if (typeof data !== 'object' || data === null) return '';
  const record = data as Record<string, unknown>;
  return stringAttr(record.url);
}

/** A string attribute, or '' when absent or not a string. */
export function stringAttr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// Group leaves under marks: at each position open the mark whose run is longest, so `**a *b***` nests once.
function nest(leaves: readonly Leaf[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let index = 0;
  while (index < leaves.length) {
    const leaf = leaves[index] as Leaf;
    if (leaf.marks.length === 0) {
      out.push(leaf.node);
      index += 1;
      continue;
    }
    let best = leaf.marks[0] as AdfMark;
    let bestLength = 0;
    for (const mark of leaf.marks) {
      let end = index + 1;
      while (end < leaves.length && leaves[end]?.marks.some((other) => sameMark(other, mark))) end += 1;
      if (end - index > bestLength) {
        best = mark;
        bestLength = end - index;
      }
    }
    const inner = leaves
      .slice(index, index + bestLength)
      .map((item) => ({ node: item.node, marks: item.marks.filter((mark) => !sameMark(mark, best)) }));
    out.push(...wrap(best, nest(inner)));
    index += bestLength;
  }
  return out;
}

function wrap(mark: AdfMark, children: PhrasingContent[]): PhrasingContent[] {
  switch (mark.type) {
    case 'link': {
      const title = stringAttr(mark.attrs?.title);
      return [{ type: 'link', url: stringAttr(mark.attrs?.href), title: title || null, children }];
    }
    case 'strong':
      return [{ type: 'strong', children }];
    case 'em':
      return [{ type: 'emphasis', children }];
    case 'strike':
      return [{ type: 'delete', children }];
    default: {
      const html = htmlForMark(mark);
      if (!html) return children;
      return [{ type: 'html', value: html.open }, ...children, { type: 'html', value: html.close }];
    }
  }
}

const ATTENTION = new Set(['strong', 'emphasis', 'delete']);

// `** a**` is not bold in Markdown: whitespace at the edge of bold/italic/strike moves outside it.
function hoistWhitespace(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') {
      if ('children' in node)
        node.children = hoistWhitespace(node.children as PhrasingContent[]) as typeof node.children;
      out.push(node);
      continue;
    }
    node.children = hoistWhitespace(node.children as PhrasingContent[]) as typeof node.children;
    if (!ATTENTION.has(node.type)) {
      out.push(node);
      continue;
    }
    const children = node.children as PhrasingContent[];
    const lead = takeEdgeWhitespace(children, 'start');
    const trail = takeEdgeWhitespace(children, 'end');
    if (lead) out.push({ type: 'text', value: lead });
    if (children.length > 0) out.push(node);
    if (trail) out.push({ type: 'text', value: trail });
  }
  return out;
}

function takeEdgeWhitespace(children: PhrasingContent[], edge: 'start' | 'end'): string {
  const index = edge === 'start' ? 0 : children.length - 1;
  const child = children[index];
  if (child?.type !== 'text') return '';
  const match = edge === 'start' ? /^\s+/.exec(child.value) : /\s+$/.exec(child.value);
  if (!match) return '';
  child.value = edge === 'start' ? child.value.slice(match[0].length) : child.value.slice(0, match.index);
  if (!child.value) children.splice(index, 1);
  return match[0];
}
