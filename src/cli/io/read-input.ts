import { readFile } from 'node:fs/promises';
import { usageError } from '../exit-codes.js';

/**
 * Reads a command's text input: the file named, or stdin for `-` or no name. A terminal on stdin with no
 * file named is a usage error rather than a silent wait for typing.
 */
export async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined && process.stdin.isTTY === true) {
    throw usageError('no input', 'name a FILE, or pipe the text to stdin (or pass - to type it)');
  }
  if (file === undefined || file === '-') return withoutBom(await readStdin());
  try {
    return withoutBom(await readFile(file, 'utf8'));
  } catch (err) {
    throw usageError(`cannot read ${file}: ${reason(err)}`);
  }
}

/** Parses JSON input; a syntax error is a usage error naming what was expected. */
export function parseJsonInput(text: string, expected: string): unknown {
  if (text.trim() === '') throw usageError(`the input is empty (expected ${expected})`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof SyntaxError ? `: ${err.message}` : '';
    throw usageError(`the input is not valid JSON${detail}`, `expected ${expected}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse and the CSV header would keep. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (err instanceof Error ? err.message : String(err));
}
