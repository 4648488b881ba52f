/** `readBulkJournal` for the library's exports: the journal code loads only when a journal is read. */

import type { BulkJournalSummary } from './journal.js';

/** A journal's operation and counts (for messages before a resume). */
export async function readBulkJournal(path: string): Promise<BulkJournalSummary> {
  return (await import('./journal.js')).readBulkJournal(path);
}
