import type { AdfMark } from './adf-types.js';

// Markdown has no underline, subscript, superscript or colour, so those ADF marks are written as the inline
// HTML every Markdown renderer understands (<u>, <sub>, <sup>, <span style="color: #rrggbb">) and read back.

/** What an inline HTML fragment means to the converters. */
export type InlineHtml =
  | { kind: 'open'; tag: string; mark: AdfMark | undefined }
  | { kind: 'close'; tag: string }
  | { kind: 'break' }
  | { kind: 'comment' }
  | { kind: 'other' };

const BREAK = /^<br\s*\/?>$/i;
const COMMENT = /^<!--[\s\S]*-->$/;
const SIMPLE_OPEN = /^<(u|ins|sub|sup|span)\s*>$/i;
const CLOSE = /^<\/(u|ins|sub|sup|span)\s*>$/i;
const SPAN_STYLE = /^<span\s+style\s*=\s*(["'])([^"']*)\1\s*>$/i;
const COLOR_DECL = /(?:^|;)\s*color\s*:\s*([^;]+?)\s*(?:;|$)/i;

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  brown: '#a52a2a',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
  lime: '#00ff00',
  silver: '#c0c0c0',
};

/** Normalise a CSS colour (`#abc`, `#aabbcc`, a basic name) to `#rrggbb`, or undefined. */
export function normalizeColor(value: string): string | undefined {
  const color = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(color)) return color;
  if (/^#[0-9a-f]{3}$/.test(color))
    return `#${color[1]}${color[1]}${color[2]}${color[2]}${color[3]}${color[3]}`;
  return NAMED_COLORS[color];
}

/** Classify one inline HTML fragment as produced by the Markdown parser. */
export function classifyInlineHtml(html: string): InlineHtml {
  const value = html.trim();
  if (BREAK.test(value)) return { kind: 'break' };
  if (COMMENT.test(value)) return { kind: 'comment' };
  const close = CLOSE.exec(value);
  if (close) return { kind: 'close', tag: normalizeTag(close[1] ?? '') };
  const open = SIMPLE_OPEN.exec(value);
  if (open) {
    const tag = normalizeTag(open[1] ?? '');
    return { kind: 'open', tag, mark: markForTag(tag) };
  }
  const span = SPAN_STYLE.exec(value);
  if (span) {
    const declared = COLOR_DECL.exec(span[2] ?? '');
    const color = declared ? normalizeColor(declared[1] ?? '') : undefined;
    return { kind: 'open', tag: 'span', mark: color ? { type: 'textColor', attrs: { color } } : undefined };
  }
  return { kind: 'other' };
}

function normalizeTag(tag: string): string {
  const lower = tag.toLowerCase();
  return lower === 'ins' ? 'u' : lower;
}

function markForTag(tag: string): AdfMark | undefined {
  if (tag === 'u') return { type: 'underline' };
  if (tag === 'sub' || tag === 'sup') return { type: 'subsup', attrs: { type: tag } };
  return undefined;
}

/** The opening and closing HTML for a mark Markdown cannot spell, or undefined for other marks. */
export function htmlForMark(mark: AdfMark): { open: string; close: string } | undefined {
  switch (mark.type) {
    case 'underline':
      return { open: '<u>', close: '</u>' };
    case 'subsup':
      return mark.attrs?.type === 'sub'
        ? { open: '<sub>', close: '</sub>' }
        : { open: '<sup>', close: '</sup>' };
    case 'textColor': {
      const color = typeof mark.attrs?.color === 'string' ? normalizeColor(mark.attrs.color) : undefined;
      return color ? { open: `<span style="color: ${color}">`, close: '</span>' } : undefined;
    }
    default:
      return undefined;
  }
}
