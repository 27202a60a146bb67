/**
 * Short links of the phone page (issue 23, item 6): `/q/AP1` on a poster instead of two internal
 * ids. One row per unit (counter_id null) and per counter, given once and kept: a printed poster
 * must keep working after a rename. A unit or a counter has at most one code (partial unique
 * indexes, since a unique index treats every null as different).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('short_links')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('counter_id', 'text', (c) => c.references('counters.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('short_links_unit_unique')
    .on('short_links')
    .column('unit_id')
    .unique()
    .where(sql.ref('counter_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('short_links_counter_unique')
    .on('short_links')
    .column('counter_id')
    .unique()
    .where(sql.ref('counter_id'), 'is not', null)
    .execute();
}
