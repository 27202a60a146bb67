/**
 * A known month of ratings for the tally's API tests, sent exactly as kiosks send them: tablets
 * enrolled through the API on 01/10/2026, then one upload each on 20/11/2026 with POST /api/v1/sync.
 *
 * Sở Tư pháp (five levels), November 2026 in Asia/Ho_Chi_Minh:
 * - Hộ tịch (default 90 %): Rất hài lòng 13 (one sent at 00:30 on 1 November, Việt Nam time),
 *   Hài lòng 6, Bình thường 1, Không hài lòng 1 → 19 of 21 = 90,48 %: met, but too few (< 30).
 *   One more "Rất không hài lòng" at 23:30 on 31 October counts in October.
 * - Lý lịch tư pháp (target set to 95 % through the API): 3 × Rất hài lòng, 1 × Rất không hài lòng
 *   → 75 %, unmet; 16 more in a row give 19/20 = 95 %.
 * - Quốc tịch: one press flagged by the tablet as a repeat → no answer in the rate, 1 repeat.
 * - Công chứng: one rating from a tablet clock set to 2020 → 1 bad clock, counted in November.
 * - "=HYPERLINK(…)" (a sector created with a hostile name): one "Hài lòng" → 100 %.
 * - Unit: 23 of 26 = 88,46 % against the default 90 % → unmet; 4 more give 27/30.
 * UBND phường Trung Tâm (three levels), Hộ tịch: Rất hài lòng 5, Hài lòng 3, Chưa hài lòng 2 → 80 %.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RatingRecord } from '@hailong/contracts';
import { freshDatabase, type TestDialect } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, rating, sync } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { SectorRow, UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../services/seed.service.ts';

export const ADMIN_PASSWORD = 'quản-trị-tổng-hợp-1';
export const STAFF_PASSWORD = 'cán-bộ-tư-pháp-2026';
export const HOSTILE_SECTOR = '=HYPERLINK("http://x.invalid","Bấm vào đây")';
/** Typed by a citizen: must never reach the public page. */
export const CITIZEN_COMMENT = 'Chị Lan ở quầy 3 rất tận tình';

export interface TallyWorld {
  database: DatabaseHandle;
  app: ReturnType<typeof testApp>['app'];
  clock: TestClock;
  admin: Session;
  /** Staff of Sở Tư pháp. */
  staff: Session;
  viewer: Session;
  unit: UnitRow;
  ward: UnitRow;
  sector: (unit: UnitRow, name: string) => SectorRow;
}

const at = (iso: string) => new Date(iso).toISOString();

export async function tallyWorld(dialect: TestDialect): Promise<TallyWorld> {
  const database = await freshDatabase(dialect);
  const clock = new TestClock(Date.UTC(2026, 9, 1, 3));
  await seedDemoCatalogue(database.repos, clock.read);
  await ensureFirstAdmin(database.repos, clock.read, ADMIN_PASSWORD);
  const { app } = testApp(database, clock);
  const units = await database.repos.catalogue.listUnits();
  const unit = units.find((u) => u.code === 'so-tp')!;
  const ward = units.find((u) => u.scale === 'three')!;
  await database.repos.catalogue.createSector({
    id: randomUUID(),
    unitId: unit.id,
    code: 'nguy-hiem',
    name: HOSTILE_SECTOR,
    sortOrder: 99,
    createdAt: clock.now,
    archivedAt: null,
    updatedAt: null,
  });
  const sectors = await database.repos.catalogue.listSectors();
  const sector = (u: UnitRow, name: string) =>
    sectors.find((s) => s.unitId === u.id && s.name === name)!;

  const admin = new Session(app);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  const tp = await enrollDevice(admin, unit.id);
  const wardDevice = await enrollDevice(admin, ward.id);

  // Seven weeks later the tablets upload; sessions have long expired.
  clock.now = Date.UTC(2026, 10, 20, 3);
  expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  for (const [username, role, unitId] of [
    ['lan.tp', 'staff', unit.id],
    ['chau.xem', 'viewer', null],
  ] as const) {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: username,
      role,
      unitId,
      password: STAFF_PASSWORD,
    });
    expect(res.status).toBe(201);
  }
  const staff = new Session(app);
  expect((await staff.login('lan.tp', STAFF_PASSWORD)).status).toBe(200);
  const viewer = new Session(app);
  expect((await viewer.login('chau.xem', STAFF_PASSWORD)).status).toBe(200);
  const target = await admin.patch('/api/v1/targets', {
    year: 2026,
    sectors: [{ unitId: unit.id, sectorId: sector(unit, 'Lý lịch tư pháp').id, targetPercent: 95 }],
  });
  expect(target.status).toBe(200);

  const hoTich = sector(unit, 'Hộ tịch').id;
  const levels = (sectorId: string, spec: Record<number, number>) =>
    Object.entries(spec).flatMap(([level, n]) =>
      Array.from({ length: n }, () => ({ sectorId, level: Number(level) })),
    );
  const plain: (Pick<RatingRecord, 'sectorId' | 'level'> & Partial<RatingRecord>)[] = [
    ...levels(hoTich, { 5: 12, 4: 6, 3: 1 }),
    { sectorId: hoTich, level: 2, reasons: ['waiting_time', 'staff_attitude'] },
    ...levels(sector(unit, 'Lý lịch tư pháp').id, { 5: 3 }),
    { sectorId: sector(unit, 'Lý lịch tư pháp').id, level: 1, comment: CITIZEN_COMMENT },
    { sectorId: sector(unit, HOSTILE_SECTOR).id, level: 4 },
    { sectorId: sector(unit, 'Quốc tịch').id, level: 5, possibleRepeat: true },
  ];
  let seq = 0;
  const items = [
    // 23:30 on 31 October and 00:30 on 1 November in Việt Nam (UTC+7).
    rating(tp, ++seq, { sectorId: hoTich, level: 1, deviceTime: at('2026-10-31T16:30:00Z') }),
    rating(tp, ++seq, { sectorId: hoTich, level: 5, deviceTime: at('2026-10-31T17:30:00Z') }),
    ...plain.map((fields) =>
      rating(tp, ++seq, { ...fields, reasons: [...(fields.reasons ?? [])] }),
    ),
    rating(tp, ++seq, {
      sectorId: sector(unit, 'Công chứng').id,
      level: 1,
      deviceTime: at('2020-01-01T00:00:00Z'),
    }),
    feedback(tp, ++seq),
  ];
  const tablet = new Session(app);
  const res = await sync(tablet, tp, items);
  expect(res.status).toBe(200);
  const { results } = await res.json();
  expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);

  const wardHoTich = sector(ward, 'Hộ tịch').id;
  const wardItems = levels(wardHoTich, { 3: 5, 2: 3, 1: 2 }).map((fields, i) =>
    rating(wardDevice, i + 1, fields),
  );
  expect((await sync(tablet, wardDevice, wardItems)).status).toBe(200);
  return { database, app, clock, admin, staff, viewer, unit, ward, sector };
}

/** RFC 4180 CSV → rows of fields (enough for reading our own exports back). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
