/**
 * Keeps the TT 01/2018 assessment's counters (migration 022: officers' ratings, extra answers,
 * rated dossiers) in the transaction that stores or changes ratings. Called only from
 * reports/counters.ts, beside the tree's counters, so whatever moves a rating between categories
 * or amends it moves these counters too, and they stay a recount of the raw rows.
 */
import { assessmentCounterDeltas } from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';

/** New ratings, just inserted, under their own category. */
export async function countAssessed(tx: Repositories, rows: readonly RatingRow[]): Promise<void> {
  await write(tx, assessmentCounterDeltas([], rows));
}

/** Stored ratings changed (category, answers, dossier): out as `before`, in as `after`. */
export async function replaceAssessed(
  tx: Repositories,
  before: readonly RatingRow[],
  after: readonly RatingRow[],
): Promise<void> {
  await write(tx, assessmentCounterDeltas(before, after));
}

async function write(tx: Repositories, deltas: ReturnType<typeof assessmentCounterDeltas>) {
  if (deltas.officers.length + deltas.answers.length + deltas.dossiers.length === 0) return;
  await tx.assessment.addCounters(deltas);
}
