/**
 * Keeps the organisation tree's counters in the sync transaction, right after the per-unit ones:
 * each stored rating counts at its unit and every ancestor of the tree AS IT IS NOW (a later move
 * applies to ratings stored after it and never rewrites counted figures), under its sector's code,
 * on the scale its unit used in the rating's month, and at its counter when the tablet is bound to
 * one. The tree, the sectors and the scales are read once per batch: a province has a few hundred
 * units, and reading them inside the transaction sees exactly the tree the counts are written for.
 */
import {
  ancestorsOf,
  buildTree,
  nodeRollupDeltas,
  scaleInForce,
  type NodeRollupDeltas,
  type RollupCategory,
} from '@hailong/domain';
import type { RatingRow, Repositories } from '../repositories/types.ts';

export async function addToNodeRollups(tx: Repositories, ratings: readonly RatingRow[]) {
  if (ratings.length === 0) return;
  await tx.nodeRollups.add(await deltasOf(tx, ratings));
}

/**
 * Stored ratings that a late, earlier rating turned into repeats, or a later rating of their
 * dossier superseded (sync-ratings.ts), leave the rate at every node and counter they were
 * counted at, as they leave `rating_rollups`.
 */
export async function moveNodeRollups(
  tx: Repositories,
  rows: readonly RatingRow[],
  to: Exclude<RollupCategory, 'counted'>,
) {
  const counted = rows.filter((r) => r.category === 'counted');
  if (counted.length === 0) return;
  const out = await deltasOf(tx, counted);
  const repeats = await deltasOf(
    tx,
    counted.map((r) => ({ ...r, category: to })),
  );
  const negate = <T extends { count: number }>(rows: T[]) =>
    rows.map((r) => ({ ...r, count: -r.count }));
  await tx.nodeRollups.add({
    levels: [...negate(out.levels), ...repeats.levels],
    reasons: negate(out.reasons),
    counters: [...negate(out.counters), ...repeats.counters],
  });
}

/**
 * A stored rating amended (issue 21: its reasons, its dossier's verdict) moves its counters from
 * what `before` counted to what `after` counts, netted per key: one statement never names a key
 * twice, and an unchanged part writes nothing.
 */
export async function replaceInNodeRollups(
  tx: Repositories,
  before: readonly RatingRow[],
  after: readonly RatingRow[],
) {
  const [was, is] = [await deltasOf(tx, before), await deltasOf(tx, after)];
  const net = <T extends { count: number }>(minus: T[], plus: T[]): T[] => {
    const sums = new Map<string, T>();
    for (const [rows, sign] of [
      [minus, -1],
      [plus, 1],
    ] as const) {
      for (const row of rows) {
        const { count, ...key } = row;
        const id = JSON.stringify(Object.entries(key).sort());
        const sum = sums.get(id) ?? { ...row, count: 0 };
        sum.count += sign * count;
        sums.set(id, sum);
      }
    }
    return [...sums.values()].filter((r) => r.count !== 0);
  };
  await tx.nodeRollups.add({
    levels: net(was.levels, is.levels),
    reasons: net(was.reasons, is.reasons),
    counters: net(was.counters, is.counters),
  });
}

async function deltasOf(
  tx: Repositories,
  ratings: readonly RatingRow[],
): Promise<NodeRollupDeltas> {
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
  const stored = ratings.map((r) => ({
    unitId: r.unitId,
    // Sync only accepts sectors of the device's unit; the id stands in should one vanish.
    sectorCode: codeOf.get(r.sectorId) ?? r.sectorId,
    scale: scaleOf(r.unitId, r.month),
    month: r.month,
    level: r.level,
    category: r.category,
    reasons: r.reasons,
    counterId: r.counterId,
  }));
  return nodeRollupDeltas(stored, (unitId) => ancestorsOf(tree, unitId));
}
