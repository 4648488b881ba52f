import type { Nodes, Root } from 'mdast';

/** A link target from a `[label]: url "title"` definition. */
export interface LinkDefinition {
  url: string;
  title: string | null | undefined;
}

/** What the Markdown → ADF walk needs besides the tree: the source text and the link definitions. */
export interface MarkdownContext {
  /** The Markdown the tree was parsed from; positions index into it. */
  source: string;
  definitions: Map<string, LinkDefinition>;
  /** Sequence for the localId values task lists require. */
  nextId: () => string;
  /** Container depth, to flatten absurdly deep input instead of overflowing the stack. */
  depth: number;
}

/** Collect every link definition of a tree, first one wins as in CommonMark. */
export function collectDefinitions(tree: Root, into: Map<string, LinkDefinition>): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.type === 'definition') {
      if (!into.has(node.identifier)) into.set(node.identifier, { url: node.url, title: node.title });
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child);
    }
  }
}

/** A fresh context for one document. */
export function createMarkdownContext(source: string, trees: readonly Root[]): MarkdownContext {
  const definitions = new Map<string, LinkDefinition>();
  for (const tree of trees) collectDefinitions(tree, definitions);
  let counter = 0;
  return {
    source,
    definitions,
    nextId: () => {
      counter += 1;
      return `local-${counter}`;
    },
    depth: 0,
  };
}

/** Plain text of an mdast subtree (values of text-like nodes, image alts). */
export function mdastText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) break;
    if ('value' in current && typeof current.value === 'string') parts.push(current.value);
    else if (current.type === 'image' || current.type === 'imageReference') parts.push(current.alt ?? '');
    else if ('children' in current) {
      for (let i = current.children.length - 1; i >= 0; i -= 1) {
        const child = current.children[i];
        if (child) stack.push(child);
      }
    }
  }
  return parts.join('');
}
