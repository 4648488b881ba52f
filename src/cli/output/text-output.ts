import type { Terminal } from '../io/terminal.js';
import type { OutputFormat } from './render.js';

/** Prints converted text as one document ending in exactly one line break (nothing for empty text). */
export function printText(terminal: Terminal, text: string): Promise<void> {
  const body = text.replace(/\s+$/, '');
  return terminal.out(body === '' ? '' : `${body}\n`);
}

/** Prints a JSON document: indented, or on one line with `-o ndjson`. */
export function printJsonDocument(terminal: Terminal, format: OutputFormat, value: unknown): Promise<void> {
  return terminal.out(`${JSON.stringify(value, null, format === 'ndjson' ? 0 : 2)}\n`);
}
