import type { Kysely } from 'kysely';
import type { SeqRange } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { DeviceRepository } from '../repositories/types.ts';

export function createDeviceRepository(db: Kysely<Database>): DeviceRepository {
  return {
    async createEnrollment(enrollment) {
      await db.insertInto('enrollments').values(enrollment).execute();
    },
    consumeEnrollment: (codeHash, deviceId, now) =>
      db
        .updateTable('enrollments')
        .set({ usedAt: now, deviceId })
        .where('codeHash', '=', codeHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', now)
        .returningAll()
        .executeTakeFirst(),
    async createDevice(device) {
      await db.insertInto('devices').values(device).execute();
    },
    findById: (id) => db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst(),
    findActiveByTokenHash: (tokenHash) =>
      db
        .selectFrom('devices')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst(),
    list: () => db.selectFrom('devices').selectAll().orderBy('enrolledAt').orderBy('id').execute(),
    async revoke(id, at) {
      const result = await db
        .updateTable('devices')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    setCounter: (id, counterId) =>
      db
        .updateTable('devices')
        .set({ counterId })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async touchSeen(id, at) {
      await db.updateTable('devices').set({ lastSeenAt: at }).where('id', '=', id).execute();
    },
    listSeqRanges: (deviceId) =>
      db
        .selectFrom('deviceSeqRanges')
        .select(['fromSeq as from', 'toSeq as to'])
        .where('deviceId', '=', deviceId)
        .orderBy('fromSeq')
        .execute(),
    async listAllSeqRanges() {
      const rows = await db
        .selectFrom('deviceSeqRanges')
        .selectAll()
        .orderBy('deviceId')
        .orderBy('fromSeq')
        .execute();
      const byDevice = new Map<string, SeqRange[]>();
      for (const row of rows) {
        const list = byDevice.get(row.deviceId) ?? [];
        list.push({ from: row.fromSeq, to: row.toSeq });
        byDevice.set(row.deviceId, list);
      }
      return byDevice;
    },
    async countRefusals() {
      const rows = await db
        .selectFrom('recordRefusals')
        .select(['deviceId', (eb) => eb.fn.countAll().as('n')])
        .groupBy('deviceId')
        .execute();
      return new Map(rows.map((r) => [r.deviceId, Number(r.n)]));
    },
    listRefusals: (deviceId) =>
      db
        .selectFrom('recordRefusals')
        .selectAll()
        .where('deviceId', '=', deviceId)
        .orderBy('seq')
        .orderBy('at')
        .execute(),
  };
}
