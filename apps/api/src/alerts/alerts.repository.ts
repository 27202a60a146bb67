import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { chunks } from '../db/chunks.ts';
import type { AlertRepository, AlertRow } from './alert-types.ts';

type Stored = Omit<AlertRow, 'facts'> & { facts: string };
const parsed = <T extends Stored>(row: T) => ({
  ...row,
  facts: JSON.parse(row.facts) as AlertRow['facts'],
});

export function createAlertRepository(db: Kysely<Database>): AlertRepository {
  const forUser = (userId: string) =>
    db
      .selectFrom('alertRecipients')
      .innerJoin('alerts', 'alerts.id', 'alertRecipients.alertId')
      .selectAll('alerts')
      .select(['alertRecipients.readAt', 'alertRecipients.mailedAt'])
      .where('alertRecipients.userId', '=', userId);

  return {
    async raise(alert) {
      // The partial unique index on open keys decides: a second raiser inserts nothing.
      const row = await db
        .insertInto('alerts')
        .values({ ...alert, facts: JSON.stringify(alert.facts) })
        .onConflict((oc) => oc.column('conditionKey').where('resolvedAt', 'is', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async listOpen() {
      const rows = await db
        .selectFrom('alerts')
        .selectAll()
        .where('resolvedAt', 'is', null)
        .execute();
      return rows.map(parsed);
    },
    async findOpenKeys(keys) {
      if (keys.length === 0) return new Set();
      const rows = await db
        .selectFrom('alerts')
        .select('conditionKey')
        .where('conditionKey', 'in', keys)
        .where('resolvedAt', 'is', null)
        .execute();
      return new Set(rows.map((r) => r.conditionKey));
    },
    async findById(id) {
      const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && parsed(row);
    },
    async resolve(ids, at) {
      if (ids.length === 0) return [];
      const rows = await db
        .updateTable('alerts')
        .set({ resolvedAt: at })
        .where('id', 'in', ids)
        .where('resolvedAt', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    async acknowledge(id, userId, at) {
      const result = await db
        .updateTable('alerts')
        .set({ acknowledgedAt: at, acknowledgedBy: userId })
        .where('id', '=', id)
        .where('acknowledgedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async appendEvents(events) {
      if (events.length > 0)
        await db
          .insertInto('alertEvents')
          .values([...events])
          .execute();
    },
    async listEvents(alertIds) {
      if (alertIds.length === 0) return [];
      return db
        .selectFrom('alertEvents')
        .selectAll()
        .where('alertId', 'in', alertIds)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    async addRecipients(alertId, userIds) {
      if (userIds.length === 0) return;
      await db
        .insertInto('alertRecipients')
        .values(userIds.map((userId) => ({ alertId, userId, readAt: null, mailedAt: null })))
        .onConflict((oc) => oc.columns(['alertId', 'userId']).doNothing())
        .execute();
    },
    async findForUser(userId, alertId) {
      const row = await forUser(userId).where('alerts.id', '=', alertId).executeTakeFirst();
      return row && parsed(row);
    },
    async listForUser(userId, limit) {
      const rows = await forUser(userId)
        .orderBy('alerts.raisedAt', 'desc')
        .orderBy('alerts.id')
        .limit(limit)
        .execute();
      return rows.map(parsed);
    },
    async countUnread(userId) {
      const row = await db
        .selectFrom('alertRecipients')
        .innerJoin('alerts', 'alerts.id', 'alertRecipients.alertId')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('alertRecipients.userId', '=', userId)
        .where('alertRecipients.readAt', 'is', null)
        .where('alerts.acknowledgedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markRead(userId, alertIds, at) {
      if (alertIds.length === 0) return;
      await db
        .updateTable('alertRecipients')
        .set({ readAt: at })
        .where('userId', '=', userId)
        .where('alertId', 'in', alertIds)
        .where('readAt', 'is', null)
        .execute();
    },
    async listUnmailed(userId) {
      const rows = await forUser(userId)
        .where('alertRecipients.mailedAt', 'is', null)
        .orderBy('alerts.raisedAt')
        .orderBy('alerts.id')
        .execute();
      return rows.map(parsed);
    },
    async markMailed(userId, alertIds, at) {
      if (alertIds.length === 0) return;
      await db
        .updateTable('alertRecipients')
        .set({ mailedAt: at })
        .where('userId', '=', userId)
        .where('alertId', 'in', alertIds)
        .where('mailedAt', 'is', null)
        .execute();
    },

    async listRuleSettings() {
      const rows = await db.selectFrom('alertRuleSettings').selectAll().execute();
      return rows.map((r) => ({
        ...r,
        settings: JSON.parse(r.settings) as Record<string, unknown>,
      }));
    },
    async putRuleSetting(row) {
      const settings = JSON.stringify(row.settings);
      const { updatedAt, updatedBy } = row;
      await db
        .insertInto('alertRuleSettings')
        .values({ ...row, settings })
        .onConflict((oc) =>
          oc.columns(['unitId', 'kind']).doUpdateSet({ settings, updatedAt, updatedBy }),
        )
        .execute();
    },
    async deleteRuleSetting(unitId, kind) {
      const result = await db
        .deleteFrom('alertRuleSettings')
        .where('unitId', '=', unitId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async listBurstCandidates(ratingIds, maxLevel) {
      const out = [];
      for (const part of chunks(ratingIds)) {
        const rows = await db
          .selectFrom('ratings')
          .select([
            'id',
            'unitId',
            'counterId',
            'deviceId',
            'channel',
            'level',
            'month',
            'deviceTime',
            'receivedAt',
          ])
          .where('id', 'in', part)
          .where('category', '=', 'counted')
          .where('level', '<=', maxLevel)
          .execute();
        out.push(...rows);
      }
      return out;
    },
    async addUnhappy(rows) {
      for (const part of chunks(rows)) {
        await db
          .insertInto('alertUnhappy')
          .values(part)
          .onConflict((oc) => oc.column('ratingId').doNothing())
          .execute();
      }
    },
    async listUnjudgedCounters(limit) {
      const rows = await db
        .selectFrom('alertUnhappy')
        .select('counterKey')
        .distinct()
        .where('judgedAt', 'is', null)
        .orderBy('counterKey')
        .limit(limit)
        .execute();
      return rows.map((r) => r.counterKey);
    },
    async listUnhappy(counterKeys, from) {
      if (counterKeys.length === 0) return [];
      return db
        .selectFrom('alertUnhappy')
        .selectAll()
        .where('counterKey', 'in', counterKeys)
        .where('at', '>=', from)
        .orderBy('at')
        .execute();
    },
    async markJudged(ratingIds, at) {
      for (const part of chunks(ratingIds)) {
        await db
          .updateTable('alertUnhappy')
          .set({ judgedAt: at })
          .where('ratingId', 'in', part)
          .where('judgedAt', 'is', null)
          .execute();
      }
    },
    async pruneUnhappy(before) {
      const result = await db
        .deleteFrom('alertUnhappy')
        .where('receivedAt', '<', before)
        .where('judgedAt', 'is not', null)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
