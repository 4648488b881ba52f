import type { PhrasingContent } from 'mdast';
import { classifyInlineHtml } from './inline-html-marks.js';
import { parseJiraLinkUrl, timestampToLabel } from './jira-inline-syntax.js';
import type { MarkdownContext } from './markdown-context.js';
import { mdastText } from './markdown-context.js';
import { escapeWikiText } from './wiki-escape.js';

/** Where inline wiki lands: paragraphs keep line ends; list items, cells and headings need one line. */
export type WikiInlineMode = 'paragraph' | 'line' | 'cell';

interface WikiInlineState {
  ctx: MarkdownContext;
  mode: WikiInlineMode;
  parts: string[];
  // Open <span>s, each remembering whether it printed {color}, so the closing tag knows what to print.
  spans: boolean[];
  inLabel: boolean;
}

/** Convert mdast phrasing to wiki inline markup. */
export function phrasingToWiki(
  nodes: readonly PhrasingContent[],
  ctx: MarkdownContext,
  mode: WikiInlineMode,
): string {
  const state: WikiInlineState = { ctx, mode, parts: [], spans: [], inLabel: false };
  for (const node of nodes) convert(state, node);
  const wiki = state.parts.join('');
  // A line break at either end of a one-line context means nothing and would read back as a space.
  return mode === 'paragraph' ? wiki.trim() : wiki.replace(/^(?:\s|\\\\)+|(?:\s|\\\\)+$/g, '');
}

function atLineStart(state: WikiInlineState): boolean {
  const last = state.parts[state.parts.length - 1];
  return last === undefined || last.endsWith('\n');
}

function text(state: WikiInlineState, value: string): void {
  const separators = state.mode === 'cell' || state.inLabel;
  let source = value;
  if (state.mode !== 'paragraph')
    source = source.replace(/[ \t]*(?:\r?\n|\r)[ \t]*/g, state.mode === 'line' ? ' \\\\ ' : ' ');
  state.parts.push(escapeWikiText(source, { lineStart: atLineStart(state), separators }));
}

function wrap(state: WikiInlineState, marker: string, children: readonly PhrasingContent[]): void {
  state.parts.push(marker);
  for (const child of children) convert(state, child);
  state.parts.push(marker);
}

function convert(state: WikiInlineState, node: PhrasingContent): void {
  switch (node.type) {
    case 'text':
      text(state, node.value);
      return;
    case 'strong':
      wrap(state, '*', node.children);
      return;
    case 'emphasis':
      wrap(state, '_', node.children);
      return;
    case 'delete':
      wrap(state, '-', node.children);
      return;
    case 'inlineCode':
      state.parts.push(`{{${node.value.replace(/([{}*_\-+^~?![\]|\\])/g, '\\$1')}}}`);
      return;
    case 'break':
      state.parts.push(state.mode === 'paragraph' ? '\n' : ' \\\\ ');
      return;
    case 'link':
      link(state, node.url, node.children);
      return;
    case 'linkReference': {
      const definition = state.ctx.definitions.get(node.identifier);
      if (definition) link(state, definition.url, node.children);
      else for (const child of node.children) convert(state, child);
      return;
    }
    case 'image':
      image(state, node.url, node.alt ?? '');
      return;
    case 'imageReference': {
      const definition = state.ctx.definitions.get(node.identifier);
      if (definition) image(state, definition.url, node.alt ?? '');
      else text(state, node.alt ?? '');
      return;
    }
    case 'html':
      html(state, node.value);
      return;
    case 'emojiShortcode':
      state.parts.push(`:${node.name}:`);
      return;
    default:
      text(state, mdastText(node));
  }
}

function link(state: WikiInlineState, url: string, children: readonly PhrasingContent[]): void {
  const target = parseJiraLinkUrl(url);
  const label = mdastText({ type: 'paragraph', children: [...children] });
  if (target?.kind === 'mention') {
    const last = state.parts[state.parts.length - 1];
    if (last?.endsWith('@')) state.parts[state.parts.length - 1] = last.slice(0, -1);
    state.parts.push(target.scheme === 'accountid' ? `[~accountid:${target.id}]` : `[~${target.id}]`);
    return;
  }
  if (target?.kind === 'date') {
    text(state, timestampToLabel(target.timestamp));
    return;
  }
  if (target?.kind === 'status') {
    state.parts.push(`*${escapeWikiText(label.toUpperCase(), { lineStart: false, separators: true })}*`);
    return;
  }
  if (target?.kind === 'emoji') {
    state.parts.push(`:${target.name}:`);
    return;
  }
  if (!url) {
    for (const child of children) convert(state, child);
    return;
  }
  // `|` and `]` end a wiki link target and cannot be escaped there: percent-encode them (and spaces).
  const href = url.replace(
    /[|\]\s[]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  if (label === url) {
    state.parts.push(`[${href}]`);
    return;
  }
  state.parts.push('[');
  const wasInLabel = state.inLabel;
  state.inLabel = true;
  for (const child of children) convert(state, child);
  state.inLabel = wasInLabel;
  state.parts.push(`|${href}]`);
}

function image(state: WikiInlineState, url: string, alt: string): void {
  const source = url.toLowerCase().startsWith('media:') ? alt || url : url;
  // A `|` inside a table cell would split the cell, so images there carry no parameters.
  const safeAlt = state.mode === 'cell' || state.inLabel ? '' : alt.replace(/[|!,"]/g, ' ').trim();
  state.parts.push(safeAlt && source !== alt ? `!${source}|alt="${safeAlt}"!` : `!${source}!`);
}

function html(state: WikiInlineState, value: string): void {
  const meaning = classifyInlineHtml(value);
  switch (meaning.kind) {
    case 'break':
      state.parts.push(state.mode === 'paragraph' ? '\n' : ' \\\\ ');
      return;
    case 'comment':
      return;
    case 'open':
      if (meaning.tag === 'span') {
        const color = meaning.mark?.attrs?.color;
        state.spans.push(typeof color === 'string');
        if (typeof color === 'string') state.parts.push(`{color:${color}}`);
      } else state.parts.push(WIKI_TAG_MARKERS[meaning.tag] ?? '');
      return;
    case 'close':
      if (meaning.tag === 'span') {
        if (state.spans.pop()) state.parts.push('{color}');
      } else state.parts.push(WIKI_TAG_MARKERS[meaning.tag] ?? '');
      return;
    default:
      text(state, value);
  }
}

const WIKI_TAG_MARKERS: Readonly<Record<string, string>> = { u: '+', sub: '~', sup: '^' };
