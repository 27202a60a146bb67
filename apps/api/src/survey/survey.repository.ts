/** Counter PINs, counter duty and unit survey settings, the same on SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';
import type { UnitSurveySettings } from '@hailong/contracts';
import type { Database } from '../db/schema.ts';
import type { CounterDutyRow, SurveyRepository } from './survey-types.ts';

export function createSurveyRepository(db: Kysely<Database>): SurveyRepository {
  const duty = (r: CounterDutyRow): CounterDutyRow => ({
    counterId: r.counterId,
    officerId: r.officerId,
    since: Number(r.since),
    source: r.source,
    setBy: r.setBy,
    updatedAt: Number(r.updatedAt),
  });

  return {
    async listPins(userIds) {
      if (userIds?.length === 0) return new Map();
      let query = db.selectFrom('counterPins').select(['userId', 'verifier']);
      if (userIds) query = query.where('userId', 'in', [...userIds]);
      return new Map((await query.execute()).map((r) => [r.userId, r.verifier]));
    },
    async putPin(row) {
      const { verifier, updatedAt } = row;
      await db
        .insertInto('counterPins')
        .values(row)
        .onConflict((oc) => oc.column('userId').doUpdateSet({ verifier, updatedAt }))
        .execute();
    },
    async deletePin(userId) {
      const result = await db
        .deleteFrom('counterPins')
        .where('userId', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async listDuties(counterIds) {
      if (counterIds?.length === 0) return new Map();
      let query = db.selectFrom('counterDuty').selectAll();
      if (counterIds) query = query.where('counterId', 'in', [...counterIds]);
      return new Map((await query.execute()).map((r) => [r.counterId, duty(r)]));
    },
    async putDutyIfNewer(row) {
      const { officerId, since, source, setBy, updatedAt } = row;
      // One statement, so two writers at once cannot both win: the update applies only when the
      // stored duty is not newer.
      await db
        .insertInto('counterDuty')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('counterId')
            .doUpdateSet({ officerId, since, source, setBy, updatedAt })
            .where('counterDuty.since', '<=', since),
        )
        .execute();
      const stored = await db
        .selectFrom('counterDuty')
        .selectAll()
        .where('counterId', '=', row.counterId)
        .executeTakeFirstOrThrow();
      return duty(stored);
    },

    async listSurveySettings() {
      const rows = await db.selectFrom('unitSurveySettings').selectAll().execute();
      return rows.map((r) => ({
        unitId: r.unitId,
        settings: JSON.parse(r.settings) as UnitSurveySettings,
        updatedAt: Number(r.updatedAt),
        updatedBy: r.updatedBy,
      }));
    },
    async putSurveySettings(row) {
      const settings = JSON.stringify(row.settings);
      const { updatedAt, updatedBy } = row;
      await db
        .insertInto('unitSurveySettings')
        .values({ ...row, settings })
        .onConflict((oc) => oc.column('unitId').doUpdateSet({ settings, updatedAt, updatedBy }))
        .execute();
    },
    async deleteSurveySettings(unitId) {
      const result = await db
        .deleteFrom('unitSurveySettings')
        .where('unitId', '=', unitId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
