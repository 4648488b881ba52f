/**
 * Lays out borderless table rows (columns two spaces apart, cut with … when narrower than their content).
 * Plain ASCII rows, by far the common case, are laid out here directly; rows with other characters (wide
 * CJK, emoji, combining marks) go through cli-table3, which measures display width properly. Both give the
 * same text for ASCII, so a table may mix them from one batch of rows to the next.
 */

type TableCtor = typeof import('cli-table3');

const CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};
const STYLE = { 'padding-left': 0, 'padding-right': 0, head: [], border: [] };
const ASCII = /^[\x20-\x7e]*$/;
const BOLD = (text: string): string => `\u001b[1m${text}\u001b[22m`;

let Table: TableCtor | undefined;

/** True when every cell is printable ASCII (one column per character). */
function isAscii(rows: string[][]): boolean {
  return rows.every((row) => row.every((cell) => ASCII.test(cell)));
}

/** The natural width of each column over `rows`. */
export async function measureColumns(rows: string[][]): Promise<number[]> {
  if (isAscii(rows)) {
    const widths: number[] = [];
    for (const row of rows) {
      for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    }
    return widths;
  }
  Table ??= (await import('cli-table3')).default;
  const table = new Table({ chars: CHARS, style: STYLE });
  for (const row of rows) table.push(row);
  table.toString(); // cli-table3 fills colWidths while it renders
  return table.options.colWidths.map((w) => w ?? 0);
}

/** Renders `rows` (and `head` when given) with fixed column widths; each line ends with a newline. */
export async function renderRows(
  rows: string[][],
  widths: number[],
  head: string[] | undefined,
  bold: boolean,
): Promise<string> {
  const all = head ? [head, ...rows] : rows;
  if (isAscii(all)) {
    const line = (cells: string[]): string =>
      cells
        .map((cell, i) => {
          const w = widths[i] ?? cell.length;
          return (cell.length > w ? `${cell.slice(0, Math.max(0, w - 1))}…` : cell).padEnd(w);
        })
        .join('  ')
        .trimEnd();
    const lines = rows.map(line);
    if (head) lines.unshift(bold ? BOLD(line(head)) : line(head));
    return `${lines.join('\n')}\n`;
  }
  Table ??= (await import('cli-table3')).default;
  const table = new Table({
    head: head ? head.map((h) => (bold ? BOLD(h) : h)) : [],
    chars: CHARS,
    style: STYLE,
    colWidths: widths,
  });
  for (const row of rows) table.push(row);
  return `${table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')}\n`;
}
