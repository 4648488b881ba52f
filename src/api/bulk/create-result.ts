/** A create run's item outcome in the shape `createMany` reports. */

import type { ItemOutcome } from './run-items.js';

/** What happened to one row (`index` counts rows from 0); `reconciled`: found already created, not sent again. */
export type BulkCreateResult =
  | { index: number; status: 'created'; key: string; id: string; reconciled?: boolean }
  | { index: number; status: 'failed'; error: Error }
  | { index: number; status: 'skipped'; reason: string };

export function toCreateResult(outcome: ItemOutcome): BulkCreateResult {
  switch (outcome.status) {
    case 'done':
      return {
        index: outcome.index,
        status: 'created',
        key: outcome.key,
        id: outcome.id ?? '',
        ...(outcome.reconciled ? { reconciled: true } : {}),
      };
    case 'failed':
      return { index: outcome.index, status: 'failed', error: outcome.error };
    default:
      return { index: outcome.index, status: 'skipped', reason: outcome.reason };
  }
}
