/**
 * The counters of the organisation tree (cây tổ chức): every stored rating adds one to its unit and
 * to every ancestor the unit had when the rating was stored, keyed by the sector's CODE (so that
 * "Hộ tịch" of a hundred communes pools into one lĩnh vực at the province), the month, the scale in
 * force for that month, the level and the category. A later move of a unit applies to ratings
 * stored after it: counted figures are never rewritten. Pure: the sync transaction passes the
 * ratings and the tree in and writes what comes out.
 */
import { scaleAt, type ScaleFrom } from './catalogue-rules.ts';
import type { RollupCategory } from './rollup.ts';
import type { ScaleId } from './scales.ts';

/** One counter of `node_rollups`: answers of a node's subtree for one sector code and month. */
export interface NodeRollupRow {
  nodeId: string;
  sectorCode: string;
  month: string;
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  count: number;
}

/** One counter of `node_totals`: a node's answers in a month, whatever their sector. */
export type NodeTotalRow = Omit<NodeRollupRow, 'sectorCode'>;

/** The level counters summed over sector codes, as `node_totals` keeps them beside `node_rollups`. */
export function nodeTotalRows(rows: readonly NodeRollupRow[]): NodeTotalRow[] {
  const out = new Map<string, NodeTotalRow>();
  for (const { nodeId, month, scale, level, category, count } of rows) {
    const key = [nodeId, month, scale, level, category].join('\u0000');
    const seen = out.get(key);
    if (seen) seen.count += count;
    else out.set(key, { nodeId, month, scale, level, category, count });
  }
  return [...out.values()];
}

/** One counter of `node_reason_rollups`: a low-rating reason chosen in a node's subtree. */
export interface NodeReasonRollupRow {
  nodeId: string;
  sectorCode: string;
  month: string;
  reason: string;
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

/** A rating as the sync transaction stores it, with what its counters are keyed by. */
export interface NodeStoredRating {
  unitId: string;
  sectorCode: string;
  /** The scale of the unit in force for `month` (see `scaleInForce`). */
  scale: ScaleId;
  month: string;
  level: number;
  category: RollupCategory;
  reasons: readonly string[];
  /** The counter the tablet was bound to, if any. */
  counterId: string | null;
}

export interface NodeRollupDeltas {
  levels: NodeRollupRow[];
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

/**
 * The counters to add for `ratings`: per node of `nodesOf(unitId)` (the unit first, then its
 * ancestors), summed so that each key is written once per batch. Reasons count only for ratings in
 * the rate (category `counted`), like the rate they explain.
 */
export function nodeRollupDeltas(
  ratings: readonly NodeStoredRating[],
  nodesOf: (unitId: string) => readonly string[],
): NodeRollupDeltas {
  const levels = new Map<string, NodeRollupRow>();
  const reasons = new Map<string, NodeReasonRollupRow>();
  const counters = new Map<string, CounterRollupRow>();
  for (const r of ratings) {
    for (const nodeId of nodesOf(r.unitId)) {
      const key = `${nodeId}\u0000${r.sectorCode}\u0000${r.month}\u0000${r.scale}\u0000${r.level}\u0000${r.category}`;
      const row = levels.get(key);
      if (row) row.count++;
      else
        levels.set(key, {
          nodeId,
          sectorCode: r.sectorCode,
          month: r.month,
          scale: r.scale,
          level: r.level,
          category: r.category,
          count: 1,
        });
      if (r.category !== 'counted') continue;
      for (const reason of r.reasons) {
        const rkey = `${nodeId}\u0000${r.sectorCode}\u0000${r.month}\u0000${reason}`;
        const entry = reasons.get(rkey);
        if (entry) entry.count++;
        else
          reasons.set(rkey, {
            nodeId,
            sectorCode: r.sectorCode,
            month: r.month,
            reason,
            count: 1,
          });
      }
    }
    if (r.counterId === null) continue;
    const ckey = `${r.counterId}\u0000${r.month}\u0000${r.scale}\u0000${r.level}\u0000${r.category}`;
    const counter = counters.get(ckey);
    if (counter) counter.count++;
    else
      counters.set(ckey, {
        counterId: r.counterId,
        month: r.month,
        scale: r.scale,
        level: r.level,
        category: r.category,
        count: 1,
      });
  }
  return {
    levels: [...levels.values()],
    reasons: [...reasons.values()],
    counters: [...counters.values()],
  };
}
