/**
 * Which new ratings count (issue 22 items 3 and 4): decided for every source in one place, inside
 * the ingest transaction, before the new rows are inserted and counted. It may change the category
 * of new rows (they are counted under it) and move stored ones to another category (their counters
 * move with them, through reports/counters.ts).
 */
import { latestOfDossier } from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { recategorise } from '../reports/counters.ts';

/**
 * Of the ratings of one dossier, only the latest counts: new ones that are not the latest are
 * stored as `superseded`, and a stored one a new rating beats leaves the rate (in every rollup).
 * The dossiers' rows are locked first, in code order, so batches from two tablets or a tablet and
 * a phone rating one dossier at the same moment are decided one after the other. A phone rating
 * whose code came in its amendment goes through here too, as a fresh row
 * (phone-amendment.service.ts).
 */
export async function decideCounting(tx: Repositories, rows: RatingRow[]): Promise<void> {
  const byCode = new Map<string, RatingRow[]>();
  for (const r of rows) {
    if (r.dossierCode === null || r.category !== 'counted') continue;
    byCode.set(r.dossierCode, [...(byCode.get(r.dossierCode) ?? []), r]);
  }
  if (byCode.size === 0) return;
  const current = await tx.ingest.lockDossiers([...byCode.keys()]);
  const storedIds = [...current.values()].flatMap((c) => (c.ratingId ? [c.ratingId] : []));
  const storedRows = new Map((await tx.ingest.findRatings(storedIds)).map((r) => [r.id, r]));
  const superseded = new Set<string>();
  const beaten: RatingRow[] = [];
  for (const [code, fresh] of byCode) {
    const now = current.get(code);
    const stored = now?.ratingId ? storedRows.get(now.ratingId) : undefined;
    // A stored latest that has since become a repeat no longer counts: the new ones compete alone.
    const standing =
      stored && stored.category === 'counted' ? { id: stored.id, ratedAt: now!.ratedAt! } : null;
    const verdict = latestOfDossier(
      standing,
      fresh.map((r) => ({ id: r.id, ratedAt: r.deviceTime })),
    );
    for (const id of verdict.supersededFresh) superseded.add(id);
    if (verdict.storedSuperseded && stored) beaten.push(stored);
    if (verdict.latest.id !== standing?.id) {
      await tx.ingest.setDossierLatest(code, verdict.latest.id, verdict.latest.ratedAt);
    }
  }
  for (const r of rows) if (superseded.has(r.id)) r.category = 'superseded';
  await recategorise(tx, beaten, 'superseded');
}
