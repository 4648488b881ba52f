import type { PhrasingContent, RootContent } from 'mdast';

// Wiki line breaks (`\\` and plain line ends) become what each Markdown context can hold: a line end in
// paragraphs, <br> in table cells, a space in headings.

type Target = 'paragraph' | 'heading' | 'cell';

/** Rewrite line breaks in a wiki-derived mdast tree for Markdown output. */
export function markdownCompatible(nodes: RootContent[]): RootContent[] {
  for (const node of nodes) fixNode(node);
  return nodes;
}

function fixNode(node: RootContent): void {
  switch (node.type) {
    case 'paragraph':
      node.children = fixPhrasing(node.children, 'paragraph');
      return;
    case 'heading':
      node.children = fixPhrasing(node.children, 'heading');
      return;
    case 'table':
      for (const row of node.children)
        for (const cell of row.children) cell.children = fixPhrasing(cell.children, 'cell');
      return;
    default:
      if ('children' in node) for (const child of node.children) fixNode(child as RootContent);
  }
}

function fixPhrasing(nodes: PhrasingContent[], target: Target): PhrasingContent[] {
  const fixed = fixBreaks(nodes, target);
  trimEdges(fixed);
  return fixed;
}

// Breaks and spaces at the edges of a paragraph, heading or cell carry nothing: drop them.
function trimEdges(nodes: PhrasingContent[]): void {
  while (nodes.length > 0) {
    const first = nodes[0];
    if (first?.type === 'html' && first.value === '<br>') nodes.shift();
    else if (first?.type === 'text' && !first.value.trim()) nodes.shift();
    else break;
  }
  while (nodes.length > 0) {
    const last = nodes[nodes.length - 1];
    if (last?.type === 'html' && last.value === '<br>') nodes.pop();
    else if (last?.type === 'text' && !last.value.trim()) nodes.pop();
    else break;
  }
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

function fixBreaks(nodes: PhrasingContent[], target: Target): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let lastWasBreak = false;
  for (const node of nodes) {
    if (node.type === 'break') {
      out.push(lineBreak(target, lastWasBreak));
      lastWasBreak = true;
      continue;
    }
    if (node.type === 'text' && target !== 'paragraph' && /[\r\n]/.test(node.value)) {
      node.value.split(/\r?\n|\r/).forEach((line, index) => {
        if (index > 0) out.push(lineBreak(target, false));
        if (line) out.push({ type: 'text', value: line });
      });
      lastWasBreak = false;
      continue;
    }
    if ('children' in node)
      node.children = fixBreaks(node.children as PhrasingContent[], target) as typeof node.children;
    out.push(node);
    lastWasBreak = node.type === 'text' && node.value.endsWith('\n');
  }
  return out;
}

function lineBreak(target: Target, afterBreak: boolean): PhrasingContent {
  if (target === 'heading') return { type: 'text', value: ' ' };
  if (target === 'cell') return { type: 'html', value: '<br>' };
  return afterBreak ? { type: 'break' } : { type: 'text', value: '\n' };
}
