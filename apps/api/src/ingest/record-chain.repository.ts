/**
 * Storage of the tablet record chain (migration 029): each tablet's registered key, the stored
 * neighbours a record arriving is checked against, and the flags arrival raised. Reads for the
 * check are bounded by the batch (its sequence numbers and hashes); flags are inserted with ON
 * CONFLICT DO NOTHING on (record_id, kind), so a resend or a second check never flags twice.
 */
import type { Kysely } from 'kysely';
import type { ChainFlagTable, Database } from '../db/schema.ts';
import { chunks } from '../db/chunks.ts';

export type ChainFlagKind = ChainFlagTable['kind'];
export const CHAIN_FLAG_KINDS: readonly ChainFlagKind[] = [
  'break',
  'fork',
  'bad_signature',
  'missing_signature',
];
export type ChainFlagRow = ChainFlagTable;

export interface DeviceKey {
  algorithm: string;
  /** SPKI DER, base64url. */
  spki: string;
}

/** A stored record of a tablet as the chain check reads it. */
export interface ChainLink {
  id: string;
  seq: number;
  prevHash: string | null;
  chainHash: string | null;
}

/** A tablet as an appraiser checks its records: which key signed them, since and until when. */
export interface TabletKey {
  deviceId: string;
  label: string;
  enrolledAt: number;
  revokedAt: number | null;
  key: DeviceKey | null;
}

export interface RecordChainRepository {
  setDeviceKey(deviceId: string, key: DeviceKey): Promise<void>;
  /** The key the tablet registered; undefined for a kiosk without one. */
  deviceKey(deviceId: string): Promise<DeviceKey | undefined>;
  /**
   * The tablet's stored records with any of these sequence numbers (and, when the numbers are
   * dense, others between them: one range scan instead of a long IN list).
   */
  linksAt(deviceId: string, seqs: readonly number[]): Promise<ChainLink[]>;
  /** The tablet's stored records naming any of these previous hashes. */
  linksAfter(deviceId: string, prevHashes: readonly string[]): Promise<ChainLink[]>;
  /** Inserts flags not yet raised for their record and kind; returns those inserted. */
  insertFlags(rows: readonly ChainFlagRow[]): Promise<ChainFlagRow[]>;
  /** Per tablet: whether it registered a key and how many flags it has (tablets with neither absent). */
  deviceSummaries(): Promise<Map<string, { signed: boolean; flags: number }>>;
  /** A unit's tablets (at most 1.000) with the key each registered, or null for an unsigned one. */
  unitTabletKeys(unitId: string): Promise<TabletKey[]>;
  /** The flags on these records (ratings of a day), by record id. Read in chunks of 500 ids. */
  flagsOf(recordIds: readonly string[]): Promise<Map<string, ChainFlagKind[]>>;
  /** Flags raised so far, by kind (for metrics). */
  countByKind(): Promise<Map<ChainFlagKind, number>>;
}

const linkColumns = ['id', 'seq', 'prevHash', 'chainHash'] as const;
const asLink = (r: ChainLink): ChainLink => ({ ...r, seq: Number(r.seq) });

export function createRecordChainRepository(db: Kysely<Database>): RecordChainRepository {
  return {
    async setDeviceKey(deviceId, key) {
      await db
        .updateTable('devices')
        .set({ publicKey: key.spki, keyAlgorithm: key.algorithm })
        .where('id', '=', deviceId)
        .execute();
    },
    async deviceKey(deviceId) {
      const row = await db
        .selectFrom('devices')
        .select(['publicKey', 'keyAlgorithm'])
        .where('id', '=', deviceId)
        .executeTakeFirst();
      if (!row?.publicKey || !row.keyAlgorithm) return undefined;
      return { algorithm: row.keyAlgorithm, spki: row.publicKey };
    },
    async linksAt(deviceId, seqs) {
      if (seqs.length === 0) return [];
      const [from, to] = [Math.min(...seqs), Math.max(...seqs)];
      // A batch is mostly consecutive numbers: then a range reads at most twice what was asked.
      if (to - from < 2 * seqs.length) {
        const rows = await db
          .selectFrom('records')
          .select(linkColumns)
          .where('deviceId', '=', deviceId)
          .where('seq', '>=', from)
          .where('seq', '<=', to)
          .execute();
        return rows.map((row) => asLink(row as ChainLink));
      }
      const links: ChainLink[] = [];
      for (const part of chunks(seqs)) {
        const rows = await db
          .selectFrom('records')
          .select(linkColumns)
          .where('deviceId', '=', deviceId)
          .where('seq', 'in', part)
          .execute();
        for (const row of rows) links.push(asLink(row as ChainLink));
      }
      return links;
    },
    async linksAfter(deviceId, prevHashes) {
      const links: ChainLink[] = [];
      for (const part of chunks(prevHashes)) {
        const rows = await db
          .selectFrom('records')
          .select(linkColumns)
          .where('deviceId', '=', deviceId)
          .where('prevHash', 'in', part)
          .execute();
        for (const row of rows) links.push(asLink(row as ChainLink));
      }
      return links;
    },
    async insertFlags(rows) {
      const inserted: ChainFlagRow[] = [];
      for (const part of chunks(rows)) {
        const ids = await db
          .insertInto('chainFlags')
          .values(part)
          .onConflict((oc) => oc.columns(['recordId', 'kind']).doNothing())
          .returning('id')
          .execute();
        const fresh = new Set(ids.map((r) => r.id));
        inserted.push(...part.filter((r) => fresh.has(r.id)));
      }
      return inserted;
    },
    async deviceSummaries() {
      const [keyed, flagged] = await Promise.all([
        db.selectFrom('devices').select('id').where('publicKey', 'is not', null).execute(),
        db
          .selectFrom('chainFlags')
          .select(['deviceId', (eb) => eb.fn.countAll().as('n')])
          .groupBy('deviceId')
          .execute(),
      ]);
      const summaries = new Map<string, { signed: boolean; flags: number }>();
      for (const { id } of keyed) summaries.set(id, { signed: true, flags: 0 });
      for (const { deviceId, n } of flagged) {
        summaries.set(deviceId, {
          signed: summaries.get(deviceId)?.signed ?? false,
          flags: Number(n),
        });
      }
      return summaries;
    },
    async unitTabletKeys(unitId) {
      const rows = await db
        .selectFrom('devices')
        .select(['id', 'label', 'enrolledAt', 'revokedAt', 'publicKey', 'keyAlgorithm'])
        .where('unitId', '=', unitId)
        .orderBy('enrolledAt')
        .orderBy('id')
        .limit(1_000)
        .execute();
      return rows.map((r) => ({
        deviceId: r.id,
        label: r.label,
        enrolledAt: Number(r.enrolledAt),
        revokedAt: r.revokedAt === null ? null : Number(r.revokedAt),
        key:
          r.publicKey && r.keyAlgorithm ? { algorithm: r.keyAlgorithm, spki: r.publicKey } : null,
      }));
    },
    async flagsOf(recordIds) {
      const out = new Map<string, ChainFlagKind[]>();
      for (let i = 0; i < recordIds.length; i += 500) {
        const rows = await db
          .selectFrom('chainFlags')
          .select(['recordId', 'kind'])
          .where('recordId', 'in', recordIds.slice(i, i + 500))
          .orderBy('recordId')
          .orderBy('kind')
          .execute();
        for (const r of rows) out.set(r.recordId, [...(out.get(r.recordId) ?? []), r.kind]);
      }
      return out;
    },
    async countByKind() {
      const rows = await db
        .selectFrom('chainFlags')
        .select(['kind', (eb) => eb.fn.countAll().as('n')])
        .groupBy('kind')
        .execute();
      return new Map(rows.map((r) => [r.kind, Number(r.n)]));
    },
  };
}
