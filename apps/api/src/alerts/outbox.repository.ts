import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { OutboxRepository } from './alert-types.ts';

export function createOutboxRepository(db: Kysely<Database>): OutboxRepository {
  return {
    async queue(row) {
      const inserted = await db
        .insertInto('alertDeliveries')
        .values(row)
        .onConflict((oc) => oc.column('dedupeKey').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    listDue: (now, limit) =>
      db
        .selectFrom('alertDeliveries')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('notBefore', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<', now)]),
          ]),
        )
        .orderBy('createdAt')
        .orderBy('id')
        .limit(limit)
        .execute(),
    async claim(id, holder, now, until) {
      // One conditional update: of two processes claiming together, exactly one changes the row.
      const result = await db
        .updateTable('alertDeliveries')
        .set((eb) => ({
          status: 'sending',
          claimedBy: holder,
          claimedUntil: until,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('notBefore', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimedUntil', '<', now)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markSent(id, holder, at) {
      await db
        .updateTable('alertDeliveries')
        .set({ status: 'sent', sentAt: at, claimedUntil: null, lastError: null })
        .where('id', '=', id)
        .where('claimedBy', '=', holder)
        .execute();
    },
    async markFailed(id, error, notBefore, giveUp) {
      await db
        .updateTable('alertDeliveries')
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: error.slice(0, 500),
          notBefore,
          claimedUntil: null,
        })
        .where('id', '=', id)
        .execute();
    },
    list: () =>
      db.selectFrom('alertDeliveries').selectAll().orderBy('createdAt').orderBy('id').execute(),
  };
}
