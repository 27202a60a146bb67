/**
 * Targets by scope (issue 21, item 2): a supervisor sets the sector targets of the units in their
 * subtree only; the year's province-wide default is for whoever may change every unit (an admin,
 * or a province-wide supervisor). A refusal is 403 and changes nothing, not even the request's
 * other lines; every change is audited with its actor and its old and new value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetList } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import type { SectorRow } from '../repositories/types.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

const YEAR = 2026;

describe.each(dialects)('targets by scope on %s', (dialect) => {
  let w: ScopeWorld;
  let ownSector: SectorRow;
  let deptSector: SectorRow;
  let provinceSup: Session & { userId: string };

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    const sectors = await w.database.repos.catalogue.listSectors();
    ownSector = sectors.find((s) => s.unitId === w.communeA.id)!;
    deptSector = sectors.find((s) => s.unitId === w.department.id)!;
    const res = await w.admin.post('/api/v1/users', {
      username: 'giam.sat.tinh',
      displayName: 'Giám sát toàn tỉnh',
      role: 'supervisor',
      unitId: null,
      password: 'mật-khẩu-toàn-tỉnh-1',
    });
    expect(res.status).toBe(201);
    provinceSup = Object.assign(new Session(w.app), { userId: (await res.json()).id as string });
    expect((await provinceSup.login('giam.sat.tinh', 'mật-khẩu-toàn-tỉnh-1')).status).toBe(200);
  });
  afterAll(() => w.database.close());

  const list = async (session: Session) => {
    const res = await session.get(`/api/v1/targets?year=${YEAR}`);
    expect(res.status).toBe(200);
    return TargetList.parse(await res.json());
  };
  const targetOf = (l: TargetList, unitId: string, sectorId: string) =>
    l.units.find((u) => u.unitId === unitId)!.sectors.find((s) => s.sectorId === sectorId)!;
  const audited = () => w.database.repos.audit.list({ entityType: 'target', limit: 100 });

  it("refuses a commune supervisor another unit's sector targets and the default, changing nothing", async () => {
    const before = await list(w.admin);
    const auditBefore = (await audited()).length;
    const attempts = [
      {
        year: YEAR,
        sectors: [{ unitId: w.department.id, sectorId: deptSector.id, targetPercent: 10 }],
      },
      { year: YEAR, defaultPercent: 10 },
      // Their own line travels with the foreign one: the whole request is refused.
      {
        year: YEAR,
        sectors: [
          { unitId: w.communeA.id, sectorId: ownSector.id, targetPercent: 97 },
          { unitId: w.department.id, sectorId: deptSector.id, targetPercent: 10 },
        ],
      },
      // An id that names no unit is refused the same way, so a refusal tells nothing.
      { year: YEAR, sectors: [{ unitId: 'khong-co', sectorId: deptSector.id, targetPercent: 10 }] },
    ];
    for (const body of attempts) {
      const res = await w.supA.patch('/api/v1/targets', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 403]);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    // A viewer and a staff member change nothing anywhere, not even in their own unit.
    for (const session of [w.viewer, w.staffA]) {
      const res = await session.patch('/api/v1/targets', {
        year: YEAR,
        sectors: [{ unitId: w.communeA.id, sectorId: ownSector.id, targetPercent: 97 }],
      });
      expect(res.status).toBe(403);
    }
    expect(await list(w.admin)).toEqual(before);
    expect(await audited()).toHaveLength(auditBefore);
  });

  it('lets a supervisor set targets within their subtree, audited with who, what, from and to', async () => {
    const own = await w.supA.patch('/api/v1/targets', {
      year: YEAR,
      sectors: [{ unitId: w.communeA.id, sectorId: ownSector.id, targetPercent: 97.5 }],
    });
    expect(own.status).toBe(200);
    // The department sits under the centre: the centre's supervisor may set its targets.
    const below = await w.supCentre.patch('/api/v1/targets', {
      year: YEAR,
      sectors: [{ unitId: w.department.id, sectorId: deptSector.id, targetPercent: 93 }],
    });
    expect(below.status).toBe(200);
    const after = await list(w.admin);
    expect(targetOf(after, w.communeA.id, ownSector.id)).toMatchObject({
      targetPercent: 97.5,
      custom: true,
    });
    expect(targetOf(after, w.department.id, deptSector.id).targetPercent).toBe(93);
    const events = await audited();
    expect(
      events.find((e) => e.entityId === `${YEAR}/${w.communeA.id}/${ownSector.id}`),
    ).toMatchObject({
      actorId: w.supA.userId,
      action: 'target.set',
      details: {
        year: YEAR,
        unitId: w.communeA.id,
        sectorId: ownSector.id,
        fromBp: null,
        toBp: 9750,
      },
    });
    expect(
      events.find((e) => e.entityId === `${YEAR}/${w.department.id}/${deptSector.id}`),
    ).toMatchObject({ actorId: w.supCentre.userId, details: { toBp: 9300 } });
  });

  it('leaves the default to those who may change every unit: an admin or a province-wide supervisor', async () => {
    expect(
      (await w.supCentre.patch('/api/v1/targets', { year: YEAR, defaultPercent: 10 })).status,
    ).toBe(403);
    const byAdmin = await w.admin.patch('/api/v1/targets', { year: YEAR, defaultPercent: 92 });
    expect(byAdmin.status).toBe(200);
    w.clock.advance(1_000);
    expect(TargetList.parse(await byAdmin.json())).toMatchObject({
      defaultPercent: 92,
      defaultIsSet: true,
    });
    const byProvince = await provinceSup.patch('/api/v1/targets', {
      year: YEAR,
      defaultPercent: 91,
    });
    expect(byProvince.status).toBe(200);
    const adminId = (await w.database.repos.users.findByUsername('admin'))!.id;
    const defaults = (await audited()).filter((e) => e.action === 'target.default');
    expect(defaults.map((e) => [e.actorId, e.details])).toEqual([
      [provinceSup.userId, { year: YEAR, fromBp: 9200, toBp: 9100 }],
      [adminId, { year: YEAR, fromBp: 9000, toBp: 9200 }],
    ]);
  });

  it('lists to each reader the units they may see, and says what they may change', async () => {
    const asA = await list(w.supA);
    expect(asA.units.map((u) => u.unitId)).toEqual([w.communeA.id]);
    expect(asA).toMatchObject({ canSetDefault: false });
    expect(asA.units.every((u) => u.editable)).toBe(true);
    const asCentre = await list(w.supCentre);
    expect(asCentre.units.map((u) => u.unitId)).toContain(w.department.id);
    expect(asCentre.units.map((u) => u.unitId)).not.toContain(w.communeA.id);
    const asViewer = await list(w.viewer);
    expect(asViewer.units.length).toBe((await list(w.admin)).units.length);
    expect(asViewer.canSetDefault).toBe(false);
    expect(asViewer.units.some((u) => u.editable)).toBe(false);
    const asAdmin = await list(w.admin);
    expect(asAdmin.canSetDefault).toBe(true);
    expect(asAdmin.units.every((u) => u.editable)).toBe(true);
    expect((await list(provinceSup)).canSetDefault).toBe(true);
  });
});
