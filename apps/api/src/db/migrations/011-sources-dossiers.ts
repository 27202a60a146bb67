/**
 * Ratings that say who served and what was rated (issue 12), and sources other than tablets
 * (issue 13).
 *
 * - ratings: the channel it came by (tablet | phone | staff), the officer on duty, the dossier code,
 *   the respondent type and the answers to the extra questions (visits, agencies, attitude). Added
 *   with defaults, so neither dialect rewrites the table.
 * - devices.channel: a source of records. Tablets are 'tablet'; each unit gets one 'phone' and one
 *   'staff' source made on demand, so phone and staff submissions go through the same ledger
 *   (exactly once by record id and content) as a tablet's. Sources have no token a client could
 *   present, and device lists show tablets only.
 * - dossier_ratings: per dossier code, the rating that counts (the latest); its row is the lock two
 *   ratings of one dossier arriving at once wait on.
 * - Partial indexes for the dossier and officer reads of the assessment tables.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('ratings')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('tablet'))
    .execute();
  for (const [name, type] of [
    ['officer_id', 'text'],
    ['dossier_code', 'text'],
    ['respondent_type', 'text'],
    ['visits', 'integer'],
    ['agencies', 'integer'],
    ['attitude', 'text'],
  ] as const) {
    await db.schema.alterTable('ratings').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('devices')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('tablet'))
    .execute();

  await db.schema
    .createTable('dossier_ratings')
    .addColumn('dossier_code', 'text', (c) => c.primaryKey())
    /** The rating of this dossier that counts; null while none does. */
    .addColumn('rating_id', 'text')
    /** Its order key: the time the citizen rated, then the rating id. */
    .addColumn('rated_at', 'bigint')
    .execute();

  await sql`create index ratings_dossier on ratings (dossier_code) where dossier_code is not null`.execute(
    db,
  );
  await sql`create index ratings_officer_month on ratings (officer_id, month) where officer_id is not null`.execute(
    db,
  );
}
