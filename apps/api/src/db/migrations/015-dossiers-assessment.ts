/**
 * The TT 01/2018 assessment (issue 12):
 * - dossiers: the one-stop system's dossiers as imported (code, unit, sector, receiving officer,
 *   received, due and returned dates in Việt Nam, online or not), one row per code, so a re-import
 *   updates rather than adds; scored for indicator 1 and joined with ratings by code.
 * - feedback_items.conduct_*: a supervisor's conclusion on a phản ánh about an officer's conduct;
 *   an upheld one sets that officer's indicator 7 to 0 for the period.
 * - ratings_answered: the few ratings with extra answers, read by month without scanning the rest.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dossiers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('sector_id', 'text', (c) => c.references('sectors.id'))
    .addColumn('officer_id', 'text', (c) => c.references('users.id'))
    .addColumn('procedure', 'text')
    /** Calendar dates in Việt Nam, 'YYYY-MM-DD'. */
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('returned_date', 'text')
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossiers_due').on('dossiers').columns(['due_date']).execute();
  await db.schema
    .createIndex('dossiers_returned')
    .on('dossiers')
    .columns(['returned_date'])
    .execute();

  await db.schema.alterTable('feedback_items').addColumn('conduct_officer_id', 'text').execute();
  await db.schema.alterTable('feedback_items').addColumn('conduct_upheld', 'integer').execute();
  await db.schema.alterTable('feedback_items').addColumn('conduct_at', 'bigint').execute();
  await db.schema.alterTable('feedback_items').addColumn('conduct_by', 'text').execute();

  await sql`create index ratings_answered on ratings (month)
    where visits is not null or agencies is not null or attitude is not null`.execute(db);
}
