/**
 * The dossier rule per unit (issue 22 item 3), on both dialects through the real routes: a dossier
 * code is one unit's, so an anonymous phone rating for one unit and a tablet of another never move
 * a unit's counted figures; a phone rating never outranks a rating made at the counter, and counts
 * once per dossier; a month closed by the unit's rule (the 10th of the next month by default) is
 * never changed: what arrives for it later is `late`, shown on its own line. Before issue 22 a
 * phone rating of unit A removed five tablet ratings of unit B from B's rate, and a tablet of one
 * unit changed another's closed month. A phone rating of a dossier the import did not know yet
 * counts once the import brings it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_SETTINGS } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';
import type { UnitRow } from '../repositories/types.ts';

const HOUR = 3_600_000;
const LEADER = { username: 'lanh.dao.tinh', password: 'mật-khẩu-lãnh-đạo-22' };
/** An hour of a day in Việt Nam (UTC+7). */
const vn = (date: string, hour: number) => Date.parse(`${date}T00:00:00Z`) - 7 * HOUR + hour * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(dialects)('dossiers are one unit’s on %s', (dialect) => {
  let w: SyncWorld;
  /** Unit A (Sở Tư pháp) and unit B (Sở Xây dựng) both ask for dossier codes (optional). */
  let a: { unit: UnitRow; sectorId: string; counterId: string; tablet: TestDevice; seq: number };
  let b: { unit: UnitRow; sectorId: string; tablet: TestDevice; seq: number };
  let phone: Session;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    phone = new Session(testApp(w.database, w.clock, { trustProxy: true }).app);
    const made = await w.admin.post('/api/v1/users', {
      ...LEADER,
      displayName: 'Lãnh đạo tỉnh',
      role: 'admin',
      unitId: null,
    });
    expect(made.status).toBe(201);
    const units = await w.database.repos.catalogue.listUnits();
    const unitB = units.find((u) => u.code === 'so-xd')!;
    a = {
      unit: w.unit,
      sectorId: w.sectors[0]!.id,
      counterId: (await w.database.repos.catalogue.listCounters(w.unit.id))[0]!.id,
      tablet: await w.enroll('Quầy A'),
      seq: 0,
    };
    b = {
      unit: unitB,
      sectorId: (await w.database.repos.catalogue.listSectors(unitB.id))[0]!.id,
      tablet: await enrollDevice(w.admin, unitB.id, 'Quầy B'),
      seq: 0,
    };
    for (const unitId of [a.unit.id, b.unit.id]) {
      const asks = await w.admin.send('PUT', `/api/v1/units/${unitId}/survey-settings`, {
        body: { ...DEFAULT_SURVEY_SETTINGS, dossier: 'optional' },
      });
      expect(asks.status).toBe(200);
    }
  });
  afterAll(() => w.database.close());

  /** The admin signed in again, after the clock moved past the session's 12 hours. */
  async function leader() {
    const session = new Session(w.app);
    expect((await session.login(LEADER.username, LEADER.password)).status).toBe(200);
    return session;
  }

  async function fromTablet(
    unit: typeof a | typeof b,
    items: { code: string; at: number; level?: number }[],
  ) {
    const records = items.map(({ code, at, level }) =>
      rating(unit.tablet, ++unit.seq, {
        sectorId: unit.sectorId,
        level: level ?? 5,
        deviceTime: iso(at),
        dossierCode: code,
      }),
    );
    const res = await sync(w.tablet(), unit.tablet, records);
    expect(res.status).toBe(200);
    return records.map((r) => r.id);
  }

  async function fromPhone(code: string, level = 1, address = '198.51.100.20') {
    const id = randomUUID();
    const res = await phone.post(
      `/api/v1/phone/units/${a.unit.id}/ratings`,
      { id, counterId: a.counterId, sectorId: a.sectorId, level, dossierCode: code },
      { headers: { 'x-forwarded-for': address } },
    );
    expect(res.status).toBe(201);
    return id;
  }

  const categories = async (ids: string[]) =>
    new Map(
      (
        await w.database.db
          .selectFrom('ratings')
          .select(['id', 'category'])
          .where('id', 'in', ids)
          .execute()
      ).map((r) => [r.id, r.category]),
    );

  async function totals(unitId: string, month: string) {
    const res = await (await leader()).get(`/api/v1/tally/node?node=${unitId}&period=${month}`);
    expect(res.status).toBe(200);
    return (await res.json()).totals;
  }

  it('never lets an anonymous phone rating of one unit move another unit’s ratings of that code', async () => {
    const t = w.clock.now - 2 * HOUR;
    const codes = ['H56-0001', 'H56-0002', 'H56-0003', 'H56-0004', 'H56-0005'];
    const bIds = await fromTablet(
      b,
      codes.map((code, i) => ({ code, at: t + i * 60_000 })),
    );
    const before = await totals(b.unit.id, '2026-11');
    w.clock.advance(60_000);
    const aIds = [];
    for (const code of codes) aIds.push(await fromPhone(code));
    expect([...(await categories(bIds)).values()]).toEqual(codes.map(() => 'counted'));
    expect(await totals(b.unit.id, '2026-11')).toEqual(before);
    // Unit A does not know these dossiers: its phone ratings of them are kept apart.
    expect([...(await categories(aIds)).values()]).toEqual(codes.map(() => 'unverified'));
  });

  it('never lets a phone rating outrank a rating made at the counter, and counts one per dossier', async () => {
    await w.database.repos.assessment.upsertDossiers(
      ['HS-T1', 'HS-T2', 'HS-P1'].map((code) => ({
        code,
        unitId: a.unit.id,
        sectorId: null,
        officerId: null,
        procedure: null,
        receivedDate: '2026-11-16',
        dueDate: '2026-11-30',
        returnedDate: '2026-11-19',
        online: false,
      })),
      w.clock.now,
    );
    // The tablet's rating first, a later phone rating of the same dossier after it.
    const [t1] = await fromTablet(a, [{ code: 'HS-T1', at: w.clock.now - HOUR }]);
    w.clock.advance(60_000);
    const p1 = await fromPhone('HS-T1', 1);
    // A phone rating first, then the tablet's, made earlier but uploaded later.
    const p2 = await fromPhone('HS-T2', 1);
    const [t2] = await fromTablet(a, [{ code: 'HS-T2', at: w.clock.now - 2 * HOUR }]);
    // Two phone ratings of one imported dossier: one voice.
    const p3 = await fromPhone('HS-P1', 2);
    w.clock.advance(60_000);
    const p4 = await fromPhone('HS-P1', 4);
    expect(await categories([t1!, p1, p2, t2!, p3, p4])).toEqual(
      new Map([
        [t1!, 'counted'],
        [p1, 'superseded'],
        [p2, 'superseded'],
        [t2!, 'counted'],
        [p3, 'superseded'],
        [p4, 'counted'],
      ]),
    );
  });

  it('counts a phone rating kept apart once the one-stop import gives its dossier to the unit', async () => {
    const alone = await fromPhone('HS-IMP01', 2);
    const [atCounter] = await fromTablet(a, [{ code: 'HS-IMP02', at: w.clock.now - HOUR }]);
    const second = await fromPhone('HS-IMP02', 1);
    expect([...(await categories([alone, second])).values()]).toEqual(['unverified', 'unverified']);
    const before = await totals(a.unit.id, '2026-11');
    const file = [
      'Mã hồ sơ;Đơn vị;Lĩnh vực;Cán bộ tiếp nhận;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Trực tuyến',
      `HS-IMP01;${a.unit.code};;;16/11/2026;30/11/2026;19/11/2026;không`,
      `HS-IMP02;${a.unit.code};;;16/11/2026;30/11/2026;19/11/2026;không`,
    ].join('\n');
    const res = await (
      await leader()
    ).send('POST', '/api/v1/dossiers/import?dryRun=0', {
      raw: new TextEncoder().encode(file),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).created).toBe(2);
    expect(await categories([alone, second, atCounter!])).toEqual(
      new Map([
        [alone, 'counted'],
        [second, 'superseded'], // the rating made at the counter stands
        [atCounter!, 'counted'],
      ]),
    );
    expect(await totals(a.unit.id, '2026-11')).toMatchObject({
      total: before.total + 1,
      satisfied: before.satisfied,
      unverified: before.unverified - 2,
      superseded: before.superseded + 1,
    });
  });

  it('never changes a closed month: not from another unit, not from a late arrival', async () => {
    // In November, A's tablet rates dossier Y; a rating it made 3 seconds before another one
    // (which it uploaded) waits offline: arriving, it would make that one a repeat press.
    w.clock.now = vn('2026-11-29', 10);
    const [y] = await fromTablet(a, [{ code: 'HS-Y001', at: vn('2026-11-20', 9) }]);
    const offline = rating(a.tablet, ++a.seq, {
      sectorId: a.sectorId,
      level: 1,
      deviceTime: iso(vn('2026-11-28', 9)),
    });
    const neighbour = rating(a.tablet, ++a.seq, {
      sectorId: a.sectorId,
      level: 5,
      deviceTime: iso(vn('2026-11-28', 9) + 3_000),
    });
    expect((await sync(w.tablet(), a.tablet, [neighbour])).status).toBe(200);
    const november = await totals(a.unit.id, '2026-11');

    // 15 December: A's November closed at the end of the 10th (the default rule).
    w.clock.now = vn('2026-12-15', 10);
    const [byB] = await fromTablet(b, [{ code: 'HS-Y001', at: vn('2026-12-15', 9) }]);
    const [byA] = await fromTablet(a, [{ code: 'HS-Y001', at: vn('2026-12-15', 9) }]);
    expect((await sync(w.tablet(), a.tablet, [offline])).status).toBe(200);

    expect(await categories([y!, byB!, byA!, offline.id, neighbour.id])).toEqual(
      new Map([
        [y!, 'counted'],
        [byB!, 'counted'], // B's own dossier HS-Y
        [byA!, 'late'], // would have replaced a rating of A's closed November
        [offline.id, 'late'],
        [neighbour.id, 'counted'], // not made a repeat in a closed month
      ]),
    );
    const after = await totals(a.unit.id, '2026-11');
    expect(after).toMatchObject({
      total: november.total,
      satisfied: november.satisfied,
      rate: november.rate,
      late: (november.late ?? 0) + 1,
    });
    expect((await totals(a.unit.id, '2026-12')).late).toBe(1);
  });
});
