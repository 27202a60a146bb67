/**
 * The figures of each counter (quầy) of a unit for a period, from the counter rollups: which desk
 * the answers were given at. Judged against the unit's own target, since a counter has none.
 */
import {
  addScaled,
  cellScale,
  newCountCell,
  uniformLevels,
  type CountCell,
  type LevelCount,
  type ScaledCount,
} from './node-counts.ts';
import type { OverallTarget } from './node-targets.ts';
import type { TargetedFigures } from './node-tally.ts';
import type { ScaleId } from './scales.ts';
import { DEFAULT_MIN_SAMPLE, figuresOf } from './tally-figures.ts';

export interface CounterCount extends ScaledCount {
  counterId: string;
}

export interface CounterInput {
  id: string;
  code: string;
  name: string;
  archived: boolean;
}

export interface CounterTally extends TargetedFigures {
  counterId: string;
  code: string;
  name: string;
  archived: boolean;
  scale: ScaleId | null;
  levels: LevelCount[] | null;
}

/** One row per counter in the given order; archived counters only when they have answers. */
export function tallyCounters(input: {
  counters: readonly CounterInput[];
  rows: readonly CounterCount[];
  target: OverallTarget;
  /** The unit's scale, for the levels of a counter without answers. */
  scale: ScaleId;
  minSample?: number;
}): CounterTally[] {
  const minSample = input.minSample ?? DEFAULT_MIN_SAMPLE;
  const cells = new Map<string, CountCell>();
  for (const row of input.rows) {
    let cell = cells.get(row.counterId);
    if (!cell) cells.set(row.counterId, (cell = newCountCell()));
    addScaled(cell, row);
  }
  return input.counters
    .filter((c) => !c.archived || cells.has(c.id))
    .map((c) => {
      const cell = cells.get(c.id) ?? newCountCell();
      const scale = cellScale(cell, input.scale);
      return {
        counterId: c.id,
        code: c.code,
        name: c.name,
        archived: c.archived,
        ...figuresOf(cell.counts, input.target.targetBp, minSample),
        targetSource: input.target.source,
        scale,
        levels: uniformLevels(cell, scale),
      };
    });
}
