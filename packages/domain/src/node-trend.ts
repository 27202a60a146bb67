/**
 * A node's totals month by month (diễn biến), for trend lines: each month pooled over the node's
 * whole subtree and judged against the node's target of that month's year.
 */
import { addScaled, newCountCell, type CountCell, type ScaledCount } from './node-counts.ts';
import type { OverallTarget } from './node-targets.ts';
import { DEFAULT_MIN_SAMPLE, figuresOf } from './tally-figures.ts';
import type { TargetedFigures } from './node-tally.ts';

export interface MonthCount extends ScaledCount {
  month: string;
}

export interface NodeTrendInput {
  /** The months of the trend, in order. */
  months: readonly string[];
  rows: readonly MonthCount[];
  /** The node's target in a month (targets are set per year). */
  targetOf: (month: string) => OverallTarget;
  minSample?: number;
}

export interface NodeTrendPoint extends TargetedFigures {
  month: string;
}

/** One point per month, months without answers included. */
export function tallyNodeTrend(input: NodeTrendInput): {
  minSample: number;
  points: NodeTrendPoint[];
} {
  const minSample = input.minSample ?? DEFAULT_MIN_SAMPLE;
  const cells = new Map<string, CountCell>(input.months.map((m) => [m, newCountCell()]));
  for (const row of input.rows) {
    const cell = cells.get(row.month);
    if (cell) addScaled(cell, row);
  }
  return {
    minSample,
    points: input.months.map((month) => {
      const target = input.targetOf(month);
      return {
        month,
        ...figuresOf(cells.get(month)!.counts, target.targetBp, minSample),
        targetSource: target.source,
      };
    }),
  };
}
