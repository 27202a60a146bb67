/**
 * Migration 020 over dossiers rated before it, on both dialects: the rating that counts for a
 * dossier code becomes the rating that counts for (its rating's unit, that code); rows that only
 * served as locks go (they are made again on demand), and every rating keeps its category.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../connect.ts';
import { migrationProvider, migrations } from './index.ts';

const T0 = Date.UTC(2026, 10, 20, 3);

describe.each(dialects)('migration 020 over dossiers rated before it on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let handle: DatabaseHandle;
  const units: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabaseUrl(dialect);
    handle = await openDatabase(database.url);
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf('020-dossier-units') - 1]!;
    const { error } = await new Migrator({
      db: handle.db,
      provider: migrationProvider,
    }).migrateTo(before);
    if (error) throw error;
    // Two units with a sector each, written in the schema of the time (today's seed writes
    // tables that do not exist yet).
    const db = handle.db as unknown as Kysely<any>;
    for (const code of ['so-tp', 'so-xd']) {
      const unitId = `unit-${code}`;
      units[code] = unitId;
      await db
        .insertInto('units')
        .values({
          id: unitId,
          code,
          name: code,
          kind: 'department',
          scale: 'five',
          sortOrder: 0,
          createdAt: T0,
          parentId: null,
          archivedAt: null,
          updatedAt: null,
        })
        .execute();
      const sector = { id: `sector-${code}` };
      await db
        .insertInto('sectors')
        .values({
          id: sector.id,
          unitId,
          code: `${code}-1`,
          name: 'Hộ tịch',
          sortOrder: 0,
          createdAt: T0,
          archivedAt: null,
          updatedAt: null,
        })
        .execute();
      const unit = { id: unitId };
      const id = `rating-${code}`;
      await db
        .insertInto('records')
        .values({
          id,
          deviceId: null,
          seq: null,
          kind: 'rating',
          receivedAt: T0,
          source: 'phone',
          sourceKey: unit.id,
        })
        .execute();
      await db
        .insertInto('ratings')
        .values({
          id,
          deviceId: null,
          unitId: unit.id,
          sectorId: sector.id,
          level: 5,
          reasons: '',
          deviceTime: T0,
          receivedAt: T0,
          month: '2026-11',
          category: code === 'so-tp' ? 'counted' : 'superseded',
          channel: 'phone',
          dossierCode: 'HS-0001',
        })
        .execute();
    }
    await db
      .insertInto('dossierRatings')
      .values([
        { dossierCode: 'HS-0001', ratingId: 'rating-so-tp', ratedAt: T0 },
        { dossierCode: 'HS-LOCK', ratingId: null, ratedAt: null },
      ])
      .execute();
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await database.dispose();
  });

  it('keys the rating that counts by its unit, keeps every category, drops lock-only rows', async () => {
    const rows = await handle.db.selectFrom('dossierRatings').selectAll().execute();
    expect(rows.map((r) => ({ ...r, ratedAt: Number(r.ratedAt) }))).toEqual([
      { unitId: units['so-tp'], dossierCode: 'HS-0001', ratingId: 'rating-so-tp', ratedAt: T0 },
    ]);
    const categories = await sql<{ id: string; category: string }>`
      select id, category from ratings order by id`.execute(handle.db);
    expect(categories.rows).toEqual([
      { id: 'rating-so-tp', category: 'counted' },
      { id: 'rating-so-xd', category: 'superseded' },
    ]);
    // Each unit has its own row of the code now.
    const locked = await handle.repos.counting.lockDossiers([
      { unitId: units['so-xd']!, code: 'HS-0001' },
    ]);
    expect([...locked.values()]).toEqual([{ ratingId: null, ratedAt: null }]);
  });
});
