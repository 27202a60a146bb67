/**
 * What the counting rule (counting.ts) reads and locks inside the ingest transaction: the rating
 * that counts per (unit, dossier code), the one-stop import's owner of a code, each unit's counting
 * settings (month-close.ts) and the day's admissions of phone ratings without a dossier under the
 * cap (counting-rule.ts). Rows that serialise concurrent batches — a dossier's, a unit's day — are
 * made if missing and locked in key order, so two batches wait for each other instead of
 * deadlocking on PostgreSQL (SQLite has one writer).
 */
import type { Kysely } from 'kysely';
import type { CountingSettingsChange } from '@hailong/domain';
import type { Database } from '../db/schema.ts';
import type { Dialect, RatingRow } from '../repositories/types.ts';

/** Keys per statement: well below both dialects' limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export interface DossierKey {
  unitId: string;
  code: string;
}

export interface DossierLatest {
  ratingId: string | null;
  ratedAt: number | null;
}

/** A unit's counting settings from a month on, as stored with who chose them. */
export interface CountingSettingsRow extends CountingSettingsChange {
  unitId: string;
  updatedAt: number;
  updatedBy: string;
}

export interface CountingRepository {
  /**
   * The rating that counts for each (unit, code), keyed `dossierKey(…)`, locking the keys' rows
   * (made if missing) in key order.
   */
  lockDossiers(keys: readonly DossierKey[]): Promise<Map<string, DossierLatest>>;
  setDossierLatest(key: DossierKey, ratingId: string, ratedAt: number): Promise<void>;
  /** The unit the one-stop import gives each of these codes to (codes not imported are absent). */
  dossierOwners(codes: readonly string[]): Promise<Map<string, string>>;
  /** Each unit's settings changes, any order; units without are absent. */
  listSettings(unitIds: readonly string[]): Promise<Map<string, CountingSettingsChange[]>>;
  /** Sets a unit's settings from `fromMonth` on (replacing a change to the same month). */
  putSettings(row: CountingSettingsRow): Promise<void>;
  /** A unit's changes, latest month first, with who made them. */
  settingsHistory(unitId: string): Promise<CountingSettingsRow[]>;
  /**
   * The unit's day of admissions, locked; made with `cap()` when missing, so the cap a day starts
   * with is the one it keeps.
   */
  lockInclusionDay(
    unitId: string,
    day: string,
    cap: () => Promise<number>,
  ): Promise<{ cap: number; used: number }>;
  addInclusions(unitId: string, day: string, admitted: number): Promise<void>;
  /** Counted tablet ratings of the unit rated in [from, to), read over `months` (their months). */
  countedTabletRatings(
    unitId: string,
    months: readonly string[],
    from: number,
    to: number,
  ): Promise<number>;
  findRatings(ids: readonly string[]): Promise<RatingRow[]>;
  /** The `unverified` phone ratings of these dossiers of these units. */
  unverifiedPhoneRatings(keys: readonly DossierKey[]): Promise<RatingRow[]>;
  /** Gives these (still `unverified`) ratings the category they carry now. */
  leaveUnverified(rows: readonly RatingRow[]): Promise<void>;
}

/** The map key of a (unit, code) pair. */
export const dossierKey = (k: DossierKey) => `${k.unitId}\u0000${k.code}`;

export function createCountingRepository(db: Kysely<Database>, dialect: Dialect) {
  const forUpdate = <Q extends { forUpdate(): Q }>(query: Q) =>
    dialect === 'postgres' ? query.forUpdate() : query;

  const repo: CountingRepository = {
    async lockDossiers(keys) {
      const ordered = [...new Map(keys.map((k) => [dossierKey(k), k])).values()].sort((a, b) =>
        dossierKey(a) < dossierKey(b) ? -1 : dossierKey(a) > dossierKey(b) ? 1 : 0,
      );
      const out = new Map<string, DossierLatest>();
      for (const part of chunks(ordered)) {
        await db
          .insertInto('dossierRatings')
          .values(
            part.map((k) => ({
              unitId: k.unitId,
              dossierCode: k.code,
              ratingId: null,
              ratedAt: null,
            })),
          )
          .onConflict((oc) => oc.columns(['unitId', 'dossierCode']).doNothing())
          .execute();
        for (const unitId of new Set(part.map((k) => k.unitId))) {
          const codes = part.filter((k) => k.unitId === unitId).map((k) => k.code);
          const rows = await forUpdate(
            db
              .selectFrom('dossierRatings')
              .selectAll()
              .where('unitId', '=', unitId)
              .where('dossierCode', 'in', codes)
              .orderBy('dossierCode'),
          ).execute();
          for (const r of rows) {
            out.set(dossierKey({ unitId, code: r.dossierCode }), {
              ratingId: r.ratingId,
              ratedAt: r.ratedAt === null ? null : Number(r.ratedAt),
            });
          }
        }
      }
      return out;
    },
    async setDossierLatest(key, ratingId, ratedAt) {
      await db
        .updateTable('dossierRatings')
        .set({ ratingId, ratedAt })
        .where('unitId', '=', key.unitId)
        .where('dossierCode', '=', key.code)
        .execute();
    },
    async dossierOwners(codes) {
      const out = new Map<string, string>();
      for (const part of chunks([...new Set(codes)])) {
        const rows = await db
          .selectFrom('dossiers')
          .select(['code', 'unitId'])
          .where('code', 'in', part)
          .execute();
        for (const r of rows) out.set(r.code, r.unitId);
      }
      return out;
    },
    async listSettings(unitIds) {
      const out = new Map<string, CountingSettingsChange[]>();
      for (const part of chunks([...new Set(unitIds)])) {
        const rows = await db
          .selectFrom('unitCountingSettings')
          .select(['unitId', 'fromMonth', 'closeDay', 'includeUnverifiedPhone'])
          .where('unitId', 'in', part)
          .execute();
        for (const r of rows) {
          const list = out.get(r.unitId) ?? [];
          list.push({
            fromMonth: r.fromMonth,
            closeDay: Number(r.closeDay),
            includeUnverifiedPhone: Number(r.includeUnverifiedPhone) === 1,
          });
          out.set(r.unitId, list);
        }
      }
      return out;
    },
    async putSettings(row) {
      const values = {
        unitId: row.unitId,
        fromMonth: row.fromMonth,
        closeDay: row.closeDay,
        includeUnverifiedPhone: row.includeUnverifiedPhone ? 1 : 0,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      };
      await db
        .insertInto('unitCountingSettings')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['unitId', 'fromMonth']).doUpdateSet({
            closeDay: values.closeDay,
            includeUnverifiedPhone: values.includeUnverifiedPhone,
            updatedAt: values.updatedAt,
            updatedBy: values.updatedBy,
          }),
        )
        .execute();
    },
    async settingsHistory(unitId) {
      const rows = await db
        .selectFrom('unitCountingSettings')
        .selectAll()
        .where('unitId', '=', unitId)
        .orderBy('fromMonth', 'desc')
        .execute();
      return rows.map((r) => ({
        unitId: r.unitId,
        fromMonth: r.fromMonth,
        closeDay: Number(r.closeDay),
        includeUnverifiedPhone: Number(r.includeUnverifiedPhone) === 1,
        updatedAt: Number(r.updatedAt),
        updatedBy: r.updatedBy,
      }));
    },
    async lockInclusionDay(unitId, day, cap) {
      const read = () =>
        forUpdate(
          db
            .selectFrom('phoneInclusionDays')
            .select(['cap', 'used'])
            .where('unitId', '=', unitId)
            .where('day', '=', day),
        ).executeTakeFirst();
      let row = await read();
      if (!row) {
        await db
          .insertInto('phoneInclusionDays')
          .values({ unitId, day, cap: await cap(), used: 0 })
          .onConflict((oc) => oc.columns(['unitId', 'day']).doNothing())
          .execute();
        row = await read();
      }
      return { cap: Number(row!.cap), used: Number(row!.used) };
    },
    async addInclusions(unitId, day, admitted) {
      if (admitted === 0) return;
      await db
        .updateTable('phoneInclusionDays')
        .set((eb) => ({ used: eb('used', '+', admitted) }))
        .where('unitId', '=', unitId)
        .where('day', '=', day)
        .execute();
    },
    async countedTabletRatings(unitId, months, from, to) {
      if (months.length === 0) return 0;
      const row = await db
        .selectFrom('ratings')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('unitId', '=', unitId)
        .where('month', 'in', [...months])
        .where('channel', '=', 'tablet')
        .where('category', '=', 'counted')
        .where('deviceTime', '>=', from)
        .where('deviceTime', '<', to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findRatings(ids) {
      const out: RatingRow[] = [];
      for (const part of chunks([...new Set(ids)])) {
        const rows = await db.selectFrom('ratings').selectAll().where('id', 'in', part).execute();
        for (const r of rows) {
          out.push({ ...r, reasons: r.reasons === '' ? [] : r.reasons.split(',') });
        }
      }
      return out;
    },
    async unverifiedPhoneRatings(keys) {
      const out: RatingRow[] = [];
      const byUnit = new Map<string, string[]>();
      for (const k of keys) byUnit.set(k.unitId, [...(byUnit.get(k.unitId) ?? []), k.code]);
      for (const [unitId, codes] of byUnit) {
        for (const part of chunks([...new Set(codes)])) {
          const rows = await db
            .selectFrom('ratings')
            .selectAll()
            .where('unitId', '=', unitId)
            .where('dossierCode', 'in', part)
            .where('channel', '=', 'phone')
            .where('category', '=', 'unverified')
            .execute();
          for (const r of rows) {
            out.push({ ...r, reasons: r.reasons === '' ? [] : r.reasons.split(',') });
          }
        }
      }
      return out;
    },
    async leaveUnverified(rows) {
      const byCategory = new Map<RatingRow['category'], string[]>();
      for (const r of rows)
        byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r.id]);
      for (const [category, ids] of byCategory) {
        for (const part of chunks(ids)) {
          await db
            .updateTable('ratings')
            .set({ category })
            .where('id', 'in', part)
            .where('category', '=', 'unverified')
            .execute();
        }
      }
    },
  };
  return repo;
}
