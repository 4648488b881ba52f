/** How one wire value reads in a table or CSV cell. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value))
    return value
      .map(displayValue)
      .filter((s) => s !== '')
      .join(', ');
  if (typeof value === 'object') return displayObject(value as Record<string, unknown>);
  return String(value);
}

// Jira's reference objects (users, statuses, priorities, options, versions...) carry one of these as their label.
const LABEL_KEYS = ['displayName', 'name', 'value', 'key', 'title', 'id'] as const;

function displayObject(obj: Record<string, unknown>): string {
  if (obj.type === 'doc' && Array.isArray(obj.content)) return adfText(obj).trim();
  for (const key of LABEL_KEYS) {
    const label = obj[key];
    if (typeof label === 'string' || typeof label === 'number') return String(label);
  }
  return JSON.stringify(obj);
}

/** The plain text of an Atlassian Document Format node: paragraphs on their own lines. */
function adfText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: unknown; text?: unknown; content?: unknown; attrs?: Record<string, unknown> };
  if (typeof n.text === 'string') return n.text;
  if (n.type === 'hardBreak') return '\n';
  if (n.type === 'mention' && typeof n.attrs?.text === 'string') return n.attrs.text;
  const inner = Array.isArray(n.content) ? n.content.map(adfText).join('') : '';
  const block =
    n.type === 'paragraph' || n.type === 'heading' || n.type === 'listItem' || n.type === 'codeBlock';
  return block ? `${inner}\n` : inner;
}

/** A cell on one line: newlines and tabs become spaces so a row stays a row. */
export function singleLine(text: string): string {
  return text.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
}
