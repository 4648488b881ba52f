import type { PhrasingContent } from 'mdast';
import { normalizeColor } from './inline-html-marks.js';
import { EMOJI_NAME_PATTERN } from './markdown-emoji-syntax.js';
import './mdast-jira-nodes.js';

// Jira wiki inline markup → mdast phrasing. Text effects (*bold*, _italic_, -strike-, +under+, ^sup^,
// ~sub~, ??cite??) open after a non-letter and before a non-space, close before a non-letter, and do not
// cross line ends.

const EFFECTS: Readonly<Record<string, 'strong' | 'emphasis' | 'delete' | 'u' | 'sup' | 'sub'>> = {
  '*': 'strong',
  _: 'emphasis',
  '-': 'delete',
  '+': 'u',
  '^': 'sup',
  '~': 'sub',
};

interface Scan {
  text: string;
  // Per effect marker: a search from `from` up to `to` found no closer, so later openers in range fail fast.
  failed: Map<string, { from: number; to: number }>;
}

/** Parse one block's worth of wiki inline markup. */
export function parseWikiInline(text: string): PhrasingContent[] {
  return parseRange({ text, failed: new Map() }, 0, text.length);
}

function parseRange(scan: Scan, start: number, end: number): PhrasingContent[] {
  const { text } = scan;
  const out: PhrasingContent[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) out.push({ type: 'text', value: plain });
    plain = '';
  };
  let i = start;
  while (i < end) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === '\\') {
      if (next === '\\') {
        // Spaces around a line break are not content.
        plain = plain.replace(/[ \t]+$/, '');
        flush();
        out.push({ type: 'break' });
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i += 1;
      } else if (next !== undefined && i + 1 < end && next !== '\n') {
        plain += next;
        i += 2;
      } else {
        plain += char;
        i += 1;
      }
      continue;
    }
    const special = parseSpecial(scan, i, end);
    if (special) {
      flush();
      out.push(...special.nodes);
      i = special.end;
      continue;
    }
    plain += char;
    i += 1;
  }
  flush();
  return out;
}

interface Parsed {
  nodes: PhrasingContent[];
  end: number;
}

function parseSpecial(scan: Scan, i: number, end: number): Parsed | undefined {
  const { text } = scan;
  const char = text[i] as string;
  if (char === '{') {
    if (text.startsWith('{{', i)) return monospace(text, i, end);
    if (text.startsWith('{color', i)) return color(scan, i, end);
    return undefined;
  }
  if (char === '[') return link(scan, i, end);
  if (char === ':') return emoji(text, i, end);
  if (char === '!') return image(text, i, end);
  if (char === '?' && text[i + 1] === '?') return effect(scan, i, end, '??');
  if (Object.hasOwn(EFFECTS, char)) return effect(scan, i, end, char);
  return undefined;
}

function lineEnd(text: string, from: number, end: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 || newline > end ? end : newline;
}

function monospace(text: string, i: number, end: number): Parsed | undefined {
  const close = text.indexOf('}}', i + 2);
  if (close === -1 || close + 2 > end) return undefined;
  const value = text.slice(i + 2, close).replace(/\\([^\\])/g, '$1');
  return value
    ? { nodes: [{ type: 'inlineCode', value: value.replace(/\r?\n/g, ' ') }], end: close + 2 }
    : undefined;
}

function color(scan: Scan, i: number, end: number): Parsed | undefined {
  const { text } = scan;
  const open = /^\{color(?::([^}]*))?\}/.exec(text.slice(i, Math.min(end, i + 64)));
  if (!open) return undefined;
  const bodyStart = i + open[0].length;
  const close = text.indexOf('{color}', bodyStart);
  if (close === -1 || close + 7 > end) return undefined;
  const inner = parseRange(scan, bodyStart, close);
  const hex = open[1] ? normalizeColor(open[1]) : undefined;
  const nodes: PhrasingContent[] = hex
    ? [{ type: 'html', value: `<span style="color: ${hex}">` }, ...inner, { type: 'html', value: '</span>' }]
    : inner;
  return { nodes, end: close + 7 };
}

function link(scan: Scan, i: number, end: number): Parsed | undefined {
  const { text } = scan;
  const close = indexOfUnescaped(text, ']', i + 1);
  if (close === -1 || close >= lineEnd(text, i, end)) return undefined;
  const body = text.slice(i + 1, close);
  if (!body.trim()) return undefined;
  const bar = indexOfUnescaped(body, '|', 0);
  const label = bar === -1 ? '' : body.slice(0, bar);
  const target = (bar === -1 ? body : (body.slice(bar + 1).split('|')[0] ?? '')).trim();
  const after = close + 1;
  if (!target) return undefined;
  if (target.startsWith('~')) {
    const user = target.slice(1);
    const isAccount = user.toLowerCase().startsWith('accountid:');
    const id = isAccount ? user.slice('accountid:'.length) : user;
    const url = isAccount ? `accountid:${id}` : `user:${id}`;
    const nodes: PhrasingContent[] = [
      { type: 'text', value: '@' },
      { type: 'link', url, title: null, children: [{ type: 'text', value: label || id }] },
    ];
    return { nodes, end: after };
  }
  const url = target.startsWith('^') ? target.slice(1) : target;
  if (!label && /^[A-Za-z][A-Za-z0-9+.-]{1,31}:\S+$/.test(url))
    return { nodes: [{ type: 'jiraCard', url }], end: after };
  const children = label ? parseRange(scan, i + 1, i + 1 + bar) : [{ type: 'text' as const, value: url }];
  return { nodes: [{ type: 'link', url, title: null, children }], end: after };
}

/** The next `char` at or after `from` that no backslash escapes, or -1. */
function indexOfUnescaped(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === char) return i;
  }
  return -1;
}

function image(text: string, i: number, end: number): Parsed | undefined {
  const next = text[i + 1];
  if (next === undefined || /\s|!/.test(next)) return undefined;
  const close = text.indexOf('!', i + 1);
  if (close === -1 || close >= lineEnd(text, i, end)) return undefined;
  const body = text.slice(i + 1, close);
  if (/\s$/.test(body)) return undefined;
  const [url = '', params = ''] = body.split('|', 2);
  const alt = /(?:^|,)\s*alt\s*=\s*"?([^,"]*)"?/.exec(params)?.[1]?.trim() ?? '';
  return { nodes: [{ type: 'image', url: url.trim(), alt: alt || null, title: null }], end: close + 1 };
}

// Markdown → wiki writes emoji as `:name:`; read them back with the Markdown parser's rules.
function emoji(text: string, i: number, end: number): Parsed | undefined {
  if (/[A-Za-z0-9]/.test(text[i - 1] ?? '')) return undefined;
  const match = /^:([A-Za-z0-9_+-]{1,100}):/.exec(text.slice(i, Math.min(end, i + 103)));
  if (!match || !EMOJI_NAME_PATTERN.test(match[1] ?? '')) return undefined;
  return { nodes: [{ type: 'jiraEmoji', name: match[1] ?? '' }], end: i + match[0].length };
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function effect(scan: Scan, i: number, end: number, marker: string): Parsed | undefined {
  const { text } = scan;
  const size = marker.length;
  const first = text[i + size];
  if (isWordChar(text[i - 1]) || first === undefined || /\s/.test(first) || i + size >= end) return undefined;
  const limit = lineEnd(text, i, end);
  const failed = scan.failed.get(marker);
  if (failed && i >= failed.from && limit <= failed.to) return undefined;
  let from = i + size + 1;
  while (from <= limit - size) {
    const close = text.indexOf(marker, from);
    if (close === -1 || close + size > limit) break;
    const escaped = text[close - 1] === '\\';
    if (!escaped && !/\s/.test(text[close - 1] as string) && !isWordChar(text[close + size])) {
      const inner = parseRange(scan, i + size, close);
      return { nodes: wrapEffect(marker, inner), end: close + size };
    }
    from = close + 1;
  }
  scan.failed.set(marker, { from: i, to: limit });
  return undefined;
}

function wrapEffect(marker: string, children: PhrasingContent[]): PhrasingContent[] {
  const kind = marker === '??' ? 'emphasis' : EFFECTS[marker];
  switch (kind) {
    case 'strong':
    case 'emphasis':
    case 'delete':
      return [{ type: kind, children }];
    default: {
      const tag = kind ?? 'u';
      return [{ type: 'html', value: `<${tag}>` }, ...children, { type: 'html', value: `</${tag}>` }];
    }
  }
}
