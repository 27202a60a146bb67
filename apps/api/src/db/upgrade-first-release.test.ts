/**
 * An upgrade from the first release, on both databases. The fixture is a database the first
 * release (commit 56544e4, migrations 001–003) built and filled through its own code paths — the
 * demo province's four months of ratings through its sync, tablets enrolled through its API, a
 * phản ánh with contact data and a kiến nghị from a tablet — with the figures its API showed then
 * (first-release-figures.json). On PostgreSQL the same rows are copied into a database the same
 * migrations built. Upgraded by today's start-up migrations, today's API must show the same
 * figures to the last count, the same register, the same gap report, and go on taking the old
 * tablets' uploads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import SqliteDatabase from 'better-sqlite3';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { openDatabase, type DatabaseHandle } from './connect.ts';
import { migrationProvider } from './migrations/index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const PASSWORD = 'ban-dau-2026-hailong';
const FIRST_RELEASE_MIGRATIONS = ['001-foundation', '002-sync', '003-feedback-workflow'];

interface SectorFigure {
  unitId: string;
  sectorId: string;
  total: number;
  satisfied: number;
  repeats: number;
  badClock: number;
  levels: { level: number; count: number }[];
  reasons: { reason: string; count: number }[];
  targetBp: number;
}
const shown = JSON.parse(readFileSync(join(FIXTURES, 'first-release-figures.json'), 'utf8')) as {
  months: Record<string, SectorFigure[]>;
  feedback: { id: string; trackingCode: string; kind: string; status: string }[];
};

/** The fixture as a SQLite file of its own. */
async function firstReleaseFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'hailong-first-release-')), 'hailong.db');
  writeFileSync(path, gunzipSync(readFileSync(join(FIXTURES, 'first-release.sqlite.gz'))));
  return path;
}

/** Builds the first release's schema on PostgreSQL and copies the fixture's rows into it. */
async function firstReleaseOnPostgres(url: string): Promise<void> {
  const handle = await openDatabase(url);
  try {
    const { error } = await new Migrator({
      db: handle.db,
      provider: migrationProvider,
    }).migrateTo('003-feedback-workflow');
    if (error) throw error;
    const source = new SqliteDatabase(await firstReleaseFile(), { readonly: true });
    // In creation order: parents before the rows that refer to them.
    const tables = source
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
      )
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const rows = source.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      // Rows a migration seeds (the holiday calendar) come from the fixture like the rest.
      await sql`DELETE FROM ${sql.table(table)}`.execute(handle.db);
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const columns = Object.keys(chunk[0]!);
        const values = chunk.map((row) => sql`(${sql.join(columns.map((c) => sql`${row[c]}`))})`);
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(
          handle.db,
        );
      }
    }
    source.close();
  } finally {
    await handle.close();
  }
}

describe.each(dialects)('upgrading a first-release database on %s', (dialect) => {
  let database: DatabaseHandle;
  let dispose = async () => {};
  let admin: Session;
  let app: ReturnType<typeof testApp>['app'];
  let pendingBefore: string[];

  beforeAll(async () => {
    let url: string;
    if (dialect === 'sqlite') {
      url = `file:${await firstReleaseFile()}`;
    } else {
      const fresh = await freshDatabaseUrl('postgres');
      dispose = fresh.dispose;
      url = fresh.url;
      await firstReleaseOnPostgres(url);
    }
    database = await openDatabase(url);
    pendingBefore = await database.pendingMigrations();
    await database.migrate();
    app = testApp(database, new TestClock(Date.UTC(2026, 10, 26, 3))).app;
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await database?.close();
    await dispose();
  });

  it('applies every migration since the first release, once, at start-up', async () => {
    const all = Object.keys(await migrationProvider.getMigrations());
    expect(pendingBefore).toEqual(all.filter((m) => !FIRST_RELEASE_MIGRATIONS.includes(m)));
    expect(await database.pendingMigrations()).toEqual([]);
  });

  it.each(Object.keys(shown.months))(
    'shows the figures of %s as the first release did',
    async (month) => {
      const res = await admin.get(`/api/v1/tally/units?month=${month}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      // Each unit's own figures come per lĩnh vực code, unique within a unit.
      const sectors = await database.repos.catalogue.listSectors();
      const idOf = (unitId: string, code: string) =>
        sectors.find((s) => s.unitId === unitId && s.code === code)?.id ?? code;
      type Shown = Omit<SectorFigure, 'sectorId'> & { sectorCode: string };
      const now = (body.units as { unitId: string; sectors: Shown[] }[]).flatMap((u) =>
        u.sectors.map((s) => ({
          unitId: u.unitId,
          sectorId: idOf(u.unitId, s.sectorCode),
          total: s.total,
          satisfied: s.satisfied,
          repeats: s.repeats,
          badClock: s.badClock,
          levels: s.levels,
          reasons: s.reasons,
          targetBp: s.targetBp,
        })),
      );
      const key = (f: SectorFigure) => `${f.unitId}|${f.sectorId}`;
      const byKey = new Map(now.map((f) => [key(f), f]));
      for (const before of shown.months[month]!) {
        expect(byKey.get(key(before)), key(before)).toEqual(before);
      }
      const counted = (figures: SectorFigure[]) => figures.reduce((n, f) => n + f.total, 0);
      expect(counted(now)).toBe(counted(shown.months[month]!));
    },
  );

  it("keeps the register of phản ánh, kiến nghị, with the citizen's contact", async () => {
    const res = await admin.get('/api/v1/feedback?pageSize=200');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    const byId = new Map(
      (items as { id: string }[]).map((item) => [item.id, item as Record<string, unknown>]),
    );
    for (const before of shown.feedback) {
      expect(byId.get(before.id), before.trackingCode).toMatchObject({
        trackingCode: before.trackingCode,
        kind: before.kind,
        status: before.status,
      });
    }
    const withContact = await database.db
      .selectFrom('feedbackItems')
      .select(['contactName', 'contactPhone'])
      .where('trackingCode', '=', 'K7QM-2XPD')
      .executeTakeFirstOrThrow();
    expect(withContact).toEqual({ contactName: 'Nguyễn Thị Hoa', contactPhone: '0912345678' });
  });

  it("keeps the gap report of the first release's tablets", async () => {
    const { devices } = await (await admin.get('/api/v1/devices')).json();
    // Two tablets enrolled in the first release: one had its first record refused, the other sent
    // only its record number 4.
    const gapped = devices
      .filter((d: { gaps: unknown[] }) => d.gaps.length > 0)
      .map((d: Record<string, unknown>) => ({
        gaps: d.gaps,
        highestSeq: d.highestSeq,
        receivedCount: d.receivedCount,
      }));
    expect(gapped).toEqual(
      expect.arrayContaining([
        { gaps: [{ from: 1, to: 1 }], highestSeq: 3, receivedCount: 2 },
        { gaps: [{ from: 1, to: 3 }], highestSeq: 4, receivedCount: 1 },
      ]),
    );
    expect(gapped).toHaveLength(2);
  });
});
