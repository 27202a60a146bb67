import {
  monthRange,
  strictestTargetBp,
  tallyMonth,
  tallyTrend,
  yearOfMonth,
  type OnTimeRow,
} from '@hailong/domain';
import { MAX_TREND_MONTHS, type MonthTally, type TallyTrend } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { loadTargets } from './targets-lookup.ts';
import { unitsInScope, tallyUnits } from './tally-scope.ts';

/** The register's on-time figures of a month (feedback-on-time.ts); absent until it exists. */
export type FeedbackOnTimeSource = (month: string, unitId?: string) => Promise<OnTimeRow[]>;

export interface TallyOptions {
  unitId?: string;
  minSample?: number;
}

/**
 * The monthly tally and its trend, read from the rollup counters (never from raw ratings: the
 * counters are kept in the sync transaction, so they are exact and a month costs one small read).
 */
export function createTallyService(repos: Repositories, feedbackOnTime?: FeedbackOnTimeSource) {
  return {
    /** One month, per unit and sector, for what `user` may see (null: everything). */
    async month(
      month: string,
      user: UserRow | null,
      options: TallyOptions = {},
    ): Promise<MonthTally> {
      const scoped = await unitsInScope(repos, user, options.unitId);
      const year = yearOfMonth(month);
      const filter = { unitIds: scoped.map((s) => s.unit.id), months: [month] };
      const [targets, rollups, reasons, feedback] = await Promise.all([
        loadTargets(repos, [year]),
        repos.rollups.listRatings(filter),
        repos.rollups.listReasons(filter),
        feedbackOnTime?.(month, scoped.length === 1 ? scoped[0]!.unit.id : undefined),
      ]);
      const tally = tallyMonth({
        month,
        targetBp: targets.defaultBp(year),
        units: tallyUnits(scoped, targets, year),
        rollups,
        reasons,
        minSample: options.minSample,
        feedback,
      });
      return { kind: 'month', ...tally };
    },

    /** Unit totals month by month from `from` to `to`, for trend lines. */
    async trend(
      from: string,
      to: string,
      user: UserRow | null,
      options: TallyOptions = {},
    ): Promise<TallyTrend> {
      const months = monthRange(from, to);
      if (months.length > MAX_TREND_MONTHS) {
        throw new ApiError(
          422,
          'validation_failed',
          `Chỉ xem được tối đa ${MAX_TREND_MONTHS} tháng.`,
          [{ path: 'to', message: `at most ${MAX_TREND_MONTHS} months` }],
        );
      }
      const scoped = await unitsInScope(repos, user, options.unitId);
      const [targets, rollups] = await Promise.all([
        loadTargets(repos, months.map(yearOfMonth)),
        repos.rollups.listRatingsByUnit({ unitIds: scoped.map((s) => s.unit.id), months }),
      ]);
      // Each year's unit targets as the monthly tally sets them: the strictest of the unit's sectors.
      const targetOf = new Map<string, number>();
      for (const year of new Set(months.map(yearOfMonth))) {
        const units = tallyUnits(scoped, targets, year);
        const fallback = targets.defaultBp(year);
        for (const u of units)
          targetOf.set(`${year}/${u.id}`, strictestTargetBp(u.sectors, fallback));
        const all = units.flatMap((u) => u.sectors);
        targetOf.set(`${year}/`, strictestTargetBp(all, fallback));
      }
      const trend = tallyTrend({
        months,
        units: scoped.map(({ unit }) => ({ id: unit.id, name: unit.name, scale: unit.scale })),
        rollups,
        targetBpOf: (month, unitId) => targetOf.get(`${yearOfMonth(month)}/${unitId ?? ''}`)!,
        minSample: options.minSample,
      });
      return { kind: 'trend', ...trend };
    },
  };
}

export type TallyService = ReturnType<typeof createTallyService>;
