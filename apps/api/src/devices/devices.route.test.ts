import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceConfig, DeviceList } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

describe.each(dialects)('tablets, counters and scopes on %s', (dialect) => {
  let w: ScopeWorld;
  const counterOf = async (unitId: string, code: string) =>
    (await w.database.repos.catalogue.listCounters(unitId)).find((c) => c.code === code)!;

  async function enroll(session: Session, body: Record<string, unknown>) {
    const created = await session.post('/api/v1/enrollments', { label: 'Máy quầy', ...body });
    if (created.status !== 201) return { status: created.status, device: undefined };
    const { code } = await created.json();
    const enrolled = await new Session(w.app).post('/api/v1/devices/enroll', { code });
    expect(enrolled.status).toBe(201);
    const { deviceId, token } = await enrolled.json();
    return { status: 201, device: { deviceId, token } as TestDevice };
  }

  const config = async (device: TestDevice) => {
    const res = await new Session(w.app).get('/api/v1/device/config', {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(res.status).toBe(200);
    return DeviceConfig.parse(await res.json());
  };
  const devices = async (session: Session) =>
    DeviceList.parse(await (await session.get('/api/v1/devices')).json()).devices;

  let deviceA: TestDevice;
  let deviceB: TestDevice;
  beforeAll(async () => {
    w = await scopeWorld(dialect);
    const quay1 = await counterOf(w.communeA.id, 'quay-1');
    deviceA = (await enroll(w.admin, { unitId: w.communeA.id, counterId: quay1.id })).device!;
    deviceB = (await enroll(w.admin, { unitId: w.communeB.id })).device!;
  });
  afterAll(() => w.database.close());

  it('enrolls a tablet at a counter, lists it with the counter and names it in the config', async () => {
    const listed = (await devices(w.admin)).find((d) => d.id === deviceA.deviceId)!;
    expect(listed).toMatchObject({ unitId: w.communeA.id, counterName: 'Quầy số 1' });
    const cfg = await config(deviceA);
    expect(cfg.counter).toEqual({ id: listed.counterId, name: 'Quầy số 1' });
    expect(cfg.unit).toMatchObject({ id: w.communeA.id, scale: 'three' });
    expect((await config(deviceB)).counter).toBeNull();
    // Ratings from the tablet carry its counter.
    const sectorId = cfg.sectors[0]!.id;
    const sent = await sync(new Session(w.app), deviceA, [
      rating(deviceA, 1, { sectorId, level: 3 }),
    ]);
    expect(sent.status).toBe(200);
    const stored = await w.database.db.selectFrom('ratings').select('counterId').execute();
    expect(stored).toEqual([{ counterId: listed.counterId }]);
  });

  it('refuses a counter of another unit or an archived one', async () => {
    const other = await counterOf(w.communeB.id, 'quay-1');
    const wrong = await w.admin.post('/api/v1/enrollments', {
      unitId: w.communeA.id,
      label: 'X',
      counterId: other.id,
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.details[0].path).toBe('counterId');
    const quay2 = await counterOf(w.communeA.id, 'quay-2');
    expect((await w.admin.post(`/api/v1/counters/${quay2.id}/archive`)).status).toBe(200);
    const archived = await w.admin.post('/api/v1/enrollments', {
      unitId: w.communeA.id,
      label: 'X',
      counterId: quay2.id,
    });
    expect(archived.status).toBe(422);
    expect((await w.admin.post(`/api/v1/counters/${quay2.id}/restore`)).status).toBe(200);
  });

  it('re-binds a tablet to another counter of its unit, within scope only', async () => {
    const quay2 = await counterOf(w.communeA.id, 'quay-2');
    const path = `/api/v1/devices/${deviceA.deviceId}`;
    const moved = await w.supA.patch(path, { counterId: quay2.id });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ counterId: quay2.id, counterName: 'Quầy số 2' });
    expect((await config(deviceA)).counter?.name).toBe('Quầy số 2');
    const elsewhere = await counterOf(w.communeB.id, 'quay-1');
    expect((await w.supA.patch(path, { counterId: elsewhere.id })).status).toBe(422);
    expect((await w.staffA.patch(path, { counterId: null })).status).toBe(403);
    // Commune B's tablet does not exist for commune A's supervisor.
    const pathB = `/api/v1/devices/${deviceB.deviceId}`;
    expect((await w.supA.patch(pathB, { counterId: null })).status).toBe(404);
    expect((await w.supA.post(`${pathB}/revoke`)).status).toBe(404);
    expect((await w.supCentre.patch(path, { counterId: null })).status).toBe(404);
    const unbound = await w.admin.patch(path, { counterId: null });
    expect(await unbound.json()).toMatchObject({ counterId: null, counterName: null });
    const audit = await w.database.repos.audit.list({ entityId: deviceA.deviceId, limit: 5 });
    expect(audit.map((e) => e.action)).toEqual(['device.bind_counter', 'device.bind_counter']);
  });

  it('shows each user the tablets of their subtree only', async () => {
    const ids = async (s: Session) => (await devices(s)).map((d) => d.id).sort();
    expect(await ids(w.admin)).toEqual([deviceA.deviceId, deviceB.deviceId].sort());
    expect(await ids(w.viewer)).toEqual(await ids(w.admin));
    expect(await ids(w.supA)).toEqual([deviceA.deviceId]);
    expect(await ids(w.staffA)).toEqual([deviceA.deviceId]);
    expect(await ids(w.supCentre)).toEqual([]);
    expect((await enroll(w.supA, { unitId: w.communeB.id })).status).toBe(404);
    expect((await enroll(w.staffA, { unitId: w.communeA.id })).status).toBe(403);
  });

  it('leaves archived sectors and counters off the tablet, and uses the scale in force', async () => {
    const cfg = await config(deviceB);
    const sector = cfg.sectors[0]!;
    expect((await w.admin.post(`/api/v1/sectors/${sector.id}/archive`)).status).toBe(200);
    expect((await config(deviceB)).sectors.map((s) => s.id)).not.toContain(sector.id);
    const quay1 = await counterOf(w.communeB.id, 'quay-1');
    expect(
      (await w.admin.patch(`/api/v1/devices/${deviceB.deviceId}`, { counterId: quay1.id })).status,
    ).toBe(200);
    expect((await w.admin.post(`/api/v1/counters/${quay1.id}/archive`)).status).toBe(200);
    expect((await config(deviceB)).counter).toBeNull();

    expect((await w.admin.patch(`/api/v1/units/${w.communeB.id}`, { scale: 'five' })).status).toBe(
      200,
    );
    expect((await config(deviceB)).unit.scale).toBe('three');
    expect((await w.admin.post(`/api/v1/units/${w.communeB.id}/archive`)).status).toBe(200);
    expect((await config(deviceB)).sectors).toEqual([]);
    // Last: staff sessions do not outlive this jump of the clock.
    w.clock.now = Date.UTC(2026, 10, 30, 17, 1); // 1 December, 00:01 in Hà Nội
    expect((await config(deviceB)).unit.scale).toBe('five');
  });
});
