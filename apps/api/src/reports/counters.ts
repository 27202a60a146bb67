/**
 * The one way ratings enter the counters, move within them, or change what they count (issue 22
 * item 5). Ingest, the dossier rule and amendments call only these, inside the transaction that
 * stores or changes the ratings; how the counters are kept is this module's business.
 *
 * There is one counter model: the tree's counters, written at store time (README, "One counter
 * model"). A new rating counts at its unit and every ancestor of the tree as it is now, under its
 * sector's code, on the scale its unit used in the rating's month, by channel, and at its counter
 * (quầy). A stored rating that changes later moves the counters of the nodes that counted it —
 * the tree as it stood when it was stored — so a figure once published never moves when a unit
 * later moves. Every category is counted; readers keep `counted` for the official rate.
 */
import {
  ancestorsAt,
  ancestorsOf,
  buildTree,
  netDeltas,
  nodeRollupDeltas,
  scaleInForce,
  type NodeStoredRating,
  type RollupCategory,
} from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';
import { countAssessed, replaceAssessed } from '../assessment/assessment-counters.ts';
import { countModes } from './answer-modes.counters.ts';

/** New ratings, just inserted, counted under their own category. */
export async function countNew(tx: Repositories, rows: readonly RatingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { stored, nodesNow } = await keyed(tx, rows);
  await tx.nodeRollups.add(nodeRollupDeltas(rows.map(stored), nodesNow));
  await countAssessed(tx, rows);
  await countModes(tx, [], rows);
}

/**
 * Stored ratings that now count as `to` (a late earlier press made them repeats, a later rating of
 * their dossier superseded them): their rows and their counters move together. Only ratings still
 * `counted` move; one already left out of the rate keeps its category.
 */
export async function recategorise(
  tx: Repositories,
  rows: readonly RatingRow[],
  to: Exclude<RollupCategory, 'counted'>,
): Promise<void> {
  const moving = rows.filter((r) => r.category === 'counted');
  if (moving.length === 0) return;
  await tx.ingest.markCategory(moving, to);
  await replaceCounted(
    tx,
    moving,
    moving.map((r) => ({ ...r, category: to })),
  );
}

/**
 * Stored ratings a supervisor excluded with a reason (integrity checks, issue 25 item 5): whatever
 * they counted as, they now count as `excluded`, rows and counters together.
 */
export async function exclude(tx: Repositories, rows: readonly RatingRow[]): Promise<void> {
  const moving = rows.filter((r) => r.category !== 'excluded');
  if (moving.length === 0) return;
  await tx.integrity.markExcluded(moving.map((r) => r.id));
  await replaceCounted(
    tx,
    moving,
    moving.map((r) => ({ ...r, category: 'excluded' as const })),
  );
}

/**
 * Stored ratings changed (an amendment: reasons, dossier, category): their counters move from what
 * `before` counted to what `after` counts, at the nodes that counted them, netted per key so that
 * an unchanged part writes nothing.
 */
export async function replaceCounted(
  tx: Repositories,
  before: readonly RatingRow[],
  after: readonly RatingRow[],
): Promise<void> {
  if (before.length === 0 && after.length === 0) return;
  const { stored, nodesThen } = await keyed(tx, [...before, ...after]);
  const nodesOf = await nodesThen();
  await tx.nodeRollups.add(
    netDeltas(
      nodeRollupDeltas(before.map(stored), nodesOf, -1),
      nodeRollupDeltas(after.map(stored), nodesOf),
    ),
  );
  await replaceAssessed(tx, before, after);
  await countModes(tx, before, after);
}

/**
 * What the counters of `ratings` are keyed by, read once per call inside the transaction, so the
 * counts are written for exactly the tree, sectors and scales they were read with: a province has
 * a few hundred units.
 */
async function keyed(tx: Repositories, ratings: readonly RatingRow[]) {
  const unitIds = [...new Set(ratings.map((r) => r.unitId))];
  const units = await tx.catalogue.listUnits();
  const tree = buildTree(units);
  const codeOf = new Map<string, string>();
  for (const unitId of unitIds) {
    for (const s of await tx.catalogue.listSectors(unitId)) codeOf.set(s.id, s.code);
  }
  const scales = await tx.catalogue.listUnitScales(unitIds);
  const scaleOf = (unitId: string, month: string) =>
    scaleInForce(
      scales.filter((s) => s.unitId === unitId),
      month,
      tree.nodes.get(unitId)?.scale ?? 'five',
    );
  const stored = (r: RatingRow): NodeStoredRating => ({
    unitId: r.unitId,
    // Ingest only accepts sectors of the rating's unit; the id stands in should one vanish.
    sectorCode: codeOf.get(r.sectorId) ?? r.sectorId,
    scale: scaleOf(r.unitId, r.month),
    month: r.month,
    level: r.level,
    category: r.category,
    reasons: r.reasons,
    counterId: r.counterId,
    channel: r.channel,
    storedAt: r.receivedAt,
  });
  return {
    stored,
    /** The tree of now: where a rating stored now counts. */
    nodesNow: (unitId: string) => ancestorsOf(tree, unitId),
    /** The tree when each rating was stored, from the catalogue's history of units. */
    nodesThen: async () =>
      ancestorsAt(tree, await tx.catalogue.listHistory({ entityType: 'unit' })),
  };
}
