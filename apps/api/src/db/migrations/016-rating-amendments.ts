/**
 * The phone page's follow-up answers (issue 21): pressing a level stores the rating at once, and
 * what the citizen answers next (reasons, comment, dossier code, survey answers) arrives later as
 * one amendment of that rating. The page draws a secret key with the level; only its SHA-256 is
 * kept here, with the deadline for the amendment. `amended_at` and `content_hash` are set by the
 * one amendment applied, so a resend of that amendment is told apart from a second, other one.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_amendments')
    .addColumn('rating_id', 'text', (c) => c.primaryKey().references('ratings.id'))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('amended_at', 'bigint')
    .addColumn('content_hash', 'text')
    .execute();
}
