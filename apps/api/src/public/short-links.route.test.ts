/**
 * Short links of the phone page (issue 23, item 6), on both dialects: a unit's posters get codes
 * made from its name (two units with the same initials get two codes), the same codes every time,
 * a counter's number never given twice; `/q/{code}` redirects to the phone page in any case, and
 * an unknown code or an archived counter's gets a Vietnamese 404 page. Only users who see the unit
 * get its codes. `/favicon.ico` answers with an icon.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueCounter, CatalogueUnit, UnitShortLinks } from '@hailong/contracts';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';

const PASSWORD = 'quản-trị-liên-kết-ngắn';
const VIEWER_PASSWORD = 'người-xem-liên-kết-1';

describe.each(dialects)('short links on %s', (dialect) => {
  let database: DatabaseHandle;
  let admin: Session;
  let viewer: Session;
  let citizen: Session;
  let anPhu: CatalogueUnit;
  let anPhuoc: CatalogueUnit;
  const counters: CatalogueCounter[] = [];

  async function unit(code: string, name: string): Promise<CatalogueUnit> {
    const root = (await database.repos.catalogue.listUnits()).find((u) => u.parentId === null)!;
    const res = await admin.post('/api/v1/units', {
      code,
      name,
      kind: 'commune',
      scale: 'five',
      parentId: root.id,
    });
    expect(res.status).toBe(201);
    return CatalogueUnit.parse(await res.json());
  }

  async function counter(unitId: string, code: string): Promise<CatalogueCounter> {
    const res = await admin.post(`/api/v1/units/${unitId}/counters`, { code, name: code });
    expect(res.status).toBe(201);
    return CatalogueCounter.parse(await res.json());
  }

  async function links(session: Session, unitId: string) {
    const res = await session.post(`/api/v1/units/${unitId}/short-links`);
    return {
      status: res.status,
      body: res.status === 200 ? UnitShortLinks.parse(await res.json()) : null,
    };
  }

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const clock = new TestClock();
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    const { app } = testApp(database, clock);
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    anPhu = await unit('an-phu', 'UBND xã An Phú');
    anPhuoc = await unit('an-phuoc', 'UBND phường An Phước');
    counters.push(await counter(anPhu.id, 'quay-1'), await counter(anPhu.id, 'quay-2'));
    const created = await admin.post('/api/v1/users', {
      username: 'xem.anphuoc',
      displayName: 'Người xem An Phước',
      role: 'viewer',
      unitId: anPhuoc.id,
      password: VIEWER_PASSWORD,
    });
    expect(created.status).toBe(201);
    viewer = new Session(app);
    expect((await viewer.login('xem.anphuoc', VIEWER_PASSWORD)).status).toBe(200);
    citizen = new Session(app);
  });
  afterAll(() => database?.close());

  it('gives a unit and its counters codes from its name, the same every time', async () => {
    const first = await links(admin, anPhu.id);
    expect(first.body).toEqual({
      unitId: anPhu.id,
      unitCode: 'AP',
      counters: [
        { counterId: counters[0]!.id, code: 'AP1' },
        { counterId: counters[1]!.id, code: 'AP2' },
      ],
    });
    expect((await links(admin, anPhu.id)).body).toEqual(first.body);
    // The same initials: another code.
    expect((await links(viewer, anPhuoc.id)).body).toEqual({
      unitId: anPhuoc.id,
      unitCode: 'APA',
      counters: [],
    });
  });

  it('gives a new counter the next number, never an archived one’s', async () => {
    expect((await admin.post(`/api/v1/counters/${counters[1]!.id}/archive`)).status).toBe(200);
    const third = await counter(anPhu.id, 'quay-3');
    expect((await links(admin, anPhu.id)).body?.counters).toEqual([
      { counterId: counters[0]!.id, code: 'AP1' },
      { counterId: third.id, code: 'AP3' },
    ]);
  });

  it('redirects a code, typed in any case, to the phone page', async () => {
    const one = await citizen.get('/q/ap1');
    expect(one.status).toBe(302);
    expect(one.headers.get('location')).toBe(`/phone/?u=${anPhu.id}&c=${counters[0]!.id}`);
    const whole = await citizen.get('/q/AP');
    expect([whole.status, whole.headers.get('location')]).toEqual([302, `/phone/?u=${anPhu.id}`]);
  });

  it('answers an unknown code, or an archived counter’s, with a Vietnamese page', async () => {
    for (const code of ['KHONGCO1', 'AP2', 'a-b']) {
      const res = await citizen.get(`/q/${code}`);
      expect(res.status).toBe(404);
      const page = await res.text();
      expect(page).toContain('<html lang="vi">');
      expect(page).toContain('Không tìm thấy trang đánh giá');
    }
  });

  it('gives codes only to users who see the unit', async () => {
    expect((await links(citizen, anPhu.id)).status).toBe(401);
    expect((await links(viewer, anPhu.id)).status).toBe(404);
  });

  it('answers /favicon.ico with an icon to keep', async () => {
    const res = await citizen.get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    expect(res.headers.get('cache-control')).toBe('public, max-age=604800');
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });
});
