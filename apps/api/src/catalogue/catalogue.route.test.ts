import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue, CatalogueHistory, UnitList, type CatalogueUnit } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

describe.each(dialects)('catalogue API on %s', (dialect) => {
  let w: ScopeWorld;
  beforeAll(async () => {
    w = await scopeWorld(dialect);
  });
  afterAll(() => w.database.close());

  const tree = async (session: Session, query = '') => {
    const res = await session.get(`/api/v1/catalogue${query}`);
    expect(res.status).toBe(200);
    return Catalogue.parse(await res.json());
  };
  const unitOf = async (session: Session, id: string): Promise<CatalogueUnit | undefined> =>
    (await tree(session)).units.find((u) => u.id === id);

  it('shows an admin the whole tree, depth first, with sectors and counters', async () => {
    const { units, month } = await tree(w.admin);
    expect(month).toBe('2026-11');
    expect(units[0]).toMatchObject({ code: 'tp-hue', depth: 0, parentId: null, canManage: true });
    const dept = units.find((u) => u.id === w.department.id)!;
    expect(dept).toMatchObject({ depth: 2, parentId: w.centre.id, archived: false });
    expect(dept.sectors.map((s) => s.name)).toContain('Hộ tịch');
    expect(dept.counters.map((c) => c.code)).toEqual(['quay-1', 'quay-2']);
    // Each unit comes after its parent.
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentId !== null) expect(seen.has(u.parentId)).toBe(true);
      seen.add(u.id);
    }
  });

  it('creates, renames, moves, re-scales, archives and restores a unit, keeping its history', async () => {
    const created = await w.admin.post('/api/v1/units', {
      code: 'ubnd-xa-phu-loc',
      name: 'UBND xã Phú Lộc',
      kind: 'commune',
      parentId: w.province.id,
    });
    expect(created.status).toBe(201);
    const unit = (await created.json()) as CatalogueUnit;
    expect(unit).toMatchObject({ depth: 1, scale: 'five', plannedScale: null, sectors: [] });

    const id = unit.id;
    const patch = (body: unknown) => w.admin.patch(`/api/v1/units/${id}`, body);
    expect((await patch({ name: 'UBND phường Phú Lộc' })).status).toBe(200);
    const moved = await patch({ parentId: w.centre.id, sortOrder: 0 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ parentId: w.centre.id, depth: 2, sortOrder: 0 });
    const scaled = await (await patch({ scale: 'three' })).json();
    expect(scaled).toMatchObject({
      scale: 'five',
      plannedScale: { scale: 'three', fromMonth: '2026-12' },
    });
    // A cycle is refused, and so is the legacy kind for new data.
    expect((await w.admin.patch(`/api/v1/units/${w.centre.id}`, { parentId: id })).status).toBe(
      422,
    );
    expect((await patch({ kind: 'district' })).status).toBe(422);

    const archived = await w.admin.post(`/api/v1/units/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(await archived.json()).toMatchObject({ archived: true });
    expect((await tree(w.admin, '?active=1')).units.some((u) => u.id === id)).toBe(false);
    const forms = UnitList.parse(await (await w.admin.get('/api/v1/units')).json());
    expect(forms.units.some((u) => u.id === id)).toBe(false);
    expect((await unitOf(w.admin, id))?.archived).toBe(true);
    expect((await w.admin.post(`/api/v1/units/${id}/restore`)).status).toBe(200);

    const history = CatalogueHistory.parse(
      await (await w.admin.get(`/api/v1/catalogue/history?entityType=unit&entityId=${id}`)).json(),
    );
    expect(history.entries.map((e) => [e.action, e.name, e.month])).toEqual([
      ['create', 'UBND xã Phú Lộc', '2026-11'],
      ['rename', 'UBND phường Phú Lộc', '2026-11'],
      ['move', 'UBND phường Phú Lộc', '2026-11'],
      ['reorder', 'UBND phường Phú Lộc', '2026-11'],
      ['scale', 'UBND phường Phú Lộc', '2026-12'],
      ['archive', 'UBND phường Phú Lộc', '2026-11'],
      ['restore', 'UBND phường Phú Lộc', '2026-11'],
    ]);
    expect(history.entries[0]!.actor).toBe('Quản trị hệ thống');
  });

  it('answers 409 code_taken for a code used by a sibling, also when two arrive at once', async () => {
    const make = () =>
      w.admin.post('/api/v1/units', {
        code: 'ubnd-xa-song-da',
        name: 'UBND xã Sông Đà',
        kind: 'commune',
        parentId: w.province.id,
      });
    const statuses = (await Promise.all([make(), make()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const again = await make();
    expect(again.status).toBe(409);
    const body = await again.json();
    expect(body.error.code).toBe('code_taken');
    expect(body.error.message).toContain('ubnd-xa-song-da');
    // Under another parent the same code is fine.
    const elsewhere = await w.admin.post('/api/v1/units', {
      code: 'ubnd-xa-song-da',
      name: 'Bộ phận một cửa',
      kind: 'other',
      parentId: w.communeB.id,
    });
    expect(elsewhere.status).toBe(201);
    const bad = await w.admin.post('/api/v1/units', {
      code: 'Xã Sông Đà',
      name: 'X',
      kind: 'commune',
      parentId: w.province.id,
    });
    expect(bad.status).toBe(422);
  });

  it('manages sectors and counters; archived ones leave forms but stay listed', async () => {
    const unitId = w.communeB.id;
    const sector = await w.admin.post(`/api/v1/units/${unitId}/sectors`, {
      code: 'lao-dong',
      name: 'Lao động',
    });
    expect(sector.status).toBe(201);
    const sectorId = (await sector.json()).id as string;
    const dup = await w.admin.post(`/api/v1/units/${unitId}/sectors`, {
      code: 'lao-dong',
      name: 'Khác',
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('code_taken');
    const renamed = await w.admin.patch(`/api/v1/sectors/${sectorId}`, {
      name: 'Lao động, việc làm',
      sortOrder: 0,
    });
    expect(await renamed.json()).toMatchObject({ name: 'Lao động, việc làm', sortOrder: 0 });
    expect((await w.admin.post(`/api/v1/sectors/${sectorId}/archive`)).status).toBe(200);
    const forms = UnitList.parse(await (await w.admin.get('/api/v1/units')).json());
    const b = forms.units.find((u) => u.id === unitId)!;
    expect(b.sectors.some((s) => s.id === sectorId)).toBe(false);
    const listed = (await unitOf(w.admin, unitId))!.sectors.find((s) => s.id === sectorId);
    expect(listed).toMatchObject({ archived: true });
    expect((await w.admin.post(`/api/v1/sectors/${sectorId}/restore`)).status).toBe(200);

    const counter = await w.admin.post(`/api/v1/units/${unitId}/counters`, {
      code: 'quay-9',
      name: 'Quầy số 9',
    });
    expect(counter.status).toBe(201);
    const counterId = (await counter.json()).id as string;
    const moved = await w.admin.patch(`/api/v1/counters/${counterId}`, { unitId: w.communeA.id });
    expect(await moved.json()).toMatchObject({ unitId: w.communeA.id });
    // Forms offer a unit's active counters, in catalogue order (sort order, then name).
    const countersOf = async (id: string) =>
      UnitList.parse(await (await w.admin.get('/api/v1/units')).json()).units.find(
        (u) => u.id === id,
      )!.counters;
    const catalogued = (await unitOf(w.admin, w.communeA.id))!.counters;
    expect(await countersOf(w.communeA.id)).toEqual(
      catalogued.map(({ id, code, name }) => ({ id, code, name })),
    );
    expect((await countersOf(w.communeA.id)).map((c) => c.id)).toContain(counterId);
    expect((await countersOf(unitId)).map((c) => c.id)).not.toContain(counterId);
    expect((await w.admin.post(`/api/v1/counters/${counterId}/archive`)).status).toBe(200);
    expect((await tree(w.admin, '?active=1')).units.flatMap((u) => u.counters)).not.toContainEqual(
      expect.objectContaining({ id: counterId }),
    );
    expect((await countersOf(w.communeA.id)).map((c) => c.id)).not.toContain(counterId);
    expect((await unitOf(w.admin, w.communeA.id))!.counters.length).toBe(catalogued.length);
    expect((await w.admin.post(`/api/v1/counters/${counterId}/restore`)).status).toBe(200);
    expect((await countersOf(w.communeA.id)).map((c) => c.id)).toContain(counterId);
  });

  it('refuses unit, sector and counter names that are not one line, changing nothing', async () => {
    const unitId = w.communeB.id;
    const before = await tree(w.admin);
    const sectorId = before.units.find((u) => u.sectors.length > 0)!.sectors[0]!.id;
    const counterId = before.units.find((u) => u.counters.length > 0)!.counters[0]!.id;
    // Line breaks of every kind, a tab, an escape and a C1 control: a name goes into mail subjects,
    // CSV cells and one-line labels, where any of them breaks the line or the header.
    const names = [
      'Sở Tư pháp\nBcc: x@y.vn',
      'Quầy 1\r\n',
      '\nQuầy 1',
      'Quầy\t1',
      'Quầy\u20281',
      'Quầy\u20291',
      'Quầy\u00851',
      'Quầy\u001b[31m1',
    ];
    const attempts = names.flatMap((name, i) => [
      w.admin.post('/api/v1/units', {
        code: `xa-mot-dong-${i}`,
        name,
        kind: 'commune',
        parentId: w.province.id,
      }),
      w.admin.patch(`/api/v1/units/${unitId}`, { name }),
      w.admin.post(`/api/v1/units/${unitId}/sectors`, { code: `lv-mot-dong-${i}`, name }),
      w.admin.patch(`/api/v1/sectors/${sectorId}`, { name }),
      w.admin.post(`/api/v1/units/${unitId}/counters`, { code: `quay-mot-dong-${i}`, name }),
      w.admin.patch(`/api/v1/counters/${counterId}`, { name }),
    ]);
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details).toContainEqual({
        path: 'name',
        message: expect.stringMatching(/one line/),
      });
    }
    expect(await tree(w.admin)).toEqual(before);
  });

  it('has no DELETE: archive instead', async () => {
    const sectorId = (await unitOf(w.admin, w.communeB.id))!.sectors[0]!.id;
    const counterId = (await unitOf(w.admin, w.communeB.id))!.counters[0]!.id;
    for (const path of [
      `/api/v1/units/${w.communeB.id}`,
      `/api/v1/sectors/${sectorId}`,
      `/api/v1/counters/${counterId}`,
    ]) {
      const res = await w.admin.send('DELETE', path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    const b = (await unitOf(w.admin, w.communeB.id))!;
    expect(b.archived).toBe(false);
    expect(b.sectors.some((s) => s.id === sectorId)).toBe(true);
    expect(b.counters.some((c) => c.id === counterId)).toBe(true);
  });

  it('confines a supervisor of commune A to A: commune B is not found on every route', async () => {
    const b = (await unitOf(w.admin, w.communeB.id))!;
    const sectorB = b.sectors[0]!.id;
    const counterB = b.counters[0]!.id;
    const attempts: [string, string, unknown?][] = [
      ['PATCH', `/api/v1/units/${b.id}`, { name: 'Đổi tên' }],
      ['POST', `/api/v1/units/${b.id}/archive`],
      ['POST', `/api/v1/units/${b.id}/restore`],
      ['POST', `/api/v1/units/${b.id}/sectors`, { code: 'x', name: 'X' }],
      ['POST', `/api/v1/units/${b.id}/counters`, { code: 'x', name: 'X' }],
      ['PATCH', `/api/v1/sectors/${sectorB}`, { name: 'X' }],
      ['POST', `/api/v1/sectors/${sectorB}/archive`],
      ['POST', `/api/v1/sectors/${sectorB}/restore`],
      ['PATCH', `/api/v1/counters/${counterB}`, { name: 'X' }],
      ['POST', `/api/v1/counters/${counterB}/archive`],
      ['POST', `/api/v1/counters/${counterB}/restore`],
      ['GET', `/api/v1/catalogue/history?entityType=unit&entityId=${b.id}`],
      ['GET', `/api/v1/catalogue/history?entityType=sector&entityId=${sectorB}`],
      ['POST', '/api/v1/units', { code: 'x', name: 'X', kind: 'other', parentId: b.id }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await w.supA.send(method, path, { body });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const seen = await tree(w.supA);
    expect(seen.units.map((u) => u.id)).toEqual([w.communeA.id]);
    expect(seen.units[0]).toMatchObject({ depth: 0, parentId: null, canManage: true });
    const forms = UnitList.parse(await (await w.supA.get('/api/v1/units')).json());
    expect(forms.units.map((u) => u.id)).toEqual([w.communeA.id]);
    const after = (await unitOf(w.admin, b.id))!;
    expect(after).toMatchObject({ name: b.name, archived: false });
  });

  it('lets a supervisor manage below their unit but not move or archive their own root', async () => {
    const own = w.communeA.id;
    expect((await w.supA.patch(`/api/v1/units/${own}`, { parentId: w.centre.id })).status).toBe(
      403,
    );
    expect((await w.supA.patch(`/api/v1/units/${own}`, { sortOrder: 0 })).status).toBe(403);
    expect((await w.supA.post(`/api/v1/units/${own}/archive`)).status).toBe(403);
    expect(
      (await w.supA.post('/api/v1/units', { code: 'r', name: 'Gốc', kind: 'other' })).status,
    ).toBe(403);
    expect(
      (await w.supA.patch(`/api/v1/units/${own}`, { name: 'UBND phường Trung Tâm' })).status,
    ).toBe(200);
    const sub = await w.supA.post('/api/v1/units', {
      code: 'to-mot-cua',
      name: 'Tổ một cửa',
      kind: 'other',
      parentId: own,
    });
    expect(sub.status).toBe(201);
    const subId = (await sub.json()).id as string;
    // Moving it out of the subtree is refused as "not found" (the target is not theirs).
    expect((await w.supA.patch(`/api/v1/units/${subId}`, { parentId: w.communeB.id })).status).toBe(
      404,
    );
    expect((await w.supA.post(`/api/v1/units/${subId}/archive`)).status).toBe(200);
    expect((await w.supA.post(`/api/v1/units/${subId}/restore`)).status).toBe(200);
    const counter = await w.supA.post(`/api/v1/units/${subId}/counters`, {
      code: 'quay-1',
      name: 'Quầy 1',
    });
    expect(counter.status).toBe(201);
    // A supervisor of the centre manages the departments under it, not the communes.
    expect(
      (await w.supCentre.patch(`/api/v1/units/${w.department.id}`, { name: 'Sở Tư pháp' })).status,
    ).toBe(200);
    expect((await w.supCentre.post(`/api/v1/units/${w.communeA.id}/archive`)).status).toBe(404);
  });

  it('lets staff and viewers read only, within their scope', async () => {
    const staffView = await tree(w.staffA);
    expect(staffView.units.map((u) => u.id)).toContain(w.communeA.id);
    expect(staffView.units.every((u) => !u.canManage)).toBe(true);
    expect(staffView.units.some((u) => u.id === w.communeB.id)).toBe(false);
    expect((await w.staffA.patch(`/api/v1/units/${w.communeA.id}`, { name: 'X' })).status).toBe(
      403,
    );
    expect(
      (await w.staffA.post(`/api/v1/units/${w.communeA.id}/sectors`, { code: 'x', name: 'X' }))
        .status,
    ).toBe(403);
    const viewerView = await tree(w.viewer);
    expect(viewerView.units.length).toBe((await tree(w.admin)).units.length);
    expect(viewerView.units.every((u) => !u.canManage)).toBe(true);
    expect((await w.viewer.post(`/api/v1/units/${w.communeB.id}/archive`)).status).toBe(403);
  });

  it('attaches supervisors and viewers to units, and leaves user management to admins', async () => {
    const users = (await (await w.admin.get('/api/v1/users')).json()).users as {
      id: string;
      role: string;
      unitId: string | null;
    }[];
    expect(users.find((u) => u.id === w.supA.userId)).toMatchObject({
      role: 'supervisor',
      unitId: w.communeA.id,
    });
    const viewer = await w.admin.patch(`/api/v1/users/${w.viewer.userId}`, {
      unitId: w.communeB.id,
    });
    expect(await viewer.json()).toMatchObject({ role: 'viewer', unitId: w.communeB.id });
    // The viewer now sees commune B and what lies beneath it, nothing else.
    const seen = (await tree(w.viewer)).units;
    expect(seen[0]).toMatchObject({ id: w.communeB.id, depth: 0 });
    expect(seen.slice(1).every((u) => u.depth > 0)).toBe(true);
    expect((await w.admin.patch(`/api/v1/users/${w.viewer.userId}`, { unitId: null })).status).toBe(
      200,
    );
    for (const [method, path, body] of [
      ['GET', '/api/v1/users'],
      ['PATCH', `/api/v1/users/${w.staffA.userId}`, { unitId: w.communeB.id }],
      [
        'POST',
        '/api/v1/users',
        {
          username: 'moi',
          displayName: 'Mới',
          role: 'staff',
          unitId: w.communeA.id,
          password: 'mật-khẩu-dài-đủ',
        },
      ],
    ] as [string, string, unknown?][]) {
      expect((await w.supA.send(method, path, { body })).status).toBe(403);
    }
  });
});
