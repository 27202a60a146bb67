/**
 * Pull tokens over Kysely, on both dialects. A token is found by its hash among the unrevoked
 * ones only, so a revocation committed before a pull is read by that pull.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface PullTokenRow {
  id: string;
  label: string;
  tokenHash: string;
  nodeId: string | null;
  createdAt: number;
  createdBy: string | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

export interface PullTokensRepository {
  insert(row: PullTokenRow): Promise<void>;
  /** Every token, newest first, revoked ones included. */
  list(): Promise<PullTokenRow[]>;
  find(id: string): Promise<PullTokenRow | undefined>;
  /** The unrevoked token with this hash. */
  findActive(tokenHash: string): Promise<PullTokenRow | undefined>;
  /** Revokes an unrevoked token; false when there was none to revoke. */
  revoke(id: string, at: number, by: string): Promise<boolean>;
  touch(id: string, at: number): Promise<void>;
}

const num = (v: number | string | bigint | null) => (v === null ? null : Number(v));
const toRow = (r: PullTokenRow): PullTokenRow => ({
  ...r,
  createdAt: Number(r.createdAt),
  lastUsedAt: num(r.lastUsedAt),
  revokedAt: num(r.revokedAt),
});

export function createPullTokensRepository(db: Kysely<Database>): PullTokensRepository {
  return {
    async insert(row) {
      await db.insertInto('pullTokens').values(row).execute();
    },
    async list() {
      const rows = await db
        .selectFrom('pullTokens')
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRow);
    },
    async find(id) {
      const row = await db
        .selectFrom('pullTokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRow(row);
    },
    async findActive(tokenHash) {
      const row = await db
        .selectFrom('pullTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return row && toRow(row);
    },
    async revoke(id, at, by) {
      const result = await db
        .updateTable('pullTokens')
        .set({ revokedAt: at, revokedBy: by })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async touch(id, at) {
      await db.updateTable('pullTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
    },
  };
}
