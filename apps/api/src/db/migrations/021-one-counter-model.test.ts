/**
 * Migration 021 over counters an earlier release kept, on both dialects: the flat per-unit counters
 * become the `own` part of the tree's counters, every subtree figure already published stays what it
 * was, phone and staff ratings move out of the tablet's share of `node_totals` at the nodes that
 * counted them (the tree as it stood when each was stored), and the flat tables are gone.
 */
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { migrationProvider } from './index.ts';

const T0 = Date.UTC(2026, 0, 5);
/** xa-a moved from the province to the centre on 1 March. */
const MOVED = Date.UTC(2026, 2, 1);

describe.each(dialects)('migration 021 over earlier counters on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('020-dossier-units');
    if (error) throw error;
    const db = handle.db as unknown as Kysely<any>;
    const unit = (id: string, parentId: string | null, sortOrder: number) => ({
      id,
      code: id,
      name: id,
      kind: 'other',
      scale: 'five',
      sortOrder,
      createdAt: T0,
      parentId,
    });
    await db
      .insertInto('units')
      .values([unit('tinh', null, 0), unit('tt', 'tinh', 1), unit('xa-a', 'tt', 2)])
      .execute();
    await db
      .insertInto('catalogueHistory')
      .values(
        [
          ['c-xa-a', T0, 'create', 'tinh'],
          ['m-xa-a', MOVED, 'move', 'tt'],
        ].map(([id, at, action, parentId]) => ({
          id,
          entityType: 'unit',
          entityId: 'xa-a',
          at,
          month: '2026-01',
          action,
          name: 'xa-a',
          parentId,
          actorId: null,
          details: '{}',
        })),
      )
      .execute();
    await db
      .insertInto('sectors')
      .values({
        id: 'xa-a/ho-tich',
        unitId: 'xa-a',
        code: 'ho-tich',
        name: 'Hộ tịch',
        sortOrder: 0,
        createdAt: T0,
      })
      .execute();
    // February: 10 tablet ratings of xa-a (then under the province), 2 of them by phone; March:
    // 4 more after the move, 1 by staff. Counters as the earlier release kept them.
    const rating = (id: string, month: string, channel: string, receivedAt: number) => ({
      id,
      deviceId: channel === 'tablet' ? 'd1' : null,
      unitId: 'xa-a',
      sectorId: 'xa-a/ho-tich',
      level: 5,
      reasons: '',
      deviceTime: receivedAt,
      receivedAt,
      month,
      category: 'counted',
      channel,
    });
    const feb = Date.UTC(2026, 1, 10);
    const mar = Date.UTC(2026, 2, 10);
    await db
      .insertInto('devices')
      .values({ id: 'd1', unitId: 'xa-a', label: 'Quầy', tokenHash: 'h', enrolledAt: T0 })
      .execute();
    const ids = [
      ...Array.from({ length: 8 }, (_, i) => [`f${i}`, 'tablet']),
      ['fp1', 'phone'],
      ['fp2', 'phone'],
      ...Array.from({ length: 3 }, (_, i) => [`m${i}`, 'tablet']),
      ['ms1', 'staff'],
    ];
    await db
      .insertInto('records')
      .values(
        ids.map(([id, source], i) => ({
          id,
          canonicalId: id,
          source,
          deviceId: source === 'tablet' ? 'd1' : null,
          sourceKey: source === 'tablet' ? null : 'xa-a',
          seq: source === 'tablet' ? i + 1 : null,
          kind: 'rating',
          receivedAt: T0,
          contentHash: null,
        })),
      )
      .execute();
    await db
      .insertInto('ratings')
      .values([
        ...Array.from({ length: 8 }, (_, i) => rating(`f${i}`, '2026-02', 'tablet', feb)),
        rating('fp1', '2026-02', 'phone', feb),
        rating('fp2', '2026-02', 'phone', feb),
        ...Array.from({ length: 3 }, (_, i) => rating(`m${i}`, '2026-03', 'tablet', mar)),
        rating('ms1', '2026-03', 'staff', mar),
      ])
      .execute();
    await db
      .insertInto('ratingRollups')
      .values([
        {
          unitId: 'xa-a',
          sectorId: 'xa-a/ho-tich',
          month: '2026-02',
          level: 5,
          category: 'counted',
          count: 10,
        },
        {
          unitId: 'xa-a',
          sectorId: 'xa-a/ho-tich',
          month: '2026-03',
          level: 5,
          category: 'counted',
          count: 4,
        },
      ])
      .execute();
    await db
      .insertInto('ratingReasonRollups')
      .values({
        unitId: 'xa-a',
        sectorId: 'xa-a/ho-tich',
        month: '2026-02',
        reason: 'waiting_time',
        count: 2,
      })
      .execute();
    const node = (nodeId: string, month: string, count: number) => ({
      nodeId,
      sectorCode: 'ho-tich',
      month,
      scale: 'five',
      level: 5,
      category: 'counted',
      count,
    });
    const rollups = [
      node('xa-a', '2026-02', 10),
      node('tinh', '2026-02', 10),
      node('xa-a', '2026-03', 4),
      node('tt', '2026-03', 4),
      node('tinh', '2026-03', 4),
    ];
    await db.insertInto('nodeRollups').values(rollups).execute();
    await db
      .insertInto('nodeTotals')
      .values(rollups.map(({ sectorCode: _code, ...total }) => total))
      .execute();
    await db
      .insertInto('nodeReasonRollups')
      .values(
        ['xa-a', 'tinh'].map((nodeId) => ({
          nodeId,
          sectorCode: 'ho-tich',
          month: '2026-02',
          reason: 'waiting_time',
          count: 2,
        })),
      )
      .execute();
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await database.dispose();
  });

  const rows = async (table: 'nodeRollups' | 'nodeTotals' | 'nodeReasonRollups', key: string[]) =>
    (await handle.db.selectFrom(table).selectAll().execute())
      .map((r) =>
        [...key.map((k) => String((r as Record<string, unknown>)[k])), Number(r.count)].join(' '),
      )
      .sort();

  it('marks each unit’s own counters, keeping every subtree figure as published', async () => {
    expect(await rows('nodeRollups', ['nodeId', 'month', 'own'])).toEqual([
      'tinh 2026-02 0 10',
      'tinh 2026-03 0 4',
      'tt 2026-03 0 4',
      'xa-a 2026-02 1 10',
      'xa-a 2026-03 1 4',
    ]);
    expect(await rows('nodeReasonRollups', ['nodeId', 'own'])).toEqual(['tinh 0 2', 'xa-a 1 2']);
  });

  it('splits the totals by channel at the nodes that counted each rating', async () => {
    expect(await rows('nodeTotals', ['nodeId', 'month', 'channel'])).toEqual([
      'tinh 2026-02 phone 2',
      'tinh 2026-02 tablet 8',
      'tinh 2026-03 staff 1',
      'tinh 2026-03 tablet 3',
      'tt 2026-03 staff 1',
      'tt 2026-03 tablet 3',
      'xa-a 2026-02 phone 2',
      'xa-a 2026-02 tablet 8',
      'xa-a 2026-03 staff 1',
      'xa-a 2026-03 tablet 3',
    ]);
  });

  it('drops the flat counters', async () => {
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('rating_rollups');
    expect(tables).not.toContain('rating_reason_rollups');
    expect(tables).toContain('node_rollups');
  });
});
