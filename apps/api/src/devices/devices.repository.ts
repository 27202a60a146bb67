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
    findById: (id) =>
      db
        .selectFrom('devices')
        .selectAll()
        .where('id', '=', id)
        .where('channel', '=', 'tablet')
        .executeTakeFirst(),
    findActiveByTokenHash: (tokenHash) =>
      db
        .selectFrom('devices')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
        .where('channel', '=', 'tablet')
        .executeTakeFirst(),
    list: () =>
      db
        .selectFrom('devices')
        .selectAll()
        .where('channel', '=', 'tablet')
        .orderBy('enrolledAt')
        .orderBy('id')
        .execute(),
    async ensureSource(unitId, channel) {
      const id = `${channel}:${unitId}`;
      await db
        .insertInto('devices')
        .values({
          id,
          unitId,
          label: channel,
          // Not a SHA-256 in hex, so no token can ever match it.
          tokenHash: `source:${id}`,
          // Records of a source are dated by the server or by staff (a back-dated receipt), never
          // by a tablet clock to be checked against an enrollment.
          enrolledAt: 0,
          revokedAt: null,
          lastSeenAt: null,
          lastSyncAt: null,
          lastRatingAt: null,
          counterId: null,
          channel,
        })
        // No conflict target: the id and the token hash are both unique, and two first submissions
        // at the same moment race on both (PostgreSQL raises on a unique index that is not an arbiter).
        .onConflict((oc) => oc.doNothing())
        .execute();
      return id;
    },
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
