/**
 * What the integrity signals read and write: a unit's ratings of a time range (bounded), dossiers
 * returned on a day, the unit's counters of recent months by channel (the counter model, for the
 * usual phone share), opening hours, conclusions (inserted only) and exclusions.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RollupCategory } from '@hailong/domain';

export interface DayRating {
  id: string;
  unitId: string;
  deviceTime: number;
  counterId: string | null;
  level: number;
  month: string;
  channel: string;
  officerId: string | null;
  deviceId: string | null;
  dossierCode: string | null;
  category: RollupCategory;
}

export interface ConclusionRow {
  id: string;
  signalId: string;
  unitId: string;
  day: string;
  kind: string;
  outcome: string;
  note: string;
  decidedBy: string;
  decidedAt: number;
  supersedesId: string | null;
}

export interface ExclusionRow {
  ratingId: string;
  unitId: string;
  month: string;
  reason: string;
  previousCategory: string;
  excludedBy: string;
  excludedAt: number;
}

export interface IntegrityRepository {
  /** The unit's ratings pressed in [from, to), of `months`, earliest first, at most `limit`. */
  ratingsOf(
    unitId: string,
    months: readonly string[],
    from: number,
    to: number,
    limit: number,
  ): Promise<DayRating[]>;
  /** The officer of each dossier of the unit returned on `day` (null: none recorded). */
  dossiersReturned(
    unitId: string,
    days: readonly string[],
  ): Promise<Map<string, (string | null)[]>>;
  /** The unit's answers of `months` from its counters, phone and all channels. */
  channelTotals(
    unitId: string,
    months: readonly string[],
  ): Promise<{ phone: number; total: number }>;
  /** The unit's own opening hours (JSON of an `OpeningHours`) and when set; undefined: none chosen. */
  openingHours(unitId: string): Promise<{ hours: string; updatedAt: number } | undefined>;
  putOpeningHours(unitId: string, hours: string, at: number, by: string): Promise<void>;
  addConclusion(row: ConclusionRow): Promise<void>;
  /** Conclusions of the unit's days, newest first. */
  conclusionsOf(unitId: string, days: readonly string[]): Promise<ConclusionRow[]>;
  addExclusions(rows: readonly ExclusionRow[]): Promise<void>;
  /** Gives these ratings the category `excluded` (their counters move in reports/counters.ts). */
  markExcluded(ids: readonly string[]): Promise<void>;
  exclusionsOf(ratingIds: readonly string[]): Promise<ExclusionRow[]>;
}

export function createIntegrityRepository(db: Kysely<Database>): IntegrityRepository {
  return {
    async ratingsOf(unitId, months, from, to, limit) {
      if (months.length === 0) return [];
      const rows = await db
        .selectFrom('ratings')
        .select([
          'id',
          'unitId',
          'deviceTime',
          'counterId',
          'level',
          'month',
          'channel',
          'officerId',
          'deviceId',
          'dossierCode',
          'category',
        ])
        .where('unitId', '=', unitId)
        .where('month', 'in', [...months])
        .where('deviceTime', '>=', from)
        .where('deviceTime', '<', to)
        .orderBy('deviceTime')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, deviceTime: Number(r.deviceTime), level: Number(r.level) }));
    },
    async dossiersReturned(unitId, days) {
      const out = new Map<string, (string | null)[]>();
      if (days.length === 0) return out;
      const rows = await db
        .selectFrom('dossiers')
        .select(['returnedDate', 'officerId'])
        .where('unitId', '=', unitId)
        .where('returnedDate', 'in', [...days])
        .execute();
      for (const r of rows)
        out.set(r.returnedDate!, [...(out.get(r.returnedDate!) ?? []), r.officerId]);
      return out;
    },
    async channelTotals(unitId, months) {
      if (months.length === 0) return { phone: 0, total: 0 };
      const rows = await db
        .selectFrom('nodeTotals')
        .select(['channel', (eb) => eb.fn.sum<number | string>('count').as('n')])
        .where('nodeId', '=', unitId)
        .where('month', 'in', [...months])
        .groupBy('channel')
        .execute();
      let phone = 0;
      let total = 0;
      for (const r of rows) {
        total += Number(r.n);
        if (r.channel === 'phone') phone += Number(r.n);
      }
      return { phone, total };
    },
    async openingHours(unitId) {
      const row = await db
        .selectFrom('unitOpeningHours')
        .select(['hours', 'updatedAt'])
        .where('unitId', '=', unitId)
        .executeTakeFirst();
      return row && { hours: row.hours, updatedAt: Number(row.updatedAt) };
    },
    async putOpeningHours(unitId, hours, at, by) {
      await db
        .insertInto('unitOpeningHours')
        .values({ unitId, hours, updatedAt: at, updatedBy: by })
        .onConflict((oc) =>
          oc.column('unitId').doUpdateSet({ hours, updatedAt: at, updatedBy: by }),
        )
        .execute();
    },
    async addConclusion(row) {
      await db.insertInto('integrityConclusions').values(row).execute();
    },
    async conclusionsOf(unitId, days) {
      if (days.length === 0) return [];
      const rows = await db
        .selectFrom('integrityConclusions')
        .selectAll()
        .where('unitId', '=', unitId)
        .where('day', 'in', [...days])
        .orderBy('decidedAt', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({ ...r, decidedAt: Number(r.decidedAt) }));
    },
    async addExclusions(rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('integrityExclusions')
        .values([...rows])
        .execute();
    },
    async markExcluded(ids) {
      if (ids.length === 0) return;
      await db
        .updateTable('ratings')
        .set({ category: 'excluded' })
        .where('id', 'in', [...ids])
        .execute();
    },
    async exclusionsOf(ratingIds) {
      if (ratingIds.length === 0) return [];
      const rows = await db
        .selectFrom('integrityExclusions')
        .selectAll()
        .where('ratingId', 'in', [...ratingIds])
        .execute();
      return rows.map((r) => ({ ...r, excludedAt: Number(r.excludedAt) }));
    },
  };
}
