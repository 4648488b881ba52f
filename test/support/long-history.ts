/** A sandbox snapshot whose DEMO-1 has many changes, for tests of Cloud's capped embedded changelog. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedState } from '../../src/sandbox/seed.js';

/** How many changes DEMO-1 gets on top of the seed's: more than Cloud embeds (100). */
export const EXTRA_CHANGES = 130;

/** Writes the snapshot to a new temp dir; returns its path and a cleanup. */
export function longHistorySnapshot(): { file: string; cleanup: () => void } {
  const state = seedState();
  const issue = state.issues.find((i) => i.key === 'DEMO-1');
  if (!issue) throw new Error('seed has no DEMO-1');
  const start = Date.parse('2026-02-01T00:00:00.000Z');
  for (let n = 0; n < EXTRA_CHANGES; n++) {
    issue.changelog.push({
      id: state.nextId++,
      author: n % 2 === 0 ? 'alice' : 'bob',
      created: new Date(start + n * 60_000).toISOString(),
      items: [
        {
          field: 'labels',
          from: null,
          fromString: `step-${n}`,
          to: null,
          toString: `step-${n + 1}`,
        },
      ],
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'jirats-history-'));
  const file = join(dir, 'state.json');
  writeFileSync(file, JSON.stringify(state));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
