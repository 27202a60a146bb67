import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { chunks } from '../db/chunks.ts';
import type { Dialect, IngestRepository, RecordLedgerRow } from '../repositories/types.ts';

/** Ranges per query when loading a device's ratings around new ones. */
const RANGES_PER_QUERY = 100;

const splitReasons = (reasons: string) => (reasons === '' ? [] : reasons.split(','));

/**
 * The sync write path. Duplicates are decided by the unique keys of `records` (the id and its
 * canonical form) and of `feedback_items.lookup_code`, with ON CONFLICT DO NOTHING inside the batch
 * transaction — never by a check-then-insert, which lets two concurrent resends both pass the check
 * (kobotoolbox/kobocat#470). Keys are inserted in sorted order, so that two batches sharing keys
 * wait for each other instead of deadlocking on PostgreSQL.
 */
export function createIngestRepository(db: Kysely<Database>, dialect: Dialect): IngestRepository {
  return {
    async lockDevice(deviceId) {
      const query = db.selectFrom('devices').selectAll().where('id', '=', deviceId);
      return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    },
    async insertRecords(rows) {
      const inserted = new Set<string>();
      const ordered = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const part of chunks(ordered)) {
        const ids = await db
          .insertInto('records')
          .values(part)
          // No target: a clash on the id or on the canonical id is skipped alike.
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .execute();
        for (const { id } of ids) inserted.add(id);
      }
      return inserted;
    },
    async findRecords(canonicalIds) {
      const found = new Map<string, RecordLedgerRow>();
      for (const part of chunks(canonicalIds)) {
        const rows = await db
          .selectFrom('records')
          .selectAll()
          .where((eb) => eb.or([eb('canonicalId', 'in', part), eb('id', 'in', part)]))
          .execute();
        for (const row of rows) found.set(row.canonicalId ?? row.id, row);
      }
      return found;
    },
    async deleteRecords(ids) {
      for (const part of chunks(ids)) {
        await db.deleteFrom('records').where('id', 'in', part).execute();
      }
    },
    async insertRatings(rows) {
      for (const part of chunks(rows)) {
        await db
          .insertInto('ratings')
          .values(part.map((r) => ({ ...r, reasons: r.reasons.join(',') })))
          .execute();
      }
    },
    async insertFeedback(rows) {
      const inserted = new Set<string>();
      // By code (a stable sort: the earlier of two items with one code wins), for the lock order.
      const ordered = [...rows].sort((a, b) =>
        a.trackingCode < b.trackingCode ? -1 : a.trackingCode > b.trackingCode ? 1 : 0,
      );
      for (const part of chunks(ordered)) {
        const ids = await db
          .insertInto('feedbackItems')
          .values(
            part.map((r) => ({
              ...r,
              lookupCode: r.trackingCode,
              clockSuspect: r.clockSuspect ? 1 : 0,
            })),
          )
          .onConflict((oc) => oc.column('lookupCode').doNothing())
          .returning('id')
          .execute();
        for (const { id } of ids) inserted.add(id);
      }
      return inserted;
    },
    async listRatingsNear(deviceId, ranges) {
      const out = [];
      for (let i = 0; i < ranges.length; i += RANGES_PER_QUERY) {
        const part = ranges.slice(i, i + RANGES_PER_QUERY);
        const rows = await db
          .selectFrom('ratings')
          .innerJoin('records', 'records.id', 'ratings.id')
          .selectAll('ratings')
          .select('records.seq')
          .where('ratings.deviceId', '=', deviceId)
          .where('ratings.category', '<>', 'bad_clock')
          .where((eb) =>
            eb.or(
              part.map((g) =>
                eb.and([
                  eb('ratings.deviceTime', '>=', g.from),
                  eb('ratings.deviceTime', '<=', g.to),
                ]),
              ),
            ),
          )
          .execute();
        // A tablet's records are numbered (phone and staff ones, never near a tablet's, are not).
        for (const row of rows) {
          out.push({ ...row, seq: row.seq ?? 0, reasons: splitReasons(row.reasons) });
        }
      }
      return out;
    },
    async markCategory(rows, to) {
      if (rows.length === 0) return;
      for (const part of chunks(rows.map((r) => r.id))) {
        await db
          .updateTable('ratings')
          .set({ category: to })
          .where('id', 'in', part)
          .where('category', '=', 'counted')
          .execute();
      }
    },
    async findRatings(ids) {
      const out = [];
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('ratings').selectAll().where('id', 'in', part).execute();
        for (const row of rows) out.push({ ...row, reasons: splitReasons(row.reasons) });
      }
      return out;
    },
    async recordRefusals(rows) {
      for (const part of chunks(rows)) {
        await db
          .insertInto('recordRefusals')
          .values(part)
          .onConflict((oc) => oc.columns(['deviceId', 'recordId', 'contentHash']).doNothing())
          .execute();
      }
    },
    async replaceSeqRanges(deviceId, ranges) {
      await db.deleteFrom('deviceSeqRanges').where('deviceId', '=', deviceId).execute();
      for (const part of chunks(ranges)) {
        await db
          .insertInto('deviceSeqRanges')
          .values(part.map((r) => ({ deviceId, fromSeq: r.from, toSeq: r.to })))
          .execute();
      }
    },
    async recordSync(deviceId, update) {
      const { lastRatingAt } = update;
      await db
        .updateTable('devices')
        .set((eb) => ({
          lastSyncAt: update.at,
          lastSeenAt: update.at,
          highestSeq: sql`case when ${eb.ref('highestSeq')} > ${update.highestSeq} then ${eb.ref('highestSeq')} else ${update.highestSeq} end`,
          receivedCount: sql`${eb.ref('receivedCount')} + ${update.added}`,
          ...(lastRatingAt !== null && {
            lastRatingAt: sql`case when ${eb.ref('lastRatingAt')} > ${lastRatingAt} then ${eb.ref('lastRatingAt')} else ${lastRatingAt} end`,
          }),
        }))
        .where('id', '=', deviceId)
        .execute();
    },
    async recordReportedSeq(deviceId, highestSeq) {
      await db
        .updateTable('devices')
        .set((eb) => ({
          reportedSeq: sql`case when ${eb.ref('reportedSeq')} > ${highestSeq} then ${eb.ref('reportedSeq')} else ${highestSeq} end`,
        }))
        .where('id', '=', deviceId)
        .execute();
    },
  };
}
