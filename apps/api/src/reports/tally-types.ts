/**
 * The storage contract of the tally: the monthly rollup counters it reads instead of raw ratings,
 * and the targets it judges them against.
 */
import type { RatingRollupRow, ReasonRollupRow, RollupCategory } from '@hailong/domain';
import type { TargetRow } from '../repositories/types.ts';

export interface RollupFilter {
  unitIds: readonly string[];
  months: readonly string[];
  /** Only these categories; all when absent. */
  categories?: readonly RollupCategory[];
}

export interface RollupRepository {
  /** The level counters of these units in these months, per sector. */
  listRatings(filter: RollupFilter): Promise<RatingRollupRow[]>;
  /** The same summed over sectors (`sectorId` is ''), for trends. */
  listRatingsByUnit(filter: RollupFilter): Promise<RatingRollupRow[]>;
  /** The low-rating reason counters of these units in these months. */
  listReasons(filter: Omit<RollupFilter, 'categories'>): Promise<ReasonRollupRow[]>;
}

export interface TargetRepository {
  /** Every sector's own target in these years. */
  listForYears(years: readonly number[]): Promise<TargetRow[]>;
  /** The default target (basis points) of each of these years that has one. */
  listDefaults(years: readonly number[]): Promise<Map<number, number>>;
  /** Removes a sector's own target so the year's default applies; whether there was one. */
  remove(unitId: string, sectorId: string, year: number): Promise<boolean>;
}
