/**
 * A small tree whose tablets send ratings with comments (góp ý thêm), for the comments' API tests.
 * Tablets are enrolled through the API on 5 January 2026; uploads go through POST /api/v1/sync on
 * 20 April 2026 (March and February ratings) and on 1 June 2026 (May ratings).
 *
 * Tỉnh Hải Long
 * ├ Sở Tư pháp (five levels): Hộ tịch, Lý lịch tư pháp
 * │   10/03 09:00 Hộ tịch, Rất không hài lòng, chờ lâu: "Chờ lâu quá, gọi lại cho tôi 0912 345 678"
 * │   12/03 14:30 Lý lịch tư pháp, Không hài lòng, thủ tục: "Cán bộ hướng dẫn chưa rõ ràng"
 * │   10/02 08:15 Hộ tịch, Không hài lòng: "Tháng hai cũng phải chờ"
 * │   a Hộ tịch "Rất hài lòng" without comment; 05/05 10:00 Hộ tịch: "Tháng năm đỡ hơn"
 * ├ UBND xã An Bình (three levels): 15/03 07:45 Hộ tịch, Chưa hài lòng: "=1+1 thủ tục rườm rà"
 * └ UBND phường Bắc Sơn (five levels): 20/03 16:00 Hộ tịch, Không hài lòng: "Phòng chờ nóng"
 * Times are in Việt Nam (UTC+7).
 */
import { expect } from 'vitest';
import type { RatingRecord } from '@hailong/contracts';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin } from '../services/seed.service.ts';

export const PASSWORD = 'gop-y-nguoi-dan-2026';
export const PHONE_COMMENT = 'Chờ lâu quá, gọi lại cho tôi 0912 345 678';
export const FIRST_UPLOAD = Date.UTC(2026, 3, 20, 3);
export const SECOND_UPLOAD = Date.UTC(2026, 5, 1, 3);
const T0 = Date.UTC(2026, 0, 5);

const UNITS: [
  id: string,
  name: string,
  kind: string,
  scale: 'five' | 'three',
  parent: string | null,
][] = [
  ['tinh', 'Tỉnh Hải Long', 'province', 'five', null],
  ['so-tp', 'Sở Tư pháp', 'department', 'five', 'tinh'],
  ['xa-a', 'UBND xã An Bình', 'commune', 'three', 'tinh'],
  ['xa-b', 'UBND phường Bắc Sơn', 'commune', 'five', 'tinh'],
];
const SECTORS: [unitId: string, code: string, name: string][] = [
  ['so-tp', 'ho-tich', 'Hộ tịch'],
  ['so-tp', 'ly-lich-tu-phap', 'Lý lịch tư pháp'],
  ['xa-a', 'ho-tich', 'Hộ tịch'],
  ['xa-b', 'ho-tich', 'Hộ tịch'],
];

export interface CommentsWorld {
  database: DatabaseHandle;
  clock: TestClock;
  admin: Session;
  /** Supervisor of UBND xã An Bình. */
  supervisorA: Session;
  /** Staff of Sở Tư pháp. */
  staffTp: Session;
  /** Viewer of the whole province. */
  viewer: Session;
  app: ReturnType<typeof testApp>['app'];
}

/** An instant given in Việt Nam time, on the wire. */
const vn = (month: number, day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour - 7, minute)).toISOString();

export async function commentsWorld(dialect: TestDialect): Promise<CommentsWorld> {
  const database = await freshDatabase(dialect);
  const { repos } = database;
  const clock = new TestClock(T0);
  for (const [i, [id, name, kind, scale, parentId]] of UNITS.entries()) {
    await repos.catalogue.createUnit({
      id,
      code: id,
      name,
      kind: kind as UnitRow['kind'],
      scale,
      sortOrder: i,
      createdAt: T0,
      parentId,
      archivedAt: null,
      updatedAt: null,
    });
  }
  for (const [i, [unitId, code, name]] of SECTORS.entries()) {
    await repos.catalogue.createSector({
      id: `${unitId}/${code}`,
      unitId,
      code,
      name,
      sortOrder: i,
      createdAt: T0,
      archivedAt: null,
      updatedAt: null,
    });
  }
  await ensureFirstAdmin(repos, clock.read, PASSWORD);
  const { app } = testApp(database, clock);
  const admin = new Session(app);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  const tablets = {
    tp: await enrollDevice(admin, 'so-tp'),
    a: await enrollDevice(admin, 'xa-a'),
    b: await enrollDevice(admin, 'xa-b'),
  };
  const upload = async (tablet: TestDevice, first: number, items: Partial<RatingRecord>[]) => {
    const records = items.map((fields, i) =>
      rating(tablet, first + i, fields as Pick<RatingRecord, 'sectorId' | 'level'>),
    );
    const res = await sync(new Session(app), tablet, records);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  };

  clock.now = FIRST_UPLOAD;
  await upload(tablets.tp, 1, [
    {
      sectorId: 'so-tp/ho-tich',
      level: 1,
      reasons: ['waiting_time'],
      comment: PHONE_COMMENT,
      deviceTime: vn(3, 10, 9),
    },
    {
      sectorId: 'so-tp/ly-lich-tu-phap',
      level: 2,
      reasons: ['unclear_procedure', 'staff_attitude'],
      comment: 'Cán bộ hướng dẫn chưa rõ ràng',
      deviceTime: vn(3, 12, 14, 30),
    },
    {
      sectorId: 'so-tp/ho-tich',
      level: 2,
      comment: 'Tháng hai cũng phải chờ',
      deviceTime: vn(2, 10, 8, 15),
    },
    { sectorId: 'so-tp/ho-tich', level: 5, deviceTime: vn(3, 11, 10) },
  ]);
  await upload(tablets.a, 1, [
    {
      sectorId: 'xa-a/ho-tich',
      level: 1,
      reasons: ['came_back'],
      comment: '=1+1 thủ tục rườm rà',
      deviceTime: vn(3, 15, 7, 45),
    },
  ]);
  await upload(tablets.b, 1, [
    { sectorId: 'xa-b/ho-tich', level: 2, comment: 'Phòng chờ nóng', deviceTime: vn(3, 20, 16) },
  ]);
  clock.now = SECOND_UPLOAD;
  await upload(tablets.tp, 5, [
    { sectorId: 'so-tp/ho-tich', level: 2, comment: 'Tháng năm đỡ hơn', deviceTime: vn(5, 5, 10) },
  ]);

  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
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
    clock,
    app,
    admin,
    supervisorA: await user('giam.sat.a', 'supervisor', 'xa-a'),
    staffTp: await user('can.bo.tp', 'staff', 'so-tp'),
    viewer: await user('chi.xem', 'viewer', null),
  };
}
