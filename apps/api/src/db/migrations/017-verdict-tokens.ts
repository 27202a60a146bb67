/**
 * The citizen's verdict needs the citizen's secret (issue 21). Each item keeps the SHA-256 of the
 * verdict token on the citizen's receipt (`verdict_token_hash`; never the token itself); items made
 * before, or by kiosks that send none, keep null and take a verdict only through staff. A verdict
 * staff record for a citizen who called them says who recorded it (`recorded_by`; null: the
 * citizen gave it with the token).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback_items').addColumn('verdict_token_hash', 'text').execute();
  await db.schema
    .alterTable('feedback_verdicts')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .execute();
}
