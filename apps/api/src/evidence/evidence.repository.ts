/**
 * Signing keys, checkpoints and their dataset rows over Kysely, on both dialects. Checkpoints and
 * rows are only ever inserted: there is no update here, by design (migration 028).
 */
import type { Kysely } from 'kysely';
import type { DatasetRow, ExcludedWhy, RollupCategory, ScaleId } from '@hailong/domain';
import type { CheckpointTable, Database } from '../db/schema.ts';

export interface SigningKeyRow {
  id: string;
  purpose: string;
  /** Raw Ed25519 public key, hex. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
  createdAt: number;
}

export type CheckpointRow = Omit<CheckpointTable, 'countsByLevel'> & {
  countsByLevel: Record<string, number>;
};

/** What the tree of a unit's month reads of a rating. */
export interface EvidenceRating {
  id: string;
  sectorId: string;
  level: number;
  channel: string;
  category: RollupCategory;
  deviceTime: number;
  receivedAt: number;
}

export interface CheckpointFilter {
  unitId?: string | undefined;
  month?: string | undefined;
  limit: number;
}

export interface EvidenceRepository {
  findKey(purpose: string): Promise<SigningKeyRow | undefined>;
  /** Adds a key unless one of its purpose exists (then the caller reads that one). */
  addKey(row: SigningKeyRow): Promise<void>;
  listKeys(): Promise<SigningKeyRow[]>;
  /** The earliest month any rating counts in; undefined when there is none. */
  firstRatingMonth(): Promise<string | undefined>;
  /** A page of the unit's ratings of the month, by id after `afterId`. */
  ratingsPage(
    unitId: string,
    month: string,
    afterId: string | null,
    limit: number,
  ): Promise<EvidenceRating[]>;
  /** The first checkpoint of each (scope, unit) of these months, keyed `scope:unit:month`. */
  checkpointKeys(months: readonly string[]): Promise<Set<string>>;
  /** The latest version of the checkpoints of these units' month (scope `unit`). */
  latestOf(
    scope: 'unit' | 'province',
    unitId: string,
    month: string,
  ): Promise<CheckpointRow | undefined>;
  list(filter: CheckpointFilter): Promise<CheckpointRow[]>;
  find(id: string): Promise<CheckpointRow | undefined>;
  /**
   * Inserts the checkpoint and its rows (call inside a transaction); false, writing nothing, when
   * that version of the unit's month exists already (another runner made it).
   */
  insert(checkpoint: CheckpointRow, rows: readonly DatasetRow[]): Promise<boolean>;
  /** A page of the checkpoint's rows in leaf order, from `fromPosition`. */
  rowsPage(checkpointId: string, fromPosition: number, limit: number): Promise<DatasetRow[]>;
  /** The leaf index of a recordHash in the checkpoint. */
  positionOf(checkpointId: string, recordHash: string): Promise<number | undefined>;
}

const ROWS_PER_INSERT = 200;

const toCheckpoint = (row: CheckpointTable): CheckpointRow => ({
  ...row,
  countsByLevel: JSON.parse(row.countsByLevel) as Record<string, number>,
});

export function createEvidenceRepository(db: Kysely<Database>): EvidenceRepository {
  return {
    findKey: (purpose) =>
      db.selectFrom('signingKeys').selectAll().where('purpose', '=', purpose).executeTakeFirst(),
    async addKey(row) {
      await db
        .insertInto('signingKeys')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    listKeys: () => db.selectFrom('signingKeys').selectAll().orderBy('createdAt').execute(),
    async firstRatingMonth() {
      const row = await db
        .selectFrom('ratings')
        .select((eb) => eb.fn.min('month').as('month'))
        .executeTakeFirst();
      return row?.month ?? undefined;
    },
    ratingsPage: (unitId, month, afterId, limit) => {
      let query = db
        .selectFrom('ratings')
        .select(['id', 'sectorId', 'level', 'channel', 'category', 'deviceTime', 'receivedAt'])
        .where('unitId', '=', unitId)
        .where('month', '=', month);
      if (afterId !== null) query = query.where('id', '>', afterId);
      return query.orderBy('id').limit(limit).execute();
    },
    async checkpointKeys(months) {
      if (months.length === 0) return new Set();
      const rows = await db
        .selectFrom('checkpoints')
        .select(['scope', 'unitId', 'month'])
        .where('month', 'in', months)
        .where('version', '=', 1)
        .execute();
      return new Set(rows.map((r) => `${r.scope}:${r.unitId}:${r.month}`));
    },
    async latestOf(scope, unitId, month) {
      const row = await db
        .selectFrom('checkpoints')
        .selectAll()
        .where('scope', '=', scope)
        .where('unitId', '=', unitId)
        .where('month', '=', month)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toCheckpoint(row);
    },
    async list(filter) {
      let query = db.selectFrom('checkpoints').selectAll();
      if (filter.unitId) query = query.where('unitId', '=', filter.unitId);
      if (filter.month) query = query.where('month', '=', filter.month);
      const rows = await query
        .orderBy('month', 'desc')
        .orderBy('unitId')
        .orderBy('scope')
        .orderBy('version')
        .limit(filter.limit)
        .execute();
      return rows.map(toCheckpoint);
    },
    async find(id) {
      const row = await db
        .selectFrom('checkpoints')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCheckpoint(row);
    },
    async insert(checkpoint, rows) {
      // ON CONFLICT rather than catching the error: on PostgreSQL an error ends the transaction.
      const inserted = await db
        .insertInto('checkpoints')
        .values({ ...checkpoint, countsByLevel: JSON.stringify(checkpoint.countsByLevel) })
        .onConflict((oc) => oc.columns(['scope', 'unitId', 'month', 'version']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
        await db
          .insertInto('checkpointRows')
          .values(
            rows.slice(from, from + ROWS_PER_INSERT).map((r, i) => ({
              checkpointId: checkpoint.id,
              position: from + i,
              recordHash: r.recordHash,
              day: r.day,
              sectorCode: r.sectorCode,
              level: r.level,
              scale: r.scale,
              channel: r.channel,
              counted: r.counted ? 1 : 0,
              excludedWhy: r.excludedWhy,
            })),
          )
          .execute();
      }
      return true;
    },
    async rowsPage(checkpointId, fromPosition, limit) {
      const rows = await db
        .selectFrom('checkpointRows')
        .selectAll()
        .where('checkpointId', '=', checkpointId)
        .where('position', '>=', fromPosition)
        .orderBy('position')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        recordHash: r.recordHash,
        day: r.day,
        sectorCode: r.sectorCode,
        level: r.level,
        scale: r.scale as ScaleId,
        channel: r.channel,
        counted: r.counted === 1,
        excludedWhy: r.excludedWhy as ExcludedWhy | null,
      }));
    },
    async positionOf(checkpointId, recordHash) {
      const row = await db
        .selectFrom('checkpointRows')
        .select('position')
        .where('checkpointId', '=', checkpointId)
        .where('recordHash', '=', recordHash)
        .executeTakeFirst();
      return row?.position;
    },
  };
}
