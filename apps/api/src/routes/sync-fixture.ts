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
