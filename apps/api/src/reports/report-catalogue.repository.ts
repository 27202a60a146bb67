import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ReportCatalogueRepository } from './report-types.ts';

/** The catalogue as reports read it: only the columns they use, no ordering in SQL. */
export function createReportCatalogueRepository(db: Kysely<Database>): ReportCatalogueRepository {
  return {
    sectors: () =>
      db
        .selectFrom('sectors')
        .select(['id', 'unitId', 'code', 'name', 'sortOrder', 'archivedAt'])
        .execute(),
    counters(unitId) {
      let query = db
        .selectFrom('counters')
        .select(['id', 'unitId', 'code', 'name', 'sortOrder', 'archivedAt']);
      if (unitId !== undefined) query = query.where('unitId', '=', unitId);
      return query.execute();
    },
    renamedHistory: () =>
      db
        .selectFrom('catalogueHistory')
        .select(['entityType', 'entityId', 'month', 'name'])
        .where('entityId', 'in', (eb) =>
          eb.selectFrom('catalogueHistory').select('entityId').where('action', '=', 'rename'),
        )
        .orderBy('at')
        .orderBy('id')
        .execute(),
    version: async () =>
      (
        await db
          .selectFrom('catalogueVersion')
          .select('token')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow()
      ).token,
  };
}
