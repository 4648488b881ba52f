import type { Terminal } from '../io/terminal.js';
import { singleLine } from './cells.js';
import { measureColumns, renderRows } from './table-layout.js';

/** Rows collected before the column widths are fixed; later rows stream with those widths (cut with …). */
const MEASURE_ROWS = 100;
const MIN_COLUMN = 8;

/**
 * A table that streams: the first rows are held to measure the columns, then every row is printed as soon as
 * it arrives. On a terminal the table is fitted to its width and the header is bold; piped, it is plain text
 * and never cut, so nothing is lost.
 */
export class TableWriter {
  private readonly pending: string[][] = [];
  private widths: number[] | undefined;

  constructor(
    private readonly terminal: Terminal,
    private readonly headers: string[],
  ) {}

  /** Adds one row (cells are made single-line). */
  async row(cells: string[]): Promise<void> {
    const line = cells.map(singleLine);
    if (this.widths) return this.terminal.out(await this.render([line], false));
    this.pending.push(line);
    if (this.pending.length >= MEASURE_ROWS) await this.flushPending();
  }

  /** Prints whatever is still held. An empty table prints nothing. */
  async end(): Promise<void> {
    if (!this.widths && this.pending.length > 0) await this.flushPending();
  }

  private async flushPending(): Promise<void> {
    const text = await this.render(this.pending, true);
    this.pending.length = 0;
    await this.terminal.out(text);
  }

  private async render(rows: string[][], withHeader: boolean): Promise<string> {
    this.widths ??= this.fit(await measureColumns([this.headers, ...rows]));
    let widths = this.widths;
    if (!this.terminal.stdoutIsTTY && !withHeader) {
      // Piped rows that arrive after the widths were fixed may widen their own line rather than lose text.
      const own = await measureColumns(rows);
      widths = widths.map((w, i) => Math.max(w, own[i] ?? 0));
    }
    return renderRows(rows, widths, withHeader ? this.headers : undefined, this.terminal.colorOnStdout);
  }

  /** Shrinks the widest columns until the table fits the terminal; piped output keeps natural widths. */
  private fit(natural: number[]): number[] {
    const columns = process.stdout.columns;
    if (!this.terminal.stdoutIsTTY || !columns) return natural;
    const widths = [...natural];
    const separators = 2 * (widths.length - 1);
    let excess = widths.reduce((a, b) => a + b, 0) + separators - columns;
    while (excess > 0) {
      const widest = widths.indexOf(Math.max(...widths));
      const current = widths[widest] ?? 0;
      if (current <= MIN_COLUMN) break;
      const cut = Math.min(excess, current - MIN_COLUMN);
      widths[widest] = current - cut;
      excess -= cut;
    }
    return widths;
  }
}
