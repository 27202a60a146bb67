/**
 * A world for scope tests: the demo province, an admin, and people attached to units — a supervisor
 * and a staff member of commune A (UBND phường Trung Tâm), a supervisor of the centre, and a
 * province-wide viewer. Commune B (UBND xã An Phú) is outside A's subtree.
 */
import { expect } from 'vitest';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../services/seed.service.ts';

const ADMIN_PASSWORD = 'quản-trị-danh-mục-1';
const PASSWORD = 'mật-khẩu-phạm-vi-2026';

export interface ScopeWorld {
  database: DatabaseHandle;
  clock: TestClock;
  app: ReturnType<typeof testApp>['app'];
  admin: Session;
  supA: Session & { userId: string };
  staffA: Session & { userId: string };
  supCentre: Session & { userId: string };
  viewer: Session & { userId: string };
  province: UnitRow;
  centre: UnitRow;
  communeA: UnitRow;
  communeB: UnitRow;
  department: UnitRow;
}

/** Monday 23/11/2026, 09:00 in Hà Nội. */
export const SCOPE_START = Date.UTC(2026, 10, 23, 2);

export async function scopeWorld(dialect: TestDialect): Promise<ScopeWorld> {
  const database = await freshDatabase(dialect);
  const clock = new TestClock(SCOPE_START);
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, ADMIN_PASSWORD);
  const { app } = testApp(database, clock);
  const admin = new Session(app);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  const byCode = new Map((await database.repos.catalogue.listUnits()).map((u) => [u.code, u]));
  const communeA = byCode.get('ubnd-phuong-trung-tam')!;
  const centre = byCode.get('trung-tam-phvhcc')!;

  async function user(username: string, role: string, unitId: string | null) {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: `Người dùng ${username}`,
      role,
      unitId,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    const session = new Session(app);
    expect((await session.login(username, PASSWORD)).status).toBe(200);
    return Object.assign(session, { userId: (await res.json()).id as string });
  }

  return {
    database,
    clock,
    app,
    admin,
    supA: await user('giam.sat.a', 'supervisor', communeA.id),
    staffA: await user('can.bo.a', 'staff', communeA.id),
    supCentre: await user('giam.sat.tt', 'supervisor', centre.id),
    viewer: await user('chi.xem', 'viewer', null),
    province: byCode.get('tinh')!,
    centre,
    communeA,
    communeB: byCode.get('ubnd-xa-an-phu')!,
    department: byCode.get('so-tp')!,
  };
}
