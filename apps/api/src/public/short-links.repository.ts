/**
 * The phone page's short links over Kysely, on both dialects. A code is given once: `add` keeps
 * the first row when two requests give the same unit or counter a code at once (the partial
 * unique indexes of migration 027), and the caller reads the unit's codes again.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface ShortLinkRow {
  code: string;
  unitId: string;
  /** Null for the unit's own link. */
  counterId: string | null;
  createdAt: number;
}

export interface ShortLinkRepository {
  /** The unit's link and its counters' links. */
  forUnit(unitId: string): Promise<ShortLinkRow[]>;
  /** The link with this (stored, upper-case) code. */
  find(code: string): Promise<ShortLinkRow | undefined>;
  /** Whether any link has this code. */
  taken(code: string): Promise<boolean>;
  /** Adds links; a unit or counter that has one already, or a code in use, keeps what it has. */
  add(rows: readonly ShortLinkRow[]): Promise<void>;
}

export function createShortLinkRepository(db: Kysely<Database>): ShortLinkRepository {
  return {
    forUnit: (unitId) =>
      db.selectFrom('shortLinks').selectAll().where('unitId', '=', unitId).execute(),
    find: (code) =>
      db.selectFrom('shortLinks').selectAll().where('code', '=', code).executeTakeFirst(),
    async taken(code) {
      const row = await db
        .selectFrom('shortLinks')
        .select('code')
        .where('code', '=', code)
        .executeTakeFirst();
      return row !== undefined;
    },
    async add(rows) {
      for (const row of rows) {
        await db
          .insertInto('shortLinks')
          .values(row)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },
  };
}
