import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { TargetRepository } from './report-types.ts';

/**
 * Targets across years (a trend may span two) and their removal; sector writes go through the
 * catalogue, a node's overall target (chỉ tiêu chung) is written here.
 */
export function createTargetRepository(db: Kysely<Database>): TargetRepository {
  return {
    async listForYears(years) {
      if (years.length === 0) return [];
      return db
        .selectFrom('targets')
        .selectAll()
        .where('year', 'in', [...years])
        .orderBy('year')
        .orderBy('unitId')
        .orderBy('sectorId')
        .execute();
    },
    async listDefaults(years) {
      if (years.length === 0) return new Map();
      const rows = await db
        .selectFrom('defaultTargets')
        .select(['year', 'targetBp'])
        .where('year', 'in', [...years])
        .execute();
      return new Map(rows.map((r) => [r.year, r.targetBp]));
    },
    async remove(unitId, sectorId, year) {
      const result = await db
        .deleteFrom('targets')
        .where('unitId', '=', unitId)
        .where('sectorId', '=', sectorId)
        .where('year', '=', year)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listOverall(years) {
      if (years.length === 0) return [];
      return db
        .selectFrom('overallTargets')
        .selectAll()
        .where('year', 'in', [...years])
        .orderBy('year')
        .orderBy('unitId')
        .execute();
    },
    async upsertOverall(row) {
      const { targetBp, updatedAt, updatedBy } = row;
      await db
        .insertInto('overallTargets')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['unitId', 'year']).doUpdateSet({ targetBp, updatedAt, updatedBy }),
        )
        .execute();
    },
    async removeOverall(unitId, year) {
      const result = await db
        .deleteFrom('overallTargets')
        .where('unitId', '=', unitId)
        .where('year', '=', year)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
