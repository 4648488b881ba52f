import type { AlignType, Table } from 'mdast';
import { nonEmpty } from './adf-content-rules.js';
import { splitAtMedia } from './adf-inline-tidy.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import type { MarkdownContext } from './markdown-context.js';
import { phrasingToAdf } from './markdown-inline-to-adf.js';

/** Convert a GFM table; an all-empty header row means the table has no header (the reverse of ADF → Markdown). */
export function tableToAdf(table: Table, ctx: MarkdownContext): AdfNode | undefined {
  const width = Math.max(0, ...table.children.map((row) => row.children.length));
  if (width === 0) return undefined;
  const marks = Array.from({ length: width }, (_, column) => alignmentMarks(table.align?.[column]));
  const rows: AdfNode[] = [];
  table.children.forEach((row, index) => {
    const cells: AdfNode[][] = [];
    for (let column = 0; column < width; column += 1) {
      const cell = row.children[column];
      const inline = cell ? phrasingToAdf(cell.children, ctx, { media: true, lineBreaks: true }) : [];
      cells.push(splitAtMedia(inline, marks[column]));
    }
    if (index === 0 && cells.every((blocks) => blocks.length === 0)) return;
    const type = index === 0 ? 'tableHeader' : 'tableCell';
    rows.push({
      type: 'tableRow',
      content: cells.map((blocks, column) => ({
        type,
        attrs: {},
        content: nonEmpty(blocks).map((block) => withAlignment(block, marks[column])),
      })),
    });
  });
  if (rows.length === 0) return undefined;
  return { type: 'table', attrs: { isNumberColumnEnabled: false, layout: 'default' }, content: rows };
}

function alignmentMarks(align: AlignType | undefined): AdfMark[] | undefined {
  if (align === 'center') return [{ type: 'alignment', attrs: { align: 'center' } }];
  if (align === 'right') return [{ type: 'alignment', attrs: { align: 'end' } }];
  return undefined;
}

function withAlignment(block: AdfNode, marks: AdfMark[] | undefined): AdfNode {
  if (!marks || block.type !== 'paragraph' || block.marks) return block;
  return { ...block, marks };
}
