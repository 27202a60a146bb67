/**
 * Migration 033 over counters already kept, on both dialects: every counter row is there after it,
 * with its count, the keys still refuse a second row, and on SQLite the tables are WITHOUT ROWID
 * (their key's b-tree) — what the year tally reads faster.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { migrationProvider } from './index.ts';

const TABLES = ['node_rollups', 'node_totals', 'node_reason_rollups', 'counter_rollups'] as const;

const rows: Record<(typeof TABLES)[number], Record<string, unknown>[]> = {
  node_rollups: [
    {
      nodeId: 'tinh',
      sectorCode: 'TP',
      month: '2026-01',
      scale: 'five',
      level: 5,
      category: 'counted',
      own: 0,
      count: 12,
    },
    {
      nodeId: 'so-tp',
      sectorCode: 'TP',
      month: '2026-01',
      scale: 'five',
      level: 2,
      category: 'counted',
      own: 1,
      count: 3,
    },
  ],
  node_totals: [
    {
      nodeId: 'tinh',
      month: '2026-01',
      scale: 'five',
      level: 5,
      category: 'counted',
      channel: 'tablet',
      count: 12,
    },
    {
      nodeId: 'tinh',
      month: '2026-01',
      scale: 'five',
      level: 5,
      category: 'counted',
      channel: 'phone',
      count: 4,
    },
  ],
  node_reason_rollups: [
    { nodeId: 'tinh', sectorCode: 'TP', month: '2026-01', reason: 'slow', own: 0, count: 2 },
  ],
  counter_rollups: [
    {
      counterId: 'quay-1',
      month: '2026-01',
      scale: 'five',
      level: 4,
      category: 'repeat',
      count: 7,
    },
  ],
};

describe.each(dialects)('migration 033 over kept counters on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;
  let db: Kysely<any>;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const names = Object.keys(await migrationProvider.getMigrations()).sort();
    const before = names[names.indexOf('033-clustered-counters') - 1]!;
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const { error } = await migrator.migrateTo(before);
    if (error) throw error;
    db = handle.db as unknown as Kysely<any>;
    for (const table of TABLES) await db.insertInto(table).values(rows[table]).execute();
    const done = await migrator.migrateToLatest();
    if (done.error) throw done.error;
  });
  afterAll(async () => {
    await handle?.close();
    await database?.dispose();
  });

  it.each(TABLES)('keeps every row of %s with its count', async (table) => {
    const kept = await db.selectFrom(table).selectAll().execute();
    const plain = kept.map((r) => ({ ...r, count: Number(r.count) }));
    expect(plain).toEqual(expect.arrayContaining(rows[table]));
    expect(plain).toHaveLength(rows[table].length);
  });

  it.each(TABLES)('still refuses a second row under one key in %s', async (table) => {
    await expect(db.insertInto(table).values(rows[table][0]!).execute()).rejects.toThrow();
  });

  it('keeps the counters in their key order (SQLite) or under their primary key (PostgreSQL)', async () => {
    if (dialect === 'sqlite') {
      const { rows: defs } = await sql<{ name: string; sql: string }>`
        select name, sql from sqlite_master where type = 'table'`.execute(db);
      for (const table of TABLES) {
        expect(defs.find((d) => d.name === table)?.sql).toMatch(/without rowid\s*$/i);
      }
      expect(defs.map((d) => d.name).filter((n) => n.endsWith('_033'))).toEqual([]);
    } else {
      const { rows: keys } = await sql<{ table: string }>`
        select table_name as "table" from information_schema.table_constraints
        where constraint_type = 'PRIMARY KEY' and table_name in (${sql.join([...TABLES])})`.execute(
        db,
      );
      expect(keys.map((k) => k.table).sort()).toEqual([...TABLES].sort());
    }
  });
});
