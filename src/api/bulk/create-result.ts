/** A create run's item outcome in the shape `createMany` reports. */

import type { BulkCreateResult } from '../bulk-create.js';
import type { ItemOutcome } from './run-items.js';

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
