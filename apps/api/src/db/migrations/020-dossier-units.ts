/**
 * The dossier rule per unit, closed months and one voice per served citizen (issue 22 items 3, 4).
 *
 * - dossier_ratings: keyed by (unit, dossier code) instead of the code across the province, so a
 *   rating of one unit never moves another unit's figures. Filled from each row's counted rating's
 *   unit; rows without one were only locks and are made again on demand. Rebuilt (SQLite cannot
 *   change a primary key in place), the same way on both dialects.
 * - unit_counting_settings: each unit's choices (month-close.ts), one row per month they take effect
 *   from, so the rule that closes a month is the one it had when it was open.
 * - phone_inclusion_days: per unit and Việt Nam day, the cap on phone ratings without a dossier the
 *   unit includes (counting-rule.ts) and how many it admitted; its row is the lock two batches
 *   admitting on one day wait on.
 *
 * Ratings already stored keep their categories: their months' figures do not move.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dossier_ratings_by_unit')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    /** The rating of this unit's dossier that counts; null while none does. */
    .addColumn('rating_id', 'text')
    /** Its order key: the time the citizen rated, then the rating id. */
    .addColumn('rated_at', 'bigint')
    .addPrimaryKeyConstraint('dossier_ratings_unit_pkey', ['unit_id', 'dossier_code'])
    .execute();
  await sql`insert into dossier_ratings_by_unit (unit_id, dossier_code, rating_id, rated_at)
    select r.unit_id, d.dossier_code, d.rating_id, d.rated_at
    from dossier_ratings d join ratings r on r.id = d.rating_id`.execute(db);
  await db.schema.dropTable('dossier_ratings').execute();
  await db.schema.alterTable('dossier_ratings_by_unit').renameTo('dossier_ratings').execute();

  await db.schema
    .createTable('unit_counting_settings')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    /** 'YYYY-MM': the first month these settings apply to. */
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('close_day', 'integer', (c) => c.notNull())
    .addColumn('include_unverified_phone', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_counting_settings_pkey', ['unit_id', 'from_month'])
    .execute();

  await db.schema
    .createTable('phone_inclusion_days')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    /** 'YYYY-MM-DD' in Việt Nam. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('cap', 'integer', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('phone_inclusion_days_pkey', ['unit_id', 'day'])
    .execute();
}
