import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Dialect, IngestRepository, RatingRow } from './types.ts';

/** Rows per INSERT: far below both dialects' bound-parameter limits for our widest table. */
const CHUNK = 250;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * The sync write path. Duplicates are decided by the primary key of `records` with
 * ON CONFLICT DO NOTHING inside the batch transaction — never by a check-then-insert, which lets
 * two concurrent resends both pass the check (kobotoolbox/kobocat#470).
 */
export function createIngestRepository(db: Kysely<Database>, dialect: Dialect): IngestRepository {
  return {
    async lockDevice(deviceId) {
      const query = db.selectFrom('devices').selectAll().where('id', '=', deviceId);
      return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    },
    async insertRecords(rows) {
      const inserted = new Set<string>();
      for (const part of chunks(rows)) {
        const ids = await db
          .insertInto('records')
          .values(part)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        for (const { id } of ids) inserted.add(id);
      }
      return inserted;
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
      for (const part of chunks(rows)) {
        await db
          .insertInto('feedbackItems')
          .values(part.map((r) => ({ ...r, clockSuspect: r.clockSuspect ? 1 : 0 })))
          .execute();
      }
    },
    async addToRollups(rows: RatingRow[]) {
      const levels = new Map<
        string,
        {
          unitId: string;
          sectorId: string;
          month: string;
          level: number;
          category: RatingRow['category'];
          count: number;
        }
      >();
      const reasons = new Map<
        string,
        { unitId: string; sectorId: string; month: string; reason: string; count: number }
      >();
      for (const r of rows) {
        const key = `${r.unitId}|${r.sectorId}|${r.month}|${r.level}|${r.category}`;
        const level = levels.get(key) ?? {
          unitId: r.unitId,
          sectorId: r.sectorId,
          month: r.month,
          level: r.level,
          category: r.category,
          count: 0,
        };
        level.count++;
        levels.set(key, level);
        // Reasons are tallied for the ratings that count, like the rate they explain.
        if (r.category !== 'counted') continue;
        for (const reason of r.reasons) {
          const rkey = `${r.unitId}|${r.sectorId}|${r.month}|${reason}`;
          const entry = reasons.get(rkey) ?? {
            unitId: r.unitId,
            sectorId: r.sectorId,
            month: r.month,
            reason,
            count: 0,
          };
          entry.count++;
          reasons.set(rkey, entry);
        }
      }
      for (const part of chunks([...levels.values()])) {
        await db
          .insertInto('ratingRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['unitId', 'month', 'sectorId', 'level', 'category'])
              .doUpdateSet({ count: sql`rating_rollups.count + excluded.count` }),
          )
          .execute();
      }
      for (const part of chunks([...reasons.values()])) {
        await db
          .insertInto('ratingReasonRollups')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['unitId', 'month', 'sectorId', 'reason'])
              .doUpdateSet({ count: sql`rating_reason_rollups.count + excluded.count` }),
          )
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
      await db
        .updateTable('devices')
        .set((eb) => ({
          lastSyncAt: update.at,
          lastSeenAt: update.at,
          highestSeq: sql`case when ${eb.ref('highestSeq')} > ${update.highestSeq} then ${eb.ref('highestSeq')} else ${update.highestSeq} end`,
          receivedCount: sql`${eb.ref('receivedCount')} + ${update.added}`,
          ...(update.lastRatingAt !== null && { lastRatingAt: update.lastRatingAt }),
        }))
        .where('id', '=', deviceId)
        .execute();
    },
  };
}
