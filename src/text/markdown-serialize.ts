import type { Link, Parents, Root, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Handle, type Info, type State, toMarkdown } from 'mdast-util-to-markdown';
import { EMOJI_NAME_PATTERN } from './markdown-emoji-syntax.js';
import type { JiraAlertNode, JiraCardNode, JiraEmojiNode } from './mdast-jira-nodes.js';

const ALPHANUMERIC = /[A-Za-z0-9]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:/;

// What CommonMark accepts between < and > as an autolink: a scheme, then no space, control or angle bracket.
function isAutolinkUrl(url: string): boolean {
  if (!SCHEME.test(url) || /^mailto:/i.test(url)) return false;
  for (let i = 0; i < url.length; i += 1) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x3c || code === 0x3e || /\s/.test(url[i] as string))
      return false;
  }
  return true;
}

/** Serialise an mdast tree (with the Jira nodes) to Markdown in the house style, without a final newline. */
export function serializeMarkdown(tree: Root): string {
  const markdown = toMarkdown(tree, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    bulletOther: '*',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    listItemIndent: 'one',
    resourceLink: true,
    rule: '-',
    // Any `<` could open an autolink (`<9@a.b>` starts with a digit) or inline HTML: always escape it.
    // An `@` right after an emphasis marker can join `_` into an email autolink: escape it there too.
    unsafe: [
      { character: '<', inConstruct: 'phrasing' },
      { character: '@', before: '[*_]', inConstruct: 'phrasing' },
    ],
    handlers: { text: safeText, jiraEmoji: emoji, jiraCard: card, jiraAlert: alert },
  });
  return markdown.replace(/\n+$/, '');
}

// Default text escaping, plus colons that would start an emoji shortcode (`:smile:` typed as text).
const safeText: Handle = (node: Text, parent: Parents | undefined, state: State, info: Info) => {
  const siblings = parent && 'children' in parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  let value = state.safe(node.value, {
    ...info,
    afterNode: siblings[index + 1],
    beforeNode: siblings[index - 1],
  });
  // Inside bold or italic the serializer may switch to `_` markers after escaping, which would let an
  // intraword `_` of the text pair with them: escape every underscore there.
  if (state.stack.includes('emphasis') || state.stack.includes('strong')) value = escapeUnderscores(value);
  return escapeShortcodeColons(value, info.before, info.after);
};

function escapeUnderscores(value: string): string {
  if (!value.includes('_')) return value;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i] as string;
    if (char === '\\' && i + 1 < value.length && /[!-/:-@[-`{-~]/.test(value[i + 1] as string)) {
      out += char + value[i + 1];
      i += 1;
    } else out += char === '_' ? '\\_' : char;
  }
  return out;
}

/** Backslash-escape each colon that would open a `:name:` shortcode, as the parser would see it. */
export function escapeShortcodeColons(value: string, before: string, after: string): string {
  if (!value.includes(':')) return value;
  let out = '';
  let previous = before;
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i] as string;
    if (char === '\\' && i + 1 < value.length && /[!-/:-@[-`{-~]/.test(value[i + 1] as string)) {
      out += char + value[i + 1];
      previous = value[i + 1] as string;
      i += 1;
      continue;
    }
    if (char === ':' && !ALPHANUMERIC.test(previous) && opensShortcode(value, i + 1, after)) out += '\\';
    out += char;
    previous = char;
  }
  return out;
}

function opensShortcode(value: string, start: number, after: string): boolean {
  let end = start;
  while (end < value.length && /[A-Za-z0-9_+-]/.test(value[end] as string)) end += 1;
  const name = value.slice(start, end);
  if (!EMOJI_NAME_PATTERN.test(name)) return false;
  return end < value.length ? value[end] === ':' : after === ':';
}

function emojiIsShort(node: JiraEmojiNode, info: Info): boolean {
  return EMOJI_NAME_PATTERN.test(node.name) && !ALPHANUMERIC.test(info.before);
}

function emoji(node: JiraEmojiNode, parent: Parents | undefined, state: State, info: Info): string {
  if (emojiIsShort(node, info)) return `:${node.name}:`;
  const link: Link = {
    type: 'link',
    url: `emoji:${node.name}`,
    title: null,
    children: [{ type: 'text', value: `:${node.name}:` }],
  };
  return state.handle(link, parent, state, info);
}
emoji.peek = (node: JiraEmojiNode, _parent: Parents | undefined, _state: State, info: Info) =>
  emojiIsShort(node, info) ? ':' : '[';

function card(node: JiraCardNode, parent: Parents | undefined, state: State, info: Info): string {
  if (isAutolinkUrl(node.url)) return `<${node.url}>`;
  const link: Link = {
    type: 'link',
    url: node.url,
    title: null,
    children: [{ type: 'text', value: node.url }],
  };
  return state.handle(link, parent, state, info);
}
card.peek = (node: JiraCardNode) => (isAutolinkUrl(node.url) ? '<' : '[');

// A panel prints as a quote whose first line is the alert marker.
const alert: Handle = (node: JiraAlertNode, _parent: Parents | undefined, state: State, info: Info) => {
  const exit = state.enter('blockquote');
  const tracker = state.createTracker(info);
  tracker.move('> ');
  tracker.shift(2);
  const marker = `[!${node.alert}]`;
  const body = node.children.length > 0 ? state.containerFlow(node, tracker.current()) : '';
  const separator = node.children[0]?.type === 'paragraph' ? '\n' : '\n\n';
  const value = state.indentLines(body ? `${marker}${separator}${body}` : marker, quoteLine);
  exit();
  return value;
};

function quoteLine(line: string, _index: number, blank: boolean): string {
  return `>${blank ? '' : ' '}${line}`;
}
