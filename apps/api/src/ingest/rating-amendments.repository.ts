/**
 * The phone page's follow-up answers (issue 21): a level stored alone carries a key (its hash in
 * `rating_amendments`), and the one amendment it admits updates the rating in place. The amendment
 * row is read locked, so two copies of one amendment sent at once are decided one after the other
 * (PostgreSQL: a row lock; SQLite has one writer).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Dialect, RatingRow } from '../repositories/types.ts';

export interface RatingAmendmentRow {
  ratingId: string;
  /** SHA-256 (hex) of the key the page drew with the level. */
  keyHash: string;
  expiresAt: number;
  amendedAt: number | null;
  /** The content hash of the amendment applied, so its resend is told from another one. */
  contentHash: string | null;
}

export interface RatingAmendmentRepository {
  /** Runs in the transaction that stores the level. */
  create(row: RatingAmendmentRow): Promise<void>;
  /** The rating's amendment row, locked until the transaction ends; undefined: none. */
  lock(ratingId: string): Promise<RatingAmendmentRow | undefined>;
  markApplied(ratingId: string, at: number, contentHash: string): Promise<void>;
  /**
   * Writes `after` over the stored rating `before` (its follow-up answers and its category) and
   * moves its counts in the unit rollups from what `before` counted to what `after` counts.
   */
  amendRating(before: RatingRow, after: RatingRow): Promise<void>;
}

export function createRatingAmendmentRepository(
  db: Kysely<Database>,
  dialect: Dialect,
): RatingAmendmentRepository {
  return {
    async create(row) {
      await db.insertInto('ratingAmendments').values(row).execute();
    },
    async lock(ratingId) {
      const query = db.selectFrom('ratingAmendments').selectAll().where('ratingId', '=', ratingId);
      return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    },
    async markApplied(ratingId, at, contentHash) {
      await db
        .updateTable('ratingAmendments')
        .set({ amendedAt: at, contentHash })
        .where('ratingId', '=', ratingId)
        .execute();
    },
    async amendRating(before, after) {
      await db
        .updateTable('ratings')
        .set({
          reasons: after.reasons.join(','),
          comment: after.comment,
          dossierCode: after.dossierCode,
          respondentType: after.respondentType,
          visits: after.visits,
          agencies: after.agencies,
          attitude: after.attitude,
          category: after.category,
        })
        .where('id', '=', before.id)
        .execute();
    },
  };
}
