/**
 * The satisfaction rate of each unit month by month, for trend lines: unit totals only (the monthly
 * tally has the sectors), each judged against the target the monthly tally gives its totals.
 */
import type { RatingRollupRow } from './rollup.ts';
import { RATING_SCALES, type ScaleId } from './scales.ts';
import {
  addCounts,
  DEFAULT_MIN_SAMPLE,
  figuresOf,
  ZERO_COUNTS,
  type Figures,
  type TallyCounts,
} from './tally-figures.ts';

export interface TrendInput {
  /** The months of the trend, in order. */
  months: readonly string[];
  units: readonly { id: string; name: string; scale: ScaleId }[];
  /** Rollup rows; their sector is ignored, so rows already summed over sectors do as well. */
  rollups: readonly RatingRollupRow[];
  /** The target of a unit's totals in a month (see `strictestTargetBp`); `null`: all units'. */
  targetBpOf: (month: string, unitId: string | null) => number;
  minSample?: number;
}

export interface TrendPoint extends Figures {
  month: string;
}

export interface UnitTrend {
  unitId: string;
  unitName: string;
  points: TrendPoint[];
}

export interface TallyTrend {
  months: string[];
  minSample: number;
  units: UnitTrend[];
  overall: TrendPoint[];
}

/** One point per unit and month (months without answers included), and the overall line. */
export function tallyTrend(input: TrendInput): TallyTrend {
  const minSample = input.minSample ?? DEFAULT_MIN_SAMPLE;
  const monthIndex = new Map(input.months.map((m, i) => [m, i]));
  const unitIndex = new Map(input.units.map((u, i) => [u.id, i]));
  const grid: TallyCounts[][] = input.units.map(() => input.months.map(() => ({ ...ZERO_COUNTS })));

  for (const row of input.rollups) {
    const u = unitIndex.get(row.unitId);
    const m = monthIndex.get(row.month);
    if (u === undefined || m === undefined) continue;
    const counts = grid[u]![m]!;
    if (row.category === 'repeat') counts.repeats += row.count;
    else if (row.category === 'bad_clock') counts.badClock += row.count;
    else if (row.category === 'superseded') counts.superseded += row.count;
    else {
      const level = RATING_SCALES[input.units[u]!.scale].levels.find((l) => l.level === row.level);
      if (!level) counts.otherLevels += row.count;
      else {
        counts.total += row.count;
        if (level.satisfied) counts.satisfied += row.count;
      }
    }
  }

  const point = (month: string, unitId: string | null, counts: TallyCounts): TrendPoint => ({
    month,
    ...figuresOf(counts, input.targetBpOf(month, unitId), minSample),
  });
  return {
    months: [...input.months],
    minSample,
    units: input.units.map((unit, u) => ({
      unitId: unit.id,
      unitName: unit.name,
      points: input.months.map((month, m) => point(month, unit.id, grid[u]![m]!)),
    })),
    overall: input.months.map((month, m) =>
      point(
        month,
        null,
        grid.reduce<TallyCounts>((sum, row) => addCounts(sum, row[m]!), { ...ZERO_COUNTS }),
      ),
    ),
  };
}
