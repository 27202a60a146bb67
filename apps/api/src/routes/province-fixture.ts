/**
 * A small province for the API tests of the tree's tally, league, exports and public page. The
 * tree is written straight into the catalogue (its own API is tested elsewhere); ratings arrive as
 * kiosks send them: tablets enrolled through the API (one bound to each counter of the centre),
 * then uploads with POST /api/v1/sync on 20 April 2026. No year default target is set, so unset
 * targets show as the 90 % floor.
 *
 * Tỉnh Hải Long (province)
 * ├ Trung tâm Phục vụ hành chính công (centre): Đăng ký kinh doanh (own target 95 %) 38/40 at
 * │   Quầy 1 (two of them "Không hài lòng"), one press flagged as a repeat; Hộ tịch 3/3 at Quầy 2
 * ├ Sở Tư pháp (department): Hộ tịch 20/25; Lý lịch tư pháp 2/2 (renamed in May 2026 to
 * │   "Cấp phiếu lý lịch tư pháp")
 * ├ UBND xã An Bình (commune, three levels): Hộ tịch 15/20; Chứng thực 4/4
 * ├ UBND phường Bắc Sơn (commune): Hộ tịch (own target 92 %) 12/12 in March, 10/10 in April
 * └ UBND xã Cũ (commune, archived, no answers)
 * All in March 2026 unless said otherwise.
 */
import { expect } from 'vitest';
import type { RatingRecord } from '@hailong/contracts';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin } from '../services/seed.service.ts';

export const PASSWORD = 'tong-hop-tinh-2026';
const T0 = Date.UTC(2026, 0, 5);

type UnitSpec = Pick<UnitRow, 'id' | 'name' | 'kind' | 'scale' | 'parentId'> & {
  archived?: boolean;
  sectors: [code: string, name: string, targetBp?: number][];
};

const UNITS: UnitSpec[] = [
  {
    id: 'tinh',
    name: 'Tỉnh Hải Long',
    kind: 'province',
    scale: 'five',
    parentId: null,
    sectors: [],
  },
  {
    id: 'tt',
    name: 'Trung tâm Phục vụ hành chính công',
    kind: 'centre',
    scale: 'five',
    parentId: 'tinh',
    sectors: [
      ['dang-ky-kinh-doanh', 'Đăng ký kinh doanh', 9500],
      ['ho-tich', 'Hộ tịch'],
    ],
  },
  {
    id: 'so-tp',
    name: 'Sở Tư pháp',
    kind: 'department',
    scale: 'five',
    parentId: 'tinh',
    sectors: [
      ['ho-tich', 'Hộ tịch'],
      ['ly-lich-tu-phap', 'Lý lịch tư pháp'],
    ],
  },
  {
    id: 'xa-a',
    name: 'UBND xã An Bình',
    kind: 'commune',
    scale: 'three',
    parentId: 'tinh',
    sectors: [
      ['ho-tich', 'Hộ tịch'],
      ['chung-thuc', 'Chứng thực'],
    ],
  },
  {
    id: 'xa-b',
    name: 'UBND phường Bắc Sơn',
    kind: 'commune',
    scale: 'five',
    parentId: 'tinh',
    sectors: [
      ['ho-tich', 'Hộ tịch', 9200],
      ['chung-thuc', 'Chứng thực'],
    ],
  },
  {
    id: 'xa-c',
    name: 'UBND xã Cũ',
    kind: 'commune',
    scale: 'five',
    parentId: 'tinh',
    archived: true,
    sectors: [['ho-tich', 'Hộ tịch']],
  },
];

export interface ProvinceWorld {
  database: DatabaseHandle;
  app: ReturnType<typeof testApp>['app'];
  admin: Session;
  /** Supervisor of UBND xã An Bình. */
  supervisorA: Session;
  /** Staff of the centre. */
  centreStaff: Session;
  /** Viewer without a unit: the whole province. */
  viewer: Session;
  anonymous: Session;
}

const levels = (spec: Record<number, number>) =>
  Object.entries(spec).flatMap(([level, n]) => Array.from({ length: n }, () => Number(level)));

export async function provinceWorld(dialect: TestDialect): Promise<ProvinceWorld> {
  const database = await freshDatabase(dialect);
  const { repos } = database;
  const clock = new TestClock(T0);
  for (const [i, u] of UNITS.entries()) {
    await repos.catalogue.createUnit({
      id: u.id,
      code: u.id,
      name: u.name,
      kind: u.kind,
      scale: u.scale,
      sortOrder: i,
      createdAt: T0,
      parentId: u.parentId,
      archivedAt: u.archived ? T0 : null,
      updatedAt: null,
    });
    for (const [j, [code, name, targetBp]] of u.sectors.entries()) {
      const id = `${u.id}/${code}`;
      await repos.catalogue.createSector({
        id,
        unitId: u.id,
        code,
        name,
        sortOrder: j,
        createdAt: T0,
        archivedAt: null,
        updatedAt: null,
      });
      if (targetBp !== undefined) {
        await repos.catalogue.upsertTarget({
          unitId: u.id,
          sectorId: id,
          year: 2026,
          targetBp,
          updatedAt: T0,
          updatedBy: null,
        });
      }
    }
  }
  for (const [i, code] of ['quay-1', 'quay-2'].entries()) {
    await repos.catalogue.createCounter({
      id: `tt/${code}`,
      unitId: 'tt',
      code,
      name: `Quầy ${i + 1}`,
      sortOrder: i,
      archivedAt: null,
      createdAt: T0,
      updatedAt: null,
    });
  }
  // Lý lịch tư pháp is renamed from May 2026: reports of earlier periods keep the old name.
  await repos.catalogue.updateSector('so-tp/ly-lich-tu-phap', {
    name: 'Cấp phiếu lý lịch tư pháp',
    updatedAt: Date.UTC(2026, 4, 2),
  });
  for (const [id, month, name, action] of [
    ['c', '2026-01', 'Lý lịch tư pháp', 'create'],
    ['r', '2026-05', 'Cấp phiếu lý lịch tư pháp', 'rename'],
  ] as const) {
    await repos.catalogue.appendHistory({
      id: `h-${id}`,
      entityType: 'sector',
      entityId: 'so-tp/ly-lich-tu-phap',
      at: id === 'c' ? T0 : Date.UTC(2026, 4, 2),
      month,
      action,
      name,
      parentId: 'so-tp',
      actorId: null,
      details: {},
    });
  }

  await ensureFirstAdmin(repos, clock.read, PASSWORD);
  const { app } = testApp(database, clock);
  const admin = new Session(app);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  const device = async (unitId: string, counterId: string | null) => {
    const d = await enrollDevice(admin, unitId);
    // Bound to a counter as the catalogue's device binding does.
    if (counterId)
      await database.db
        .updateTable('devices')
        .set({ counterId })
        .where('id', '=', d.deviceId)
        .execute();
    return d;
  };
  const tablets = {
    quay1: await device('tt', 'tt/quay-1'),
    quay2: await device('tt', 'tt/quay-2'),
    tp: await device('so-tp', null),
    a: await device('xa-a', null),
    b: await device('xa-b', null),
  };

  clock.now = Date.UTC(2026, 3, 20, 3);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  const upload = async (
    tablet: TestDevice,
    spec: [sectorId: string, levels: number[], month?: number][],
    extra: Partial<RatingRecord> = {},
  ) => {
    const items = spec.flatMap(([sectorId, ls, month = 2]) =>
      ls.map((level) => ({ sectorId, level, month })),
    );
    const records = items.map(({ sectorId, level, month }, i) =>
      rating(tablet, i + 1, {
        sectorId,
        level,
        reasons: level <= 2 && sectorId !== 'xa-a/ho-tich' ? ['waiting_time'] : [],
        deviceTime: new Date(Date.UTC(2026, month, 10, 2) + i * 600_000).toISOString(),
        ...extra,
      }),
    );
    const res = await sync(new Session(app), tablet, records);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  };
  await upload(tablets.quay1, [['tt/dang-ky-kinh-doanh', levels({ 5: 30, 4: 8, 2: 2 })]]);
  await upload(tablets.quay2, [['tt/ho-tich', levels({ 5: 3 })]]);
  await upload(tablets.tp, [
    ['so-tp/ho-tich', levels({ 5: 20, 1: 5 })],
    ['so-tp/ly-lich-tu-phap', levels({ 4: 2 })],
  ]);
  await upload(tablets.a, [
    ['xa-a/ho-tich', levels({ 3: 10, 2: 5, 1: 5 })],
    ['xa-a/chung-thuc', levels({ 3: 4 })],
  ]);
  await upload(tablets.b, [
    ['xa-b/ho-tich', levels({ 5: 9, 4: 3 })],
    ['xa-b/ho-tich', levels({ 5: 10 }), 3],
  ]);
  // One press the tablet itself flagged as a repeat: kept, out of the rate.
  const repeat = rating(tablets.quay1, 41, {
    sectorId: 'tt/dang-ky-kinh-doanh',
    level: 5,
    possibleRepeat: true,
    deviceTime: new Date(Date.UTC(2026, 2, 25)).toISOString(),
  });
  expect((await sync(new Session(app), tablets.quay1, [repeat])).status).toBe(200);

  const user = async (username: string, role: string, unitId: string | null) => {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: username,
      role,
      unitId,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    const session = new Session(app);
    expect((await session.login(username, PASSWORD)).status).toBe(200);
    return session;
  };
  return {
    database,
    app,
    admin,
    supervisorA: await user('giam.sat.a', 'supervisor', 'xa-a'),
    centreStaff: await user('can.bo.tt', 'staff', 'tt'),
    viewer: await user('chi.xem', 'viewer', null),
    anonymous: new Session(app),
  };
}
