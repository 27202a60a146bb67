/**
 * The counters of the organisation tree (cây tổ chức), the one counter model every report reads:
 * every stored rating adds one to its unit and to every ancestor the unit had when the rating was
 * stored, keyed by the sector's CODE (so that "Hộ tịch" of a hundred communes pools into one lĩnh
 * vực at the province), the month, the scale in force for that month, the level and the category,
 * and marked `own` at the rating's own unit (so a unit's own answers read apart from its subtree's).
 * A later move of a unit applies to ratings stored after it: counted figures are never rewritten,
 * and a correction of a stored rating moves the counters of the nodes that counted it. Pure: the
 * store passes the ratings and the tree in and writes what comes out.
 */
import { scaleAt, type ScaleFrom } from './catalogue-rules.ts';
import type { SourceChannel } from './channels.ts';
import type { RollupCategory } from './rollup.ts';
import type { ScaleId } from './scales.ts';

/** 1 at the rating's own unit, 0 at its ancestors. */
export type Own = 0 | 1;

/** One counter of `node_rollups`: answers of a node's subtree for one sector code and month. */
export interface NodeRollupRow {
  nodeId: string;
  sectorCode: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  own: Own;
  count: number;
}

/** One counter of `node_totals`: a node's answers in a month whatever their sector, by channel. */
export interface NodeTotalRow {
  nodeId: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  channel: SourceChannel;
  count: number;
}

/** One counter of `node_reason_rollups`: a low-rating reason chosen in a node's subtree. */
export interface NodeReasonRollupRow {
  nodeId: string;
  sectorCode: string;
  month: string;
  reason: string;
  own: Own;
  count: number;
}

/** One counter of `counter_rollups`: answers given at one counter (quầy). */
export interface CounterRollupRow {
  counterId: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  count: number;
}

/** A rating as the store keeps it, with what its counters are keyed by. */
export interface NodeStoredRating {
  unitId: string;
  sectorCode: string;
  /** The scale of the unit in force for `month` (see `scaleInForce`). */
  scale: ScaleId;
  month: string;
  level: number;
  category: RollupCategory;
  reasons: readonly string[];
  /** The counter the rating was given at, if any. */
  counterId: string | null;
  channel: SourceChannel;
  /** When it was stored: the tree of that instant is the one it counts under. */
  storedAt: number;
}

export interface NodeRollupDeltas {
  levels: NodeRollupRow[];
  totals: NodeTotalRow[];
  reasons: NodeReasonRollupRow[];
  counters: CounterRollupRow[];
}

/**
 * The scale a unit used in `month` (`scaleAt`), else the unit's own scale (units made before
 * scales were kept per month).
 */
export function scaleInForce(
  changes: readonly ScaleFrom<ScaleId>[],
  month: string,
  fallback: ScaleId,
): ScaleId {
  return scaleAt(changes, month) ?? fallback;
}

const key = (...parts: (string | number)[]) => parts.join('\u0000');

/** Adds `by` to the row under `key`, made by `make` the first time. */
function bump<T extends { count: number }>(
  map: Map<string, T>,
  key: string,
  by: number,
  make: () => T,
) {
  const row = map.get(key);
  if (row) row.count += by;
  else map.set(key, { ...make(), count: by });
}

/**
 * The counters to add for `ratings` (`sign` -1: to take away), per node of `nodesOf(unitId,
 * storedAt)` (the unit first, then its ancestors as they stood then), summed so that each key is
 * written once. Reasons count only for ratings in the rate (category `counted`), like the rate
 * they explain.
 */
export function nodeRollupDeltas(
  ratings: readonly NodeStoredRating[],
  nodesOf: (unitId: string, storedAt: number) => readonly string[],
  sign: 1 | -1 = 1,
): NodeRollupDeltas {
  const levels = new Map<string, NodeRollupRow>();
  const totals = new Map<string, NodeTotalRow>();
  const reasons = new Map<string, NodeReasonRollupRow>();
  const counters = new Map<string, CounterRollupRow>();
  for (const r of ratings) {
    const { sectorCode, month, scale, level, category, channel } = r;
    for (const nodeId of nodesOf(r.unitId, r.storedAt)) {
      const own: Own = nodeId === r.unitId ? 1 : 0;
      bump(levels, key(nodeId, month, sectorCode, scale, level, category, own), sign, () => ({
        nodeId,
        sectorCode,
        month,
        scale,
        level,
        category,
        own,
        count: 0,
      }));
      bump(totals, key(nodeId, month, scale, level, category, channel), sign, () => ({
        nodeId,
        month,
        scale,
        level,
        category,
        channel,
        count: 0,
      }));
      if (category !== 'counted') continue;
      for (const reason of r.reasons) {
        bump(reasons, key(nodeId, month, sectorCode, reason, own), sign, () => ({
          nodeId,
          sectorCode,
          month,
          reason,
          own,
          count: 0,
        }));
      }
    }
    const { counterId } = r;
    if (counterId === null) continue;
    bump(counters, key(counterId, month, scale, level, category), sign, () => ({
      counterId,
      month,
      scale,
      level,
      category,
      count: 0,
    }));
  }
  return {
    levels: [...levels.values()],
    totals: [...totals.values()],
    reasons: [...reasons.values()],
    counters: [...counters.values()],
  };
}

/**
 * `a` and `b` added together, netted per key: one statement never names a key twice, and a part
 * that cancels out (an amendment that changed nothing counted) writes nothing.
 */
export function netDeltas(a: NodeRollupDeltas, b: NodeRollupDeltas): NodeRollupDeltas {
  const net = <T extends { count: number }>(x: readonly T[], y: readonly T[]): T[] => {
    const sums = new Map<string, T>();
    for (const row of [...x, ...y]) {
      const { count, ...key } = row;
      const id = JSON.stringify(Object.entries(key).sort(([k1], [k2]) => (k1 < k2 ? -1 : 1)));
      bump(sums, id, count, () => ({ ...row, count: 0 }));
    }
    return [...sums.values()].filter((r) => r.count !== 0);
  };
  return {
    levels: net(a.levels, b.levels),
    totals: net(a.totals, b.totals),
    reasons: net(a.reasons, b.reasons),
    counters: net(a.counters, b.counters),
  };
}
