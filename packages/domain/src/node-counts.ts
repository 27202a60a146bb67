/**
 * Adding rollup counters into tally counts, each row read on the scale it was counted on: the scale
 * is part of every node counter, so a unit that moved from three to five levels, or a province
 * pooling units of both scales, still puts every answer in the right place.
 */
import type { RollupCategory } from './rollup.ts';
import { RATING_SCALES, type ScaleId } from './scales.ts';
import { ZERO_COUNTS, type TallyCounts } from './tally-figures.ts';

/** A counter as the node tally reads it: already summed over whatever it does not need. */
export interface ScaledCount {
  scale: ScaleId;
  level: number;
  category: RollupCategory;
  count: number;
}

const SATISFIED: Readonly<Record<ScaleId, ReadonlyMap<number, boolean>>> = {
  five: new Map(RATING_SCALES.five.levels.map((l) => [l.level, l.satisfied])),
  three: new Map(RATING_SCALES.three.levels.map((l) => [l.level, l.satisfied])),
};

/** Running counts of one cell: the figures' counts, answers per scale and level, and the scales seen. */
export interface CountCell {
  counts: TallyCounts;
  /** `${scale}:${level}` → answers in the rate. */
  levels: Map<string, number>;
  scales: Set<ScaleId>;
}

export const newCountCell = (): CountCell => ({
  counts: { ...ZERO_COUNTS },
  levels: new Map(),
  scales: new Set(),
});

/** Answers at one level, in the order the legal form lists a scale's levels. */
export interface LevelCount {
  level: number;
  count: number;
}

/** How often a low-rating reason was chosen. */
export interface ReasonCount {
  reason: string;
  count: number;
}

/**
 * Adds one counter to a cell: `counted` ratings to the official rate, every other category to its
 * own field of the excluded breakdown (`unverified` phone ratings with their satisfied ones, for
 * the rate shown apart).
 */
export function addScaled(cell: CountCell, row: ScaledCount): void {
  if (row.count === 0) return;
  const c = cell.counts;
  const satisfied = SATISFIED[row.scale]?.get(row.level);
  switch (row.category) {
    case 'counted': {
      if (satisfied === undefined) {
        c.otherLevels += row.count;
        return;
      }
      c.total += row.count;
      if (satisfied) c.satisfied += row.count;
      const key = `${row.scale}:${row.level}`;
      cell.levels.set(key, (cell.levels.get(key) ?? 0) + row.count);
      cell.scales.add(row.scale);
      return;
    }
    case 'repeat':
      c.repeats += row.count;
      return;
    case 'bad_clock':
      c.badClock += row.count;
      return;
    case 'superseded':
      c.superseded += row.count;
      return;
    case 'unverified':
      c.unverified += row.count;
      if (satisfied) c.unverifiedSatisfied += row.count;
      return;
    case 'late':
      c.late += row.count;
      return;
    case 'excluded':
      c.excludedBySupervisor += row.count;
      return;
    default: {
      // A category added later fails to compile here until it is given its own field.
      const unknown: never = row.category;
      throw new Error(`no field for category ${String(unknown)}`);
    }
  }
}

/**
 * Answers per level in the order the legal form lists them, when every answer in the cell is on one
 * scale (`scale`); null when answers of both scales were pooled, since "level 3" means different
 * things on each.
 */
export function uniformLevels(
  cell: CountCell,
  scale: ScaleId | null,
): { level: number; count: number }[] | null {
  if (scale === null) return null;
  return RATING_SCALES[scale].levels.map((l) => ({
    level: l.level,
    count: cell.levels.get(`${scale}:${l.level}`) ?? 0,
  }));
}

/**
 * The one scale of a cell: the scale of its answers when they share one; with no answers, the
 * scale the caller expects (`expected`); null when answers of both scales are pooled.
 */
export function cellScale(cell: CountCell, expected: ScaleId | null): ScaleId | null {
  if (cell.scales.size > 1) return null;
  const [only] = cell.scales;
  return only ?? expected;
}

/** Subtracts `b` from `a`; undefined when any count would go negative. */
export function subtractCounts(a: TallyCounts, b: TallyCounts): TallyCounts | undefined {
  const out: TallyCounts = {
    total: a.total - b.total,
    satisfied: a.satisfied - b.satisfied,
    repeats: a.repeats - b.repeats,
    badClock: a.badClock - b.badClock,
    superseded: a.superseded - b.superseded,
    unverified: a.unverified - b.unverified,
    unverifiedSatisfied: a.unverifiedSatisfied - b.unverifiedSatisfied,
    late: a.late - b.late,
    otherLevels: a.otherLevels - b.otherLevels,
    excludedBySupervisor: a.excludedBySupervisor - b.excludedBySupervisor,
  };
  return Object.values(out).some((n) => n < 0) ? undefined : out;
}

/** The counts of each node from its counters, summed over whatever else they are keyed by. */
export function countsByNode(
  rows: readonly (ScaledCount & { nodeId: string })[],
): Map<string, TallyCounts> {
  const cells = new Map<string, CountCell>();
  for (const row of rows) {
    let cell = cells.get(row.nodeId);
    if (!cell) cells.set(row.nodeId, (cell = newCountCell()));
    addScaled(cell, row);
  }
  return new Map([...cells].map(([id, cell]) => [id, cell.counts]));
}

/** Whether anything at all was counted, in the rate or not. */
export const hasCounts = (counts: TallyCounts) => Object.values(counts).some((n) => n > 0);
