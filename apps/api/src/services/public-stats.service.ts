import { addMonths, monthOf, tallyMonth, yearOfMonth, type Figures } from '@hailong/domain';
import type { PublicFigure, PublicStats } from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from './clock.ts';
import { loadTargets } from './targets-lookup.ts';
import { unitsInScope, tallyUnits } from './tally-scope.ts';

/** How long an answer is reused: the page is public and HTTP caches hold it for 5 minutes anyway. */
export const PUBLIC_STATS_TTL_MS = 60_000;

const publicFigure = (f: Figures): PublicFigure => ({
  total: f.total,
  satisfied: f.satisfied,
  rate: f.rate,
  met: f.met,
  tooFew: f.tooFew,
});

/**
 * What agencies publish (QĐ 4832/QĐ-UBND: 100 % publish their satisfaction rate): each unit's rate
 * this month and last, per sector, against its target, with the number of answers. Aggregates of
 * counted ratings only: no reason, comment or anything else a citizen typed ever leaves here.
 */
export function createPublicStatsService(
  repos: Repositories,
  clock: Clock,
  ttlMs = PUBLIC_STATS_TTL_MS,
) {
  const cache = new Map<string, { at: number; stats: PublicStats }>();

  async function compute(month: string): Promise<PublicStats> {
    const previousMonth = addMonths(month, -1);
    const scoped = await unitsInScope(repos, null, undefined);
    const years = [yearOfMonth(month), yearOfMonth(previousMonth)];
    const [targets, rollups] = await Promise.all([
      loadTargets(repos, years),
      repos.rollups.listRatings({
        unitIds: scoped.map((s) => s.unit.id),
        months: [month, previousMonth],
        categories: ['counted'],
      }),
    ]);
    const tallyOf = (m: string) => {
      const year = yearOfMonth(m);
      return tallyMonth({
        month: m,
        targetBp: targets.defaultBp(year),
        units: tallyUnits(scoped, targets, year),
        rollups,
        reasons: [],
      });
    };
    const current = tallyOf(month);
    const previous = tallyOf(previousMonth);
    return {
      month,
      previousMonth,
      minSample: current.minSample,
      generatedAt: new Date(clock()).toISOString(),
      units: current.units.map((unit, u) => {
        const before = previous.units[u]!;
        return {
          unitId: unit.unitId,
          unitName: unit.unitName,
          target: unit.totals.target,
          current: publicFigure(unit.totals),
          previous: publicFigure(before.totals),
          sectors: unit.sectors.map((sector, s) => ({
            sectorId: sector.sectorId,
            sectorName: sector.sectorName,
            target: sector.target,
            current: publicFigure(sector),
            previous: publicFigure(before.sectors[s]!),
          })),
        };
      }),
    };
  }

  return {
    /** The statistics of `month` (default: this month in Việt Nam). */
    async stats(month = monthOf(clock())): Promise<PublicStats> {
      const now = clock();
      const hit = cache.get(month);
      if (hit && now - hit.at < ttlMs) return hit.stats;
      const stats = await compute(month);
      // A handful of months are ever asked for; drop stale entries rather than grow without bound.
      for (const [key, entry] of cache) if (now - entry.at >= ttlMs) cache.delete(key);
      cache.set(month, { at: now, stats });
      return stats;
    },
  };
}

export type PublicStatsService = ReturnType<typeof createPublicStatsService>;
