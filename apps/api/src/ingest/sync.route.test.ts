import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, rating, sync } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import type { UnitRow, SectorRow } from '../repositories/types.ts';

const PASSWORD = 'quản-trị-đồng-bộ-1';

describe.each(dialects)('sync protocol on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let clock: TestClock;
  let admin: Session;
  let unit: UnitRow;
  let sectors: SectorRow[];
  let otherUnitSector: SectorRow;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock(Date.UTC(2026, 10, 20, 3));
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    app = testApp(database, clock).app;
    admin = new Session(app);
    await admin.login('admin', PASSWORD);
    const units = await database.repos.catalogue.listUnits();
    unit = units.find((u) => u.code === 'so-tp')!;
    sectors = await database.repos.catalogue.listSectors(unit.id);
    const other = units.find((u) => u.code === 'so-tc')!;
    otherUnitSector = (await database.repos.catalogue.listSectors(other.id))[0]!;
  });
  afterAll(() => database.close());

  const tablet = () => new Session(app);

  it('enrolls a tablet once per code and refuses the code again', async () => {
    const created = await admin.post('/api/v1/enrollments', {
      unitId: unit.id,
      label: 'Quầy Hộ tịch',
    });
    expect(created.status).toBe(201);
    const { code, expiresAt } = await created.json();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(Date.parse(expiresAt) - clock.now).toBe(24 * 3600 * 1000);
    const typed = code.toLowerCase().replace('-', ' ');
    const enrolled = await tablet().post('/api/v1/devices/enroll', { code: typed });
    expect(enrolled.status).toBe(201);
    const body = await enrolled.json();
    expect(body.unit).toEqual({ id: unit.id, name: 'Sở Tư pháp' });
    expect(Buffer.from(body.token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const again = await tablet().post('/api/v1/devices/enroll', { code });
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('invalid_code');
    const stored = await database.db.selectFrom('devices').select('tokenHash').execute();
    expect(JSON.stringify(stored)).not.toContain(body.token);
  });

  it('refuses an expired code, and only admins and supervisors create codes', async () => {
    const { code } = await (
      await admin.post('/api/v1/enrollments', { unitId: unit.id, label: 'X' })
    ).json();
    clock.advance(24 * 3600 * 1000 + 1);
    expect((await tablet().post('/api/v1/devices/enroll', { code })).status).toBe(400);
    expect(
      (await tablet().post('/api/v1/enrollments', { unitId: unit.id, label: 'X' })).status,
    ).toBe(401);
    // The day that passed ended the admin's session too.
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    const bad = await admin.post('/api/v1/enrollments', { unitId: 'no-such-unit', label: 'X' });
    expect(bad.status).toBe(422);
  });

  it('serves the config with an ETag, and 304 when unchanged', async () => {
    const device = await enrollDevice(admin, unit.id);
    const auth = { authorization: `Bearer ${device.token}` };
    const res = await tablet().get('/api/v1/device/config', { headers: auth });
    expect(res.status).toBe(200);
    const config = await res.json();
    expect(config.unit).toEqual({ id: unit.id, name: 'Sở Tư pháp', scale: 'five' });
    expect(config.sectors.map((s: { name: string }) => s.name)).toContain('Hộ tịch');
    expect(config.settings.idleTimeoutSeconds).toBe(30);
    const etag = res.headers.get('etag')!;
    const again = await tablet().get('/api/v1/device/config', {
      headers: { ...auth, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('lets a device token open only device routes, and a revoked token nothing', async () => {
    const device = await enrollDevice(admin, unit.id);
    const auth = { authorization: `Bearer ${device.token}` };
    for (const path of ['/api/v1/units', '/api/v1/users', '/api/v1/devices']) {
      expect((await tablet().get(path, { headers: auth })).status, path).toBe(403);
    }
    expect(
      (await sync(tablet(), device, [rating(device, 1, { sectorId: sectors[0]!.id, level: 5 })]))
        .status,
    ).toBe(200);
    expect((await admin.post(`/api/v1/devices/${device.deviceId}/revoke`)).status).toBe(204);
    const after = await sync(tablet(), device, [
      rating(device, 2, { sectorId: sectors[0]!.id, level: 5 }),
    ]);
    expect(after.status).toBe(401);
    expect((await tablet().get('/api/v1/device/config', { headers: auth })).status).toBe(401);
    expect((await sync(tablet(), { ...device, token: 'forged' }, [])).status).toBe(401);
  });

  it('answers each item on its own: accepted, duplicate, rejected, in order', async () => {
    const device = await enrollDevice(admin, unit.id);
    const good = rating(device, 1, { sectorId: sectors[0]!.id, level: 4 });
    const praise = feedback(device, 5, {
      content: 'Cán bộ hướng dẫn rất tận tình 👍'.normalize('NFD'),
    });
    const items = [
      good,
      { ...rating(device, 2, { sectorId: sectors[0]!.id, level: 4 }), level: 9 },
      rating(device, 3, { sectorId: otherUnitSector.id, level: 4 }),
      { ...rating(device, 4, { sectorId: sectors[0]!.id, level: 2 }), deviceId: 'someone-else' },
      { nonsense: true },
      good,
      praise,
    ];
    const res = await sync(tablet(), device, items);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'duplicate',
      'accepted',
    ]);
    expect(results[0].id).toBe(good.id);
    expect(results[2].error.code).toBe('unknown_sector');
    expect(results[4]).toMatchObject({ id: '', error: { code: 'validation_failed' } });
    const stored = await database.db
      .selectFrom('feedbackItems')
      .select('content')
      .where('id', '=', praise.id)
      .executeTakeFirstOrThrow();
    expect(stored.content).toBe('Cán bộ hướng dẫn rất tận tình 👍'.normalize('NFC'));
  });

  it('stores an id once: a resend with other content is refused as a conflict', async () => {
    const device = await enrollDevice(admin, unit.id);
    const first = rating(device, 1, { sectorId: sectors[1]!.id, level: 5 });
    expect((await (await sync(tablet(), device, [first])).json()).results[0].status).toBe(
      'accepted',
    );
    const changed = { ...first, level: 1 };
    expect((await (await sync(tablet(), device, [changed])).json()).results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'conflict' },
    });
    const row = await database.db
      .selectFrom('ratings')
      .select('level')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row.level).toBe(5);
  });

  it('stores a batch sent from two connections at once exactly once', async () => {
    const device = await enrollDevice(admin, unit.id);
    const batch = Array.from({ length: 200 }, (_, i) =>
      rating(device, i + 1, { sectorId: sectors[i % sectors.length]!.id, level: (i % 5) + 1 }),
    );
    const [a, b] = await Promise.all([
      sync(tablet(), device, batch),
      sync(tablet(), device, batch),
    ]);
    const statuses = [...(await a.json()).results, ...(await b.json()).results].map(
      (r: { status: string }) => r.status,
    );
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(200);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(200);
    const count = await database.db
      .selectFrom('ratings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('deviceId', '=', device.deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(200);
  });

  it('refuses bad envelopes as a whole: 426, 422, 413', async () => {
    const device = await enrollDevice(admin, unit.id);
    const one = [rating(device, 1, { sectorId: sectors[0]!.id, level: 5 })];
    const v4 = await sync(tablet(), device, one, 4);
    expect(v4.status).toBe(426);
    expect((await v4.json()).error.code).toBe('unsupported_protocol');
    const auth = { authorization: `Bearer ${device.token}` };
    expect(
      (await tablet().send('POST', '/api/v1/sync', { body: { items: one }, headers: auth })).status,
    ).toBe(422);
    expect(
      (
        await tablet().send('POST', '/api/v1/sync', {
          body: { protocol: 1, items: [] },
          headers: auth,
        })
      ).status,
    ).toBe(422);
    for (const highestSeq of [-1, 1.5, '7']) {
      const bad = await tablet().send('POST', '/api/v1/sync', {
        body: { protocol: 3, items: [], highestSeq },
        headers: auth,
      });
      expect(bad.status, String(highestSeq)).toBe(422);
    }
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ id: String(i) }));
    expect((await sync(tablet(), device, tooMany)).status).toBe(422);
    const huge = [{ ...one[0]!, comment: 'x'.repeat(1024 * 1024) }];
    expect((await sync(tablet(), device, huge)).status).toBe(413);
    const stored = await database.db
      .selectFrom('records')
      .select('id')
      .where('deviceId', '=', device.deviceId)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('keeps rollups equal to a recount, flags repeats and bad clocks, and reports gaps', async () => {
    const device = await enrollDevice(admin, unit.id, 'Quầy 7');
    const s = sectors[2]!.id;
    const base = clock.now - 3600_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const items = [
      rating(device, 1, { sectorId: s, level: 5, deviceTime: at(base) }),
      rating(device, 2, { sectorId: s, level: 5, deviceTime: at(base + 1500) }),
      rating(device, 3, {
        sectorId: s,
        level: 1,
        deviceTime: at(base + 60_000),
        reasons: ['waiting_time', 'came_back'],
      }),
      rating(device, 4, {
        sectorId: s,
        level: 4,
        deviceTime: at(base + 120_000),
        possibleRepeat: true,
      }),
      rating(device, 6, { sectorId: s, level: 3, deviceTime: at(Date.UTC(2020, 0, 1)) }),
      rating(device, 9, { sectorId: s, level: 4, deviceTime: at(base + 300_000) }),
    ];
    await sync(tablet(), device, items);
    const rows = await database.db
      .selectFrom('ratings')
      .select(['level', 'category', 'month'])
      .where('deviceId', '=', device.deviceId)
      .orderBy('deviceTime')
      .execute();
    expect(rows.map((r) => r.category)).toEqual([
      'bad_clock',
      'counted',
      'repeat',
      'counted',
      'repeat',
      'counted',
    ]);
    expect(rows.every((r) => r.month === '2026-11')).toBe(true);

    // The unit's own counters (reports/counters.ts) are a recount of its raw ratings.
    const rollup = await database.db
      .selectFrom('nodeRollups')
      .selectAll()
      .where('nodeId', '=', unit.id)
      .where('own', '=', 1)
      .execute();
    const recount = await database.db
      .selectFrom('ratings')
      .innerJoin('sectors', 'sectors.id', 'ratings.sectorId')
      .select([
        'sectors.code as sectorCode',
        'ratings.month',
        'ratings.level',
        'ratings.category',
        (eb) => eb.fn.countAll().as('n'),
      ])
      .where('ratings.unitId', '=', unit.id)
      .groupBy(['sectors.code', 'ratings.month', 'ratings.level', 'ratings.category'])
      .execute();
    const key = (r: { sectorCode: string; month: string; level: number; category: string }) =>
      `${r.sectorCode}|${r.month}|${Number(r.level)}|${r.category}`;
    expect(
      new Map(rollup.filter((r) => Number(r.count) !== 0).map((r) => [key(r), Number(r.count)])),
    ).toEqual(new Map(recount.map((r) => [key(r), Number(r.n)])));
    const reasons = await database.db
      .selectFrom('nodeReasonRollups')
      .innerJoin('sectors', 'sectors.code', 'nodeReasonRollups.sectorCode')
      .select(['reason', 'count'])
      .where('sectors.id', '=', s)
      .where('nodeId', '=', unit.id)
      .where('own', '=', 1)
      .orderBy('reason')
      .execute();
    expect(reasons.map((r) => [r.reason, Number(r.count)])).toEqual([
      ['came_back', 1],
      ['waiting_time', 1],
    ]);

    const list = await (await admin.get('/api/v1/devices')).json();
    const listed = list.devices.find((d: { id: string }) => d.id === device.deviceId);
    expect(listed).toMatchObject({
      label: 'Quầy 7',
      highestSeq: 9,
      receivedCount: 6,
      unitName: 'Sở Tư pháp',
    });
    expect(listed.gaps).toEqual([
      { from: 5, to: 5 },
      { from: 7, to: 8 },
    ]);
    await sync(
      tablet(),
      device,
      [5, 7, 8].map((seq) =>
        rating(device, seq, { sectorId: s, level: 4, deviceTime: at(base + seq * 600_000) }),
      ),
    );
    const healed = (await (await admin.get('/api/v1/devices')).json()).devices.find(
      (d: { id: string }) => d.id === device.deviceId,
    );
    expect(healed.gaps).toEqual([]);
  });

  it("answers protocol 3 with the numbers it lacks up to the tablet's highest, after the batch", async () => {
    const device = await enrollDevice(admin, unit.id);
    const auth = { authorization: `Bearer ${device.token}` };
    const upload = (items: unknown[], highestSeq?: number) =>
      tablet().send('POST', '/api/v1/sync', {
        body: { protocol: 3, items, ...(highestSeq !== undefined && { highestSeq }) },
        headers: auth,
      });
    const records = Array.from({ length: 9 }, (_, i) =>
      rating(device, i + 1, { sectorId: sectors[0]!.id, level: 4, possibleRepeat: false }),
    );
    // A check-in before anything was sent: everything up to 3 is missing.
    const first = await upload([], 3);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ results: [], missing: [{ from: 1, to: 3 }] });
    // 1, 2 and 5 now; the answer is counted after this batch: 3, 4 and 6 to 9 are missing.
    const batch = await upload([records[0], records[1], records[4]], 9);
    const body = await batch.json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(body.missing).toEqual([
      { from: 3, to: 4 },
      { from: 6, to: 9 },
    ]);
    await upload(records.slice(5), 9);
    expect((await (await upload([], 9)).json()).missing).toEqual([{ from: 3, to: 4 }]);
    await upload([records[2], records[3]], 9);
    expect(await (await upload([], 9)).json()).toEqual({ results: [], missing: [] });
    // Older protocols never see the field: their answers are as they were.
    const old = await sync(tablet(), device, [records[0]], 2);
    expect(await old.json()).toEqual({ results: [{ id: records[0]!.id, status: 'duplicate' }] });
  });
});
