import type { AdfMark, AdfNode } from '../../src/text/index.js';

// A comparable summary of an ADF tree: node types, the attributes that carry meaning, and text per mark set.
// Generated ids, layout attributes and the exact split of text into nodes are left out.

const KEY_ATTRS: Readonly<Record<string, readonly string[]>> = {
  heading: ['level'],
  orderedList: ['order'],
  codeBlock: ['language'],
  taskItem: ['state'],
  panel: ['panelType'],
  expand: ['title'],
  mention: ['id', 'text'],
  emoji: ['shortName'],
  date: ['timestamp'],
  status: ['text', 'color'],
  inlineCard: ['url'],
  media: ['url', 'id', 'type'],
};

function markKey(mark: AdfMark): string {
  const attrs = mark.attrs ?? {};
  if (mark.type === 'link') return `link:${String(attrs.href)}`;
  if (mark.type === 'subsup') return `subsup:${String(attrs.type)}`;
  if (mark.type === 'textColor') return `textColor:${String(attrs.color).toLowerCase()}`;
  return mark.type;
}

/** The signature of a list of nodes. */
export function signature(nodes: readonly AdfNode[]): unknown[] {
  const out: unknown[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = (node.text ?? '').replace(/\s+/g, ' ');
      const marks = /\S/.test(text) ? (node.marks ?? []).map(markKey).sort().join(',') : '';
      const last = out[out.length - 1] as { text?: string; marks?: string } | undefined;
      if (last && typeof last.text === 'string' && last.marks === marks) last.text += text;
      else out.push({ text, marks });
      continue;
    }
    const type = node.type === 'nestedExpand' ? 'expand' : node.type;
    const entry: Record<string, unknown> = { type };
    for (const key of KEY_ATTRS[type] ?? []) {
      const value = node.attrs?.[key];
      if (value !== undefined) entry[key] = value;
    }
    if (node.content) entry.content = signature(node.content);
    out.push(entry);
  }
  // Whitespace at the edges of a block is not content.
  const first = out[0] as { text?: string } | undefined;
  if (first && typeof first.text === 'string') first.text = first.text.trimStart();
  const last = out[out.length - 1] as { text?: string } | undefined;
  if (last && typeof last.text === 'string') last.text = last.text.trimEnd();
  return out.filter((entry) => (entry as { text?: string }).text !== '');
}
