import type { Link, LinkReference, PhrasingContent } from 'mdast';
import { mergeText, plainWhitespace, trimAroundBreaks } from './adf-inline-tidy.js';
import { canonicalMarks, withMark } from './adf-marks.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import { emojiAttrs } from './emoji-table.js';
import { classifyInlineHtml } from './inline-html-marks.js';
import { type JiraLinkTarget, parseJiraLinkUrl } from './jira-inline-syntax.js';
import { type MarkdownContext, mdastText } from './markdown-context.js';
import { mediaFromImage, mediaSingle } from './media-syntax.js';

/** How phrasing converts in a given block. */
export interface InlineOptions {
  /** Images become `mediaSingle` blocks in the output (the caller splits the paragraph there). */
  media: boolean;
  /** Line breaks become `hardBreak` nodes, or spaces where ADF allows none (headings). */
  lineBreaks: boolean;
}

interface Toggle {
  tag: string;
  mark: AdfMark | undefined;
}

interface InlineState {
  ctx: MarkdownContext;
  options: InlineOptions;
  out: AdfNode[];
  // Marks opened by inline HTML (<u>, <sup>, ...): they span sibling nodes, so they live outside the recursion.
  toggles: Toggle[];
}

/** Convert mdast phrasing to ADF inline nodes; with `media`, images appear as `mediaSingle` blocks. */
export function phrasingToAdf(
  nodes: readonly PhrasingContent[],
  ctx: MarkdownContext,
  options: InlineOptions,
) {
  const state: InlineState = { ctx, options, out: [], toggles: [] };
  walk(state, nodes, []);
  return mergeText(plainWhitespace(trimAroundBreaks(state.out)));
}

function walk(state: InlineState, nodes: readonly PhrasingContent[], marks: AdfMark[]): void {
  for (const node of nodes) convert(state, node, marks);
}

function convert(state: InlineState, node: PhrasingContent, marks: AdfMark[]): void {
  switch (node.type) {
    case 'text':
      emitText(state, node.value, marks);
      return;
    case 'emphasis':
      walk(state, node.children, withMark(marks, { type: 'em' }));
      return;
    case 'strong':
      walk(state, node.children, withMark(marks, { type: 'strong' }));
      return;
    case 'delete':
      walk(state, node.children, withMark(marks, { type: 'strike' }));
      return;
    case 'inlineCode':
      pushText(state, node.value.replace(/\r?\n|\r/g, ' '), withMark(marks, { type: 'code' }), false);
      return;
    case 'break':
      emitBreak(state, marks);
      return;
    case 'link':
      convertLink(state, node, node.url, node.title, marks);
      return;
    case 'linkReference': {
      const definition = state.ctx.definitions.get(node.identifier);
      if (definition) convertLink(state, node, definition.url, definition.title, marks);
      else walk(state, node.children, marks);
      return;
    }
    case 'image':
      convertImage(state, node.url, node.alt ?? '', marks);
      return;
    case 'imageReference': {
      const definition = state.ctx.definitions.get(node.identifier);
      if (definition) convertImage(state, definition.url, node.alt ?? '', marks);
      else emitText(state, node.alt ?? '', marks);
      return;
    }
    case 'html':
      convertHtml(state, node.value, marks);
      return;
    case 'emojiShortcode':
      state.out.push({ type: 'emoji', attrs: emojiAttrs(node.name) });
      return;
    case 'footnoteReference':
      emitText(state, `[^${node.label ?? node.identifier}]`, marks);
      return;
    default:
      emitText(state, mdastText(node), marks);
  }
}

function convertLink(
  state: InlineState,
  node: Link | LinkReference,
  url: string,
  title: string | null | undefined,
  marks: AdfMark[],
): void {
  const target = parseJiraLinkUrl(url);
  if (target) {
    emitJiraNode(state, target, mdastText(node));
    return;
  }
  const offset = node.type === 'link' ? node.position?.start.offset : undefined;
  const isAngleAutolink = offset !== undefined && state.ctx.source.charCodeAt(offset) === 60;
  if (isAngleAutolink && !url.toLowerCase().startsWith('mailto:')) {
    state.out.push({ type: 'inlineCard', attrs: { url } });
    return;
  }
  if (!url) {
    walk(state, node.children, marks);
    return;
  }
  const attrs: Record<string, unknown> = { href: url };
  if (title) attrs.title = title;
  walk(state, node.children, withMark(marks, { type: 'link', attrs }));
}

function emitJiraNode(state: InlineState, target: JiraLinkTarget, label: string): void {
  switch (target.kind) {
    case 'mention': {
      stripMentionAt(state.out);
      const attrs: Record<string, unknown> = { id: target.id };
      if (label) attrs.text = `@${label}`;
      state.out.push({ type: 'mention', attrs });
      return;
    }
    case 'date':
      state.out.push({ type: 'date', attrs: { timestamp: target.timestamp } });
      return;
    case 'status':
      if (label.trim()) state.out.push({ type: 'status', attrs: { text: label, color: target.color } });
      return;
    case 'emoji':
      state.out.push({ type: 'emoji', attrs: emojiAttrs(target.name) });
      return;
  }
}

// `@[Jane](accountid:...)`: the `@` is ordinary text before the link; it belongs to the mention.
function stripMentionAt(out: AdfNode[]): void {
  const last = out[out.length - 1];
  if (last?.type !== 'text' || !last.text?.endsWith('@')) return;
  last.text = last.text.slice(0, -1);
  if (!last.text) out.pop();
}

function convertImage(state: InlineState, url: string, alt: string, marks: AdfMark[]): void {
  const link = marks.find((mark) => mark.type === 'link');
  if (state.options.media && url) {
    const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : undefined;
    state.out.push(mediaSingle(mediaFromImage(url, alt), href));
    return;
  }
  emitText(state, alt || url, url && !link ? withMark(marks, { type: 'link', attrs: { href: url } }) : marks);
}

function convertHtml(state: InlineState, html: string, marks: AdfMark[]): void {
  const meaning = classifyInlineHtml(html);
  switch (meaning.kind) {
    case 'break':
      emitBreak(state, marks);
      return;
    case 'comment':
      return;
    case 'open':
      state.toggles.push({ tag: meaning.tag, mark: meaning.mark });
      return;
    case 'close': {
      for (let i = state.toggles.length - 1; i >= 0; i -= 1) {
        if (state.toggles[i]?.tag === meaning.tag) {
          state.toggles.splice(i, 1);
          return;
        }
      }
      return;
    }
    default:
      emitText(state, html, marks);
  }
}

function emitBreak(state: InlineState, marks: AdfMark[]): void {
  if (state.options.lineBreaks) state.out.push({ type: 'hardBreak' });
  else pushText(state, ' ', marks, true);
}

// A line ending inside a paragraph is a hard break: Jira users expect the lines they typed.
function emitText(state: InlineState, value: string, marks: AdfMark[]): void {
  const lines = value.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i] ?? '';
    if (i > 0) {
      line = line.replace(/^[ \t]+/, '');
      emitBreak(state, marks);
    }
    if (i < lines.length - 1) line = line.replace(/[ \t]+$/, '');
    pushText(state, line, marks, true);
  }
}

function pushText(state: InlineState, text: string, marks: AdfMark[], toggled: boolean): void {
  if (!text) return;
  let all = marks;
  if (toggled) for (const toggle of state.toggles) if (toggle.mark) all = withMark(all, toggle.mark);
  const ordered = canonicalMarks(all);
  const node: AdfNode = { type: 'text', text };
  if (ordered.length > 0) node.marks = ordered;
  state.out.push(node);
}
