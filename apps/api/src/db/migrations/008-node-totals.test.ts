/**
 * Migration 008 over counters an earlier release kept, on both dialects: `node_totals` starts as
 * `node_rollups` summed over sector codes, and the tally of the units beneath a node reads it.
 */
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { migrationProvider } from './index.ts';

describe.each(dialects)('migration 008 over earlier counters on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('007-organisation');
    if (error) throw error;
    const row = (
      nodeId: string,
      sectorCode: string,
      month: string,
      level: number,
      count: number,
    ) => ({
      nodeId,
      sectorCode,
      month,
      scale: 'five',
      level,
      category: 'counted',
      count,
    });
    await (handle.db as unknown as Kysely<any>)
      .insertInto('nodeRollups')
      .values([
        row('xa-a', 'ho-tich', '2026-10', 5, 7),
        row('xa-a', 'chung-thuc', '2026-10', 5, 3),
        row('xa-a', 'chung-thuc', '2026-10', 1, 2),
        row('xa-a', 'ho-tich', '2026-11', 4, 4),
        row('tinh', 'ho-tich', '2026-10', 5, 7),
      ])
      .execute();
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await database.dispose();
  });

  it('sums the earlier counters over sector codes, per node, month, scale, level and category', async () => {
    const rows = await handle.db
      .selectFrom('nodeTotals')
      .select(['nodeId', 'month', 'level', 'count'])
      .orderBy('nodeId')
      .orderBy('month')
      .orderBy('level')
      .execute();
    expect(rows.map((r) => [r.nodeId, r.month, Number(r.level), Number(r.count)])).toEqual([
      ['tinh', '2026-10', 5, 7],
      ['xa-a', '2026-10', 1, 2],
      ['xa-a', '2026-10', 5, 10],
      ['xa-a', '2026-11', 4, 4],
    ]);
    const totals = await handle.repos.nodeRollups.nodeTotals(['xa-a'], {
      from: '2026-10',
      to: '2026-11',
    });
    expect(totals.get('xa-a')).toMatchObject({ total: 16, satisfied: 14 });
  });
});
