/**
 * The organisation tree and its catalogue (issue 9): units get a parent, an archive mark and codes
 * unique within their parent; sectors get an archive mark; counters (quầy) belong to a unit and a
 * tablet may be bound to one; every create, rename, move, archive and restore is kept in
 * `catalogue_history` so past reports show the names of their time; a unit's scale is kept per
 * month it applies from (`unit_scales`), so a change never rewrites history.
 *
 * The tally of any node and period reads `node_rollups`: one counter per node × sector code × month
 * × scale × level × category, for the unit of a rating and every ancestor it had when the rating
 * was stored, kept in the sync transaction like `rating_rollups`. `counter_rollups` does the same
 * per counter. Existing counters are carried over (the tree was flat, so each unit is its own node).
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) await rebuildUnitsOnSqlite(db);
  else {
    await sql`alter table units drop constraint units_code_unique`.execute(db);
    await db.schema
      .alterTable('units')
      .addColumn('parent_id', 'text', (c) => c.references('units.id'))
      .execute();
    await db.schema.alterTable('units').addColumn('archived_at', 'bigint').execute();
    await db.schema.alterTable('units').addColumn('updated_at', 'bigint').execute();
  }
  // Codes are unique among siblings; roots (no parent) are siblings of each other.
  await db.schema
    .createIndex('units_parent_code_unique')
    .on('units')
    .unique()
    .expression(sql`coalesce(parent_id, ''), code`)
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

  await db.schema.alterTable('sectors').addColumn('archived_at', 'bigint').execute();
  await db.schema.alterTable('sectors').addColumn('updated_at', 'bigint').execute();

  await db.schema
    .createTable('counters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint')
    .addUniqueConstraint('counters_unit_id_code_unique', ['unit_id', 'code'])
    .execute();

  await db.schema
    .alterTable('devices')
    .addColumn('counter_id', 'text', (c) => c.references('counters.id'))
    .execute();
  await db.schema
    .alterTable('enrollments')
    .addColumn('counter_id', 'text', (c) => c.references('counters.id'))
    .execute();
  await db.schema.alterTable('ratings').addColumn('counter_id', 'text').execute();

  await db.schema
    .createTable('unit_scales')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_scales_pkey', ['unit_id', 'from_month'])
    .execute();

  // No foreign keys: history must outlive, and never block, changes to what it describes.
  await db.schema
    .createTable('catalogue_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** unit | sector | counter */
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** The calendar month (Asia/Ho_Chi_Minh) from which this state applies. */
    .addColumn('month', 'text', (c) => c.notNull())
    /** create | rename | move | archive | restore | reorder | update | scale */
    .addColumn('action', 'text', (c) => c.notNull())
    /** The name in force from this change on. */
    .addColumn('name', 'text', (c) => c.notNull())
    /** Units: the parent unit; sectors and counters: their unit. */
    .addColumn('parent_id', 'text')
    .addColumn('actor_id', 'text')
    /** JSON text. */
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalogue_history_entity_idx')
    .on('catalogue_history')
    .columns(['entity_type', 'entity_id', 'at'])
    .execute();

  await db.schema
    .createTable('node_rollups')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_rollups_pkey', [
      'node_id',
      'month',
      'sector_code',
      'scale',
      'level',
      'category',
    ])
    .execute();
  await db.schema
    .createTable('node_reason_rollups')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('node_reason_rollups_pkey', [
      'node_id',
      'month',
      'sector_code',
      'reason',
    ])
    .execute();
  await db.schema
    .createTable('counter_rollups')
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('counter_rollups_pkey', [
      'counter_id',
      'month',
      'scale',
      'level',
      'category',
    ])
    .execute();

  await backfill(db);
}

/**
 * SQLite cannot drop a table constraint: the table is rebuilt (sqlite.org/lang_altertable.html,
 * "making other kinds of table schema changes"). Foreign keys are switched off meanwhile so that
 * dropping the old table does not touch the rows that refer to it; migrations on SQLite run
 * outside a transaction, where the pragma takes effect.
 */
async function rebuildUnitsOnSqlite(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`create table units_new (
      id text primary key,
      code text not null,
      name text not null,
      kind text not null,
      scale text not null,
      sort_order integer not null,
      created_at bigint not null,
      parent_id text references units(id),
      archived_at bigint,
      updated_at bigint
    )`.execute(db);
    await sql`insert into units_new (id, code, name, kind, scale, sort_order, created_at)
      select id, code, name, kind, scale, sort_order, created_at from units`.execute(db);
    await sql`drop table units`.execute(db);
    await sql`alter table units_new rename to units`.execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error('foreign key check failed after rebuilding units');
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function backfill(db: Kysely<any>): Promise<void> {
  await sql`insert into unit_scales (unit_id, from_month, scale, updated_at)
    select id, '2000-01', scale, created_at from units`.execute(db);
  await sql`insert into catalogue_history
      (id, entity_type, entity_id, at, month, action, name, parent_id, actor_id, details)
    select 'u-' || id, 'unit', id, created_at, '2000-01', 'create', name, null, null, '{}'
    from units`.execute(db);
  await sql`insert into catalogue_history
      (id, entity_type, entity_id, at, month, action, name, parent_id, actor_id, details)
    select 's-' || id, 'sector', id, created_at, '2000-01', 'create', name, unit_id, null, '{}'
    from sectors`.execute(db);
  await sql`insert into node_rollups (node_id, sector_code, month, scale, level, category, count)
    select r.unit_id, s.code, r.month, u.scale, r.level, r.category, sum(r.count)
    from rating_rollups r
    join sectors s on s.id = r.sector_id
    join units u on u.id = r.unit_id
    group by r.unit_id, s.code, r.month, u.scale, r.level, r.category`.execute(db);
  await sql`insert into node_reason_rollups (node_id, sector_code, month, reason, count)
    select r.unit_id, s.code, r.month, r.reason, sum(r.count)
    from rating_reason_rollups r
    join sectors s on s.id = r.sector_id
    group by r.unit_id, s.code, r.month, r.reason`.execute(db);
}
