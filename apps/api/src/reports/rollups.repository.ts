import type { Kysely } from 'kysely';
import type { RatingRollupRow, ReasonRollupRow } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { RollupFilter, RollupRepository } from './tally-types.ts';

/** Units per query: keeps IN lists far below SQLite's bound-parameter limit. */
const UNITS_PER_QUERY = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += UNITS_PER_QUERY) {
    out.push(values.slice(i, i + UNITS_PER_QUERY));
  }
  return out;
}

/** Built field by field: `{ ...row, count }` takes V8's slow path, at tens of thousands of rows. */
function ratingRow(
  unitId: string,
  sectorId: string,
  r: Pick<RatingRollupRow, 'month' | 'level' | 'category'> & { count: number | string },
): RatingRollupRow {
  return {
    unitId,
    sectorId,
    month: r.month,
    level: r.level,
    category: r.category,
    count: Number(r.count),
  };
}

/**
 * Reads the monthly counters. Filtering by unit first lets both dialects walk the primary key
 * (unit_id, month, …) instead of scanning every month ever counted. Counts are `bigint`; PostgreSQL
 * answers SUM(bigint) as numeric text, hence the Number().
 */
export function createRollupRepository(db: Kysely<Database>): RollupRepository {
  const ratingQuery = (filter: RollupFilter, unitIds: string[]) => {
    let query = db
      .selectFrom('ratingRollups')
      .where('unitId', 'in', unitIds)
      .where('month', 'in', [...filter.months]);
    if (filter.categories) query = query.where('category', 'in', [...filter.categories]);
    return query;
  };
  const empty = (filter: Omit<RollupFilter, 'categories'>) =>
    filter.unitIds.length === 0 || filter.months.length === 0;

  return {
    async listRatings(filter) {
      if (empty(filter)) return [];
      const out: RatingRollupRow[] = [];
      for (const unitIds of chunks(filter.unitIds)) {
        const rows = await ratingQuery(filter, unitIds)
          .select(['unitId', 'sectorId', 'month', 'level', 'category', 'count'])
          .execute();
        for (const r of rows) out.push(ratingRow(r.unitId, r.sectorId, r));
      }
      return out;
    },
    async listRatingsByUnit(filter) {
      if (empty(filter)) return [];
      const out: RatingRollupRow[] = [];
      for (const unitIds of chunks(filter.unitIds)) {
        const rows = await ratingQuery(filter, unitIds)
          .select((eb) => [
            'unitId',
            'month',
            'level',
            'category',
            eb.fn.sum<number | string>('count').as('count'),
          ])
          .groupBy(['unitId', 'month', 'level', 'category'])
          .execute();
        for (const r of rows) out.push(ratingRow(r.unitId, '', r));
      }
      return out;
    },
    async listReasons(filter) {
      if (empty(filter)) return [];
      const out: ReasonRollupRow[] = [];
      for (const unitIds of chunks(filter.unitIds)) {
        const rows = await db
          .selectFrom('ratingReasonRollups')
          .select(['unitId', 'sectorId', 'month', 'reason', 'count'])
          .where('unitId', 'in', unitIds)
          .where('month', 'in', [...filter.months])
          .execute();
        for (const r of rows) {
          out.push({
            unitId: r.unitId,
            sectorId: r.sectorId,
            month: r.month,
            reason: r.reason,
            count: Number(r.count),
          });
        }
      }
      return out;
    },
  };
}
