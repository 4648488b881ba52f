/**
 * The journal of a bulk run: NDJSON, mode 0600, a header line then one line per event, each written
 * synchronously so it survives kill -9. A torn last line (the process died mid-write) is ignored on read.
 * It holds the run's input and issue keys, never a credential.
 */

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { InputError } from '../../errors.js';

export type BulkOperation = 'create' | 'update' | 'transition' | 'delete' | 'comment';

/** The first line of a journal. */
export interface JournalHeader {
  journal: 'jirats-bulk';
  version: 1;
  operation: BulkOperation;
  runId: string;
  server: string;
  createdAt: string;
  /** The operation's input (create: the rows). */
  input: unknown;
  /** The issue keys the JQL matched when the run started (not for create). */
  items?: string[];
  /** Create rows are CSV cells. */
  csv?: boolean;
}

/** One event: `sent` before a request that changes something, `done` / `failed` after. */
export interface JournalEvent {
  i: number;
  state: 'sent' | 'done' | 'failed';
  key?: string;
  id?: string;
  reason?: string;
}

/** An append-only journal open for writing. */
export class JournalWriter {
  #fd: number | undefined;

  private constructor(fd: number) {
    this.#fd = fd;
  }

  /** Start a new journal at `path` (refused if the file exists). */
  static create(path: string, header: JournalHeader): JournalWriter {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new InputError(
        code === 'EEXIST'
          ? `The journal ${path} already exists: resume it, or give a new path`
          : `Cannot create the journal ${path} (${code ?? 'error'})`,
      );
    }
    const writer = new JournalWriter(fd);
    writer.#line(header);
    return writer;
  }

  /** Continue an existing journal (a resumed run); a torn last line is closed off first. */
  static append(path: string): JournalWriter {
    const text = readFileSync(path, 'utf8');
    const writer = new JournalWriter(openSync(path, 'a', 0o600));
    if (text.length > 0 && !text.endsWith('\n') && writer.#fd !== undefined) writeSync(writer.#fd, '\n');
    return writer;
  }

  record(event: JournalEvent): void {
    this.#line(event);
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #line(value: unknown): void {
    if (this.#fd === undefined) return;
    writeSync(this.#fd, `${JSON.stringify(value)}\n`);
  }
}

/** A journal as read back: its header and each item's last state. */
export interface JournalState {
  header: JournalHeader;
  /** By item index: the last event recorded for it. */
  items: Map<number, JournalEvent>;
  total: number;
}

/** Read a journal; lines that do not parse (a torn last line) are skipped. */
export function readJournal(path: string): JournalState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read the journal ${path} (${(error as { code?: string }).code ?? 'error'})`);
  }
  const lines = text.split('\n');
  const header = parse(lines[0] ?? '');
  if (!isHeader(header)) throw new InputError(`${path} is not a JiraTS bulk journal`);
  const items = new Map<number, JournalEvent>();
  for (const line of lines.slice(1)) {
    const event = parse(line);
    if (!isEvent(event)) continue;
    const before = items.get(event.i);
    // A resumed run may reconcile a `sent` item; an outcome is never overwritten by a later `sent`.
    if (event.state === 'sent' && before && before.state !== 'sent') continue;
    items.set(event.i, event);
  }
  const total = header.operation === 'create' ? inputRows(header).length : (header.items?.length ?? 0);
  return { header, items, total };
}

/** What the CLI tells about a journal. */
export interface BulkJournalSummary {
  operation: BulkOperation;
  runId: string;
  total: number;
  done: number;
  failed: number;
  pending: number;
  createdAt: string;
}

/** A journal's operation and counts (for messages before a resume). */
export async function readBulkJournal(path: string): Promise<BulkJournalSummary> {
  const { header, items, total } = readJournal(path);
  let done = 0;
  let failed = 0;
  for (const event of items.values()) {
    if (event.state === 'done') done += 1;
    else if (event.state === 'failed') failed += 1;
  }
  return {
    operation: header.operation,
    runId: header.runId,
    total,
    done,
    failed,
    pending: total - done - failed,
    createdAt: header.createdAt,
  };
}

/** The rows of a create journal. */
export function inputRows(header: JournalHeader): Record<string, unknown>[] {
  return Array.isArray(header.input) ? (header.input as Record<string, unknown>[]) : [];
}

function parse(line: string): unknown {
  if (line.trim() === '') return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const OPERATIONS = new Set(['create', 'update', 'transition', 'delete', 'comment']);

function isHeader(value: unknown): value is JournalHeader {
  const h = value as Partial<JournalHeader> | undefined;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.journal === 'jirats-bulk' &&
    h.version === 1 &&
    typeof h.runId === 'string' &&
    OPERATIONS.has(String(h.operation))
  );
}

function isEvent(value: unknown): value is JournalEvent {
  const e = value as Partial<JournalEvent> | undefined;
  return (
    typeof e === 'object' &&
    e !== null &&
    Number.isInteger(e.i) &&
    (e.state === 'sent' || e.state === 'done' || e.state === 'failed')
  );
}
