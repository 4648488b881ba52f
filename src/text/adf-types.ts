/** A mark on an ADF text node (strong, link, textColor, ...). */
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** Any ADF node: block, inline or text. Kept open because Jira adds node types over time. */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: AdfMark[];
  text?: string;
}

/** The root of an Atlassian Document Format document. */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** An empty ADF document. */
export function emptyAdfDoc(): AdfDoc {
  return { type: 'doc', version: 1, content: [] };
}

/** True when `value` has the outer shape of an ADF document (`type: "doc"` and a content array). */
export function isAdfDoc(value: unknown): value is AdfDoc {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.type === 'doc' && Array.isArray(record.content);
}
