/**
 * The tree's counters kept in their key's order on SQLite (issue 22, the year tally). A rowid table
 * keeps its rows in insertion order and its key in a separate index, so summing a node's year
 * walks the index and then jumps to each row for its count; a WITHOUT ROWID table is its key's
 * b-tree, count included (sqlite.org/withoutrowid.html): the same sums read about half the pages,
 * and every upsert at ingest touches one b-tree instead of two. The tables are rebuilt with the
 * same columns, key and rows. PostgreSQL keeps its heap and primary key: nothing to do there.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

/** Each counter table and its key, as migration 021 (and 013 for counter_rollups) made them. */
const TABLES: Record<string, { columns: string; key: string }> = {
  node_rollups: {
    columns: `node_id text not null, sector_code text not null, month text not null,
      scale text not null, level integer not null, category text not null,
      own integer not null, count bigint not null`,
    key: 'node_id, month, sector_code, scale, level, category, own',
  },
  node_totals: {
    columns: `node_id text not null, month text not null, scale text not null,
      level integer not null, category text not null, channel text not null,
      count bigint not null`,
    key: 'node_id, month, scale, level, category, channel',
  },
  node_reason_rollups: {
    columns: `node_id text not null, sector_code text not null, month text not null,
      reason text not null, own integer not null, count bigint not null`,
    key: 'node_id, month, sector_code, reason, own',
  },
  counter_rollups: {
    columns: `counter_id text not null, month text not null, scale text not null,
      level integer not null, category text not null, count bigint not null`,
    key: 'counter_id, month, scale, level, category',
  },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  for (const [table, { columns, key }] of Object.entries(TABLES)) {
    const rebuilt = sql.table(`${table}_033`);
    await sql`create table ${rebuilt} (${sql.raw(columns)},
      constraint ${sql.ref(`${table}_pkey`)} primary key (${sql.raw(key)})) without rowid`.execute(
      db,
    );
    await sql`insert into ${rebuilt} (${sql.raw(key)}, count)
      select ${sql.raw(key)}, count from ${sql.table(table)}`.execute(db);
    await sql`drop table ${sql.table(table)}`.execute(db);
    await sql`alter table ${rebuilt} rename to ${sql.table(table)}`.execute(db);
  }
}
