/**
 * Migration 022 over ratings an earlier release stored, on both dialects: the assessment's counters
 * start as a recount of them, so an upgraded database reads the figures it read before — an
 * officer's ratings, the answers per officer and per sector, the dossiers rated — and the indexes
 * the assessment used to scan ratings by are gone.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { migrationProvider } from './index.ts';

const T0 = Date.UTC(2026, 9, 1);

describe.each(dialects)('migration 022 over earlier ratings on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('021-one-counter-model');
    if (error) throw error;
    const db = handle.db as unknown as Kysely<any>;
    await db
      .insertInto('units')
      .values({
        id: 'xa-a',
        code: 'xa-a',
        name: 'Xã A',
        kind: 'commune',
        scale: 'five',
        sortOrder: 0,
        createdAt: T0,
      })
      .execute();
    await db
      .insertInto('sectors')
      .values(
        ['ho-tich', 'chung-thuc'].map((code) => ({
          id: `xa-a/${code}`,
          unitId: 'xa-a',
          code,
          name: code,
          sortOrder: 0,
          createdAt: T0,
        })),
      )
      .execute();
    const rating = (
      id: string,
      code: string,
      month: string,
      level: number,
      category: string,
      fields: Record<string, unknown> = {},
    ) => ({
      id,
      unitId: 'xa-a',
      sectorId: `xa-a/${code}`,
      level,
      reasons: '',
      deviceTime: T0,
      receivedAt: T0,
      month,
      category,
      channel: 'phone',
      ...fields,
    });
    const ratings = [
      rating('r1', 'ho-tich', '2026-10', 5, 'counted', {
        officerId: 'an',
        visits: 1,
        attitude: 'courteous',
        dossierCode: 'HS-1',
      }),
      rating('r2', 'ho-tich', '2026-10', 2, 'counted', {
        officerId: 'an',
        visits: 3,
        agencies: 2,
        dossierCode: 'HS-2',
      }),
      rating('r3', 'chung-thuc', '2026-10', 4, 'superseded', {
        officerId: 'an',
        visits: 2,
        dossierCode: 'HS-2',
      }),
      rating('r4', 'chung-thuc', '2026-11', 4, 'counted', { attitude: 'harassing' }),
      rating('r5', 'ho-tich', '2026-10', 5, 'repeat', { officerId: 'binh', agencies: 1 }),
    ];
    await db
      .insertInto('records')
      .values(
        ratings.map((r) => ({
          id: r.id,
          canonicalId: r.id,
          kind: 'rating',
          receivedAt: T0,
          source: 'phone',
          sourceKey: 'xa-a',
        })),
      )
      .execute();
    await db.insertInto('ratings').values(ratings).execute();
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await database.dispose();
  });

  it('counts the stored ratings per officer, every category, as the store would have', async () => {
    const rows = await handle.db.selectFrom('officerRollups').selectAll().execute();
    expect(
      rows
        .map((r) => [r.officerId, r.month, Number(r.level), r.category, Number(r.count)].join(' '))
        .sort(),
    ).toEqual([
      'an 2026-10 2 counted 1',
      'an 2026-10 4 superseded 1',
      'an 2026-10 5 counted 1',
      'binh 2026-10 5 repeat 1',
    ]);
  });

  it('reads the figures the ratings gave: counted ratings and answers, rated dossiers', async () => {
    const { assessment } = handle.repos;
    const months = ['2026-10', '2026-11'];
    expect(await assessment.officerRatings(['xa-a'], months)).toEqual([
      { officerId: 'an', unitId: 'xa-a', month: '2026-10', level: 2, count: 1 },
      { officerId: 'an', unitId: 'xa-a', month: '2026-10', level: 5, count: 1 },
    ]);
    const answers = async (by: 'officer' | 'sector') =>
      (await assessment.countedAnswers(['xa-a'], months, by)).map((r) =>
        [r.officerId ?? r.sectorId, r.question, r.answer, r.count].join(' '),
      );
    expect(await answers('officer')).toEqual([
      'an agencies 2 1',
      'an attitude courteous 1',
      'an visits 1 1',
      'an visits 3 1',
    ]);
    expect(await answers('sector')).toEqual([
      'xa-a/chung-thuc attitude harassing 1',
      'xa-a/ho-tich agencies 2 1',
      'xa-a/ho-tich attitude courteous 1',
      'xa-a/ho-tich visits 1 1',
      'xa-a/ho-tich visits 3 1',
    ]);
    expect(await assessment.ratedCodes(['HS-1', 'HS-2', 'HS-3'])).toEqual(
      new Set(['HS-1', 'HS-2']),
    );
  });

  it('drops the indexes ratings were scanned by for the assessment', async () => {
    const names =
      dialect === 'sqlite'
        ? sql<{ name: string }>`select name from sqlite_master where type = 'index'`
        : sql<{ name: string }>`select indexname as name from pg_indexes`;
    const indexes = (await names.execute(handle.db)).rows.map((r) => r.name);
    expect(indexes).toContain('ratings_unit_month');
    expect(indexes).not.toContain('ratings_answered');
    expect(indexes).not.toContain('ratings_officer_month');
  });
});
