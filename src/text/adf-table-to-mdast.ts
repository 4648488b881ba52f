import type { AlignType, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { inlineOf } from './adf-content-rules.js';
import { inlineToMdast } from './adf-inline-to-mdast.js';
import type { AdfNode } from './adf-types.js';

/** Convert an ADF table to a GFM table; without a header row an empty one is written (read back as none). */
export function adfTableToMdast(table: AdfNode): Table | undefined {
  const rows = (table.content ?? []).filter((row) => Array.isArray(row.content));
  if (rows.length === 0) return undefined;
  const cellRows = rows.map(expandSpans);
  const width = Math.max(1, ...cellRows.map((cells) => cells.length));
  const first = rows[0];
  const hasHeader =
    (first?.content ?? []).length > 0 && (first?.content ?? []).every((cell) => cell.type === 'tableHeader');
  const align: AlignType[] = Array.from({ length: width }, (_, column) => alignmentOf(cellRows[0]?.[column]));
  const mdastRows: TableRow[] = cellRows.map((cells) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, column) => cellToMdast(cells[column])),
  }));
  if (!hasHeader) {
    const empty: TableRow = {
      type: 'tableRow',
      children: Array.from({ length: width }, () => cellToMdast(undefined)),
    };
    mdastRows.unshift(empty);
  }
  return { type: 'table', align, children: mdastRows };
}

// A cell spanning several columns is followed by empty cells so later columns stay in place.
function expandSpans(row: AdfNode): (AdfNode | undefined)[] {
  const cells: (AdfNode | undefined)[] = [];
  for (const cell of row.content ?? []) {
    cells.push(cell);
    const span = Math.min(64, Math.trunc(Number(cell.attrs?.colspan) || 1));
    for (let extra = 1; extra < span; extra += 1) cells.push(undefined);
  }
  return cells;
}

function alignmentOf(cell: AdfNode | undefined): AlignType {
  const paragraph = cell?.content?.[0];
  const mark = paragraph?.marks?.find((candidate) => candidate.type === 'alignment');
  if (mark?.attrs?.align === 'center') return 'center';
  if (mark?.attrs?.align === 'end') return 'right';
  return null;
}

// GFM cells hold one line of inline content, so blocks are joined with <br>.
function cellToMdast(cell: AdfNode | undefined): TableCell {
  const children: PhrasingContent[] = [];
  for (const block of cell?.content ?? []) {
    const inline =
      block.type === 'mediaSingle' || block.type === 'mediaGroup' ? mediaInline(block) : inlineOf(block);
    const phrasing = inlineToMdast(inline, 'cell');
    if (phrasing.length === 0) continue;
    if (children.length > 0) children.push({ type: 'html', value: '<br>' });
    children.push(...phrasing);
  }
  return { type: 'tableCell', children };
}

function mediaInline(block: AdfNode): AdfNode[] {
  return (block.content ?? []).filter((child) => child.type === 'media');
}
