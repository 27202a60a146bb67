import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { DEMO_CATALOGUE } from '../demo/demo-catalogue.ts';
import { UnitList } from '@hailong/contracts';

describe.each(dialects)('catalogue on %s', (dialect) => {
  let database: DatabaseHandle;
  let client: Session;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const { app, clock } = testApp(database);
    expect(await seedDemoCatalogue(database.repos, clock.read)).toBe(true);
    expect(await seedDemoCatalogue(database.repos, clock.read)).toBe(false);
    await ensureFirstAdmin(database.repos, clock.read, 'admin-password-1');
    client = new Session(app);
    await client.login('admin', 'admin-password-1');
  });
  afterAll(() => database.close());

  it('lists units with their sectors, the current year targets and their counters', async () => {
    const res = await client.get('/api/v1/units');
    expect(res.status).toBe(200);
    const body = UnitList.parse(await res.json());
    expect(body.year).toBe(2026);
    expect(body.units.map((u) => u.code)).toEqual(DEMO_CATALOGUE.map((u) => u.code));
    const finance = body.units.find((u) => u.code === 'so-tc')!;
    expect(finance.name).toBe('Sở Tài chính');
    expect(finance.sectors.map((s) => [s.name, s.targetPercent])).toContainEqual([
      'Đăng ký kinh doanh',
      95,
    ]);
    expect(finance.counters.map((c) => [c.code, c.name])).toEqual([
      ['quay-1', 'Quầy số 1'],
      ['quay-2', 'Quầy số 2'],
    ]);
    expect(body.units.find((u) => u.code === 'tp-hue')?.counters).toEqual([]);
    const tuPhap = body.units.find((u) => u.code === 'so-tp')!;
    expect(tuPhap.sectors.every((s) => s.targetPercent === 90)).toBe(true);
    const sectorCount = body.units.reduce((n, u) => n + u.sectors.length, 0);
    expect(sectorCount).toBeGreaterThanOrEqual(10);
    expect(body.units.find((u) => u.kind === 'commune')?.scale).toBe('three');
  });

  it('seeds a province tree through the catalogue commands, with counters and history', async () => {
    const { catalogue } = database.repos;
    const units = await catalogue.listUnits();
    const byCode = new Map(units.map((u) => [u.code, u]));
    const province = byCode.get('tp-hue')!;
    expect(province).toMatchObject({ kind: 'province', parentId: null });
    const centre = byCode.get('trung-tam-phvhcc')!;
    expect(centre).toMatchObject({ kind: 'centre', parentId: province.id });
    expect(byCode.get('so-tp')!.parentId).toBe(centre.id);
    const communes = units.filter((u) => u.kind === 'commune');
    expect(communes.length).toBeGreaterThanOrEqual(2);
    expect(communes.every((u) => u.parentId === province.id)).toBe(true);
    expect(units.some((u) => u.kind === 'district')).toBe(false);
    for (const unit of units.filter((u) => u.kind === 'department' || u.kind === 'commune')) {
      const counters = await catalogue.listCounters(unit.id);
      expect(counters.length).toBeGreaterThanOrEqual(1);
      expect(counters.length).toBeLessThanOrEqual(2);
    }
    const created = await catalogue.listHistory({ entityType: 'unit', entityId: centre.id });
    expect(created).toEqual([
      expect.objectContaining({ action: 'create', month: '2026-11', parentId: province.id }),
    ]);
    const audit = await database.repos.audit.list({ entityType: 'counter', limit: 100 });
    expect(audit.length).toBeGreaterThan(0);
  });
});
