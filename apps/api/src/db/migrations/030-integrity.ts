/**
 * Integrity signals (issue 25 item 5): a supervisor's conclusions on a signal, kept and never
 * edited (a newer one supersedes, naming the one it follows); records a supervisor excluded with a
 * reason, one row per rating (a rating is excluded once); and each unit's opening hours, which the
 * "outside opening hours" signal reads (absent: the default of opening-hours.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('integrity_conclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .addColumn('supersedes_id', 'text')
    .execute();
  await db.schema
    .createIndex('integrity_conclusions_unit_day')
    .on('integrity_conclusions')
    .columns(['unit_id', 'day'])
    .execute();
  await db.schema
    .createTable('integrity_exclusions')
    .addColumn('rating_id', 'text', (c) => c.primaryKey().references('ratings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('previous_category', 'text', (c) => c.notNull())
    .addColumn('excluded_by', 'text', (c) => c.notNull())
    .addColumn('excluded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integrity_exclusions_unit_month')
    .on('integrity_exclusions')
    .columns(['unit_id', 'month'])
    .execute();
  await db.schema
    .createTable('unit_opening_hours')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
