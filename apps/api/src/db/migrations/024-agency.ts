/**
 * The agency that publishes (issue 24, item 5): the province's or the unit's name, short name and
 * emblem, which head the public page, the register and the widget instead of the product's name.
 * One row. The emblem is kept as the server re-drew it (PNG, two sizes: the pages' masthead and
 * the widget, whose whole weight must stay under 10 KB); `logo_version` names the pair in URLs.
 */
import { SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('agency_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('logo', sqlite ? 'blob' : 'bytea')
    .addColumn('logo_small', sqlite ? 'blob' : 'bytea')
    .addColumn('logo_version', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
