/**
 * The one way ratings enter the counters, move within them, or change what they count (issue 22
 * item 5). Ingest, the dossier rule and amendments call only these, inside the transaction that
 * stores or changes the ratings; how the counters are kept is this module's business.
 */
import type { RollupCategory } from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { addToNodeRollups, moveNodeRollups, replaceInNodeRollups } from './node-rollups.ts';

/** New ratings, just inserted, counted under their own category. */
export async function countNew(tx: Repositories, rows: readonly RatingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.ingest.addToRollups([...rows]);
  await addToNodeRollups(tx, rows);
}

/**
 * Stored ratings that now count as `to` (a late earlier press made them repeats, a later rating of
 * their dossier superseded them): their rows and their counters move together.
 */
export async function recategorise(
  tx: Repositories,
  rows: readonly RatingRow[],
  to: Exclude<RollupCategory, 'counted'>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.ingest.markCategory([...rows], to as 'repeat' | 'superseded');
  await moveNodeRollups(tx, rows, to);
}

/** A stored rating amended: its counters move from what `before` counted to what `after` counts. */
export async function replaceCounted(
  tx: Repositories,
  before: readonly RatingRow[],
  after: readonly RatingRow[],
): Promise<void> {
  await replaceInNodeRollups(tx, before, after);
}
