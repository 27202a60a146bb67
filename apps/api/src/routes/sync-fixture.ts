/**
 * A world for the sync hardening tests: the demo catalogue, an admin session, and tablets enrolled
 * at Sở Tư pháp through the API exactly as a kiosk is. Each call gets a fresh database.
 */
import { expect } from 'vitest';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { SectorRow, UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../services/seed.service.ts';

const PASSWORD = 'quản-trị-đồng-bộ-2';

export interface SyncWorld {
  database: DatabaseHandle;
  clock: TestClock;
  app: ReturnType<typeof testApp>['app'];
  admin: Session;
  unit: UnitRow;
  sectors: SectorRow[];
  /** A new tablet of the unit. */
  enroll(label?: string): Promise<TestDevice>;
  /** A client with no cookie, as a tablet is. */
  tablet(): Session;
}

/** Friday 20/11/2026, 10:00 in Hà Nội. */
export const SYNC_START = Date.UTC(2026, 10, 20, 3);

export async function syncWorld(dialect: TestDialect): Promise<SyncWorld> {
  const database = await freshDatabase(dialect);
  const clock = new TestClock(SYNC_START);
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
  const { app } = testApp(database, clock);
  const admin = new Session(app);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  const unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
  const sectors = await database.repos.catalogue.listSectors(unit.id);
  return {
    database,
    clock,
    app,
    admin,
    unit,
    sectors,
    enroll: (label) => enrollDevice(admin, unit.id, label),
    tablet: () => new Session(app),
  };
}

/**
 * The rollups of the unit, checked equal to the same figures recounted from the raw rows; keyed
 * `sector|month|level|category` (reasons `sector|month|reason`).
 */
export async function unitRollups(w: SyncWorld) {
  const key = (r: { sectorId: string; month: string; level: number; category: string }) =>
    `${r.sectorId}|${r.month}|${r.level}|${r.category}`;
  const rollups = await w.database.db
    .selectFrom('ratingRollups')
    .selectAll()
    .where('unitId', '=', w.unit.id)
    .where('count', '>', 0)
    .execute();
  const recount = await w.database.db
    .selectFrom('ratings')
    .select(['sectorId', 'month', 'level', 'category', (eb) => eb.fn.countAll().as('n')])
    .where('unitId', '=', w.unit.id)
    .groupBy(['sectorId', 'month', 'level', 'category'])
    .execute();
  const reasons = await w.database.db
    .selectFrom('ratingReasonRollups')
    .select(['sectorId', 'month', 'reason', 'count'])
    .where('unitId', '=', w.unit.id)
    .where('count', '>', 0)
    .execute();
  const reasonRecount = await w.database.db
    .selectFrom('ratings')
    .select(['sectorId', 'month', 'reasons'])
    .where('unitId', '=', w.unit.id)
    .where('category', '=', 'counted')
    .execute();
  const recounted = new Map<string, number>();
  for (const r of reasonRecount) {
    for (const reason of r.reasons.split(',').filter(Boolean)) {
      const k = `${r.sectorId}|${r.month}|${reason}`;
      recounted.set(k, (recounted.get(k) ?? 0) + 1);
    }
  }
  const figures = new Map(rollups.map((r) => [key(r), Number(r.count)]));
  expect(figures).toEqual(new Map(recount.map((r) => [key(r), Number(r.n)])));
  const reasonFigures = new Map(
    reasons.map((r) => [`${r.sectorId}|${r.month}|${r.reason}`, Number(r.count)]),
  );
  expect(reasonFigures).toEqual(recounted);
  return { figures, reasonFigures };
}
