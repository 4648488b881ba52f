import type { AdfMark, AdfNode } from './adf-types.js';

// ADF read from the wire is untrusted JSON. It is copied once into well-formed AdfNode values (every field
// of the right type) so the converters never meet a surprise; what cannot be a node keeps its text.

/** Deeper than this, a subtree is kept as its plain text (guards the stack against hostile input). */
const MAX_DEPTH = 200;

/** Normalise any JSON value into ADF blocks: a doc gives its content, a node gives itself, text gives text. */
export function normalizeAdfInput(value: unknown): AdfNode[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value ? [{ type: 'text', text: value }] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ type: 'text', text: String(value) }];
  if (Array.isArray(value)) return normalizeList(value, 1);
  if (typeof value !== 'object') return [];
  const node = normalizeNode(value as Record<string, unknown>, 0);
  return node.type === 'doc' ? (node.content ?? []) : [node];
}

function normalizeList(values: readonly unknown[], depth: number): AdfNode[] {
  const out: AdfNode[] = [];
  for (const value of values) {
    if (typeof value === 'string') {
      if (value) out.push({ type: 'text', text: value });
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out.push(normalizeNode(value as Record<string, unknown>, depth));
    } else if (Array.isArray(value) && depth <= MAX_DEPTH) {
      out.push(...normalizeList(value, depth + 1));
    }
  }
  return out;
}

function normalizeNode(record: Record<string, unknown>, depth: number): AdfNode {
  const type = typeof record.type === 'string' ? record.type : '';
  if (depth > MAX_DEPTH) {
    const text = plainText(record);
    return text ? { type: 'text', text } : { type: 'paragraph', content: [] };
  }
  const node: AdfNode = { type };
  const attrs = record.attrs;
  if (typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs))
    node.attrs = attrs as Record<string, unknown>;
  if (typeof record.text === 'string') node.text = record.text;
  if (Array.isArray(record.content)) node.content = normalizeList(record.content, depth + 1);
  if (Array.isArray(record.marks)) node.marks = normalizeMarks(record.marks);
  return node;
}

function normalizeMarks(values: readonly unknown[]): AdfMark[] {
  const marks: AdfMark[] = [];
  for (const value of values) {
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    if (typeof record.type !== 'string') continue;
    const mark: AdfMark = { type: record.type };
    const attrs = record.attrs;
    if (typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs))
      mark.attrs = attrs as Record<string, unknown>;
    marks.push(mark);
  }
  return marks;
}

/** All text under a JSON value, walked without recursion; a visited set stops cycles. */
export function plainText(value: unknown): string {
  const parts: string[] = [];
  const seen = new WeakSet<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push(current[i]);
      continue;
    }
    const record = current as Record<string, unknown>;
    if (typeof record.text === 'string') parts.push(record.text);
    if (Array.isArray(record.content)) stack.push(record.content);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
