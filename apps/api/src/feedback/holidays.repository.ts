import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { HolidayRepository } from './feedback-types.ts';

/** The holiday calendar (days off and make-up working days) deadlines are counted against. */
export function createHolidayRepository(db: Kysely<Database>): HolidayRepository {
  return {
    async list(range) {
      let query = db.selectFrom('holidays').select(['date', 'name', 'kind', 'note']);
      if (range) query = query.where('date', '>=', range.from).where('date', '<=', range.to);
      return query.orderBy('date').execute();
    },
    async upsert(entry, at, by) {
      const { date, name, kind, note } = entry;
      await db
        .insertInto('holidays')
        .values({ date, name, kind, note, updatedAt: at, updatedBy: by })
        .onConflict((oc) =>
          oc.column('date').doUpdateSet({ name, kind, note, updatedAt: at, updatedBy: by }),
        )
        .execute();
    },
    async delete(date) {
      const result = await db.deleteFrom('holidays').where('date', '=', date).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
