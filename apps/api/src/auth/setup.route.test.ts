import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import {
  importWorld,
  signedIn,
  type ImportWorld,
} from '../../test/fixtures/catalogue-import-fixture.ts';

const FORM = {
  unit: { code: 'UBND-Xa-A', name: 'UBND xã A', kind: 'commune', scale: 'three' },
  sector: { code: 'ho-tich', name: 'Hộ tịch' },
  counter: { code: 'quay-1', name: 'Quầy số 1' },
};

describe.each(dialects)('first-run set-up on %s', (dialect) => {
  let w: ImportWorld;
  beforeEach(async () => {
    w = await importWorld(dialect);
  });
  afterEach(() => w?.database.close());

  it('says an empty catalogue needs set-up, and creates the first unit, sector and counter', async () => {
    const status = await w.admin.get('/api/v1/setup/status');
    expect(status.status).toBe(200);
    expect(await status.json()).toEqual({
      needsSetup: true,
      units: 0,
      sectors: 0,
      counters: 0,
      devices: 0,
    });

    const res = await w.admin.post('/api/v1/setup/first-unit', FORM);
    expect(res.status).toBe(201);
    const { unitId, sectorId, counterId } = await res.json();
    const { catalogue } = w.database.repos;
    expect(await catalogue.findUnit(unitId)).toMatchObject({
      code: 'ubnd-xa-a',
      name: 'UBND xã A',
      kind: 'commune',
      scale: 'three',
      parentId: null,
    });
    expect(await catalogue.findSector(sectorId)).toMatchObject({ unitId, code: 'ho-tich' });
    expect(await catalogue.findCounter(counterId)).toMatchObject({ unitId, code: 'quay-1' });
    expect((await catalogue.listHistory()).map((h) => [h.entityType, h.action])).toEqual([
      ['unit', 'create'],
      ['sector', 'create'],
      ['counter', 'create'],
    ]);
    expect(await (await w.admin.get('/api/v1/setup/status')).json()).toMatchObject({
      needsSetup: false,
      units: 1,
      sectors: 1,
      counters: 1,
    });
  });

  it('creates the first unit only once, even when asked twice at the same moment', async () => {
    const results = await Promise.all(
      [1, 2].map(() => w.admin.post('/api/v1/setup/first-unit', FORM)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await w.database.repos.catalogue.countUnits()).toBe(1);
  });

  it('refuses bad input and other roles, changing nothing', async () => {
    const bad = await w.admin.post('/api/v1/setup/first-unit', {
      ...FORM,
      unit: { ...FORM.unit, kind: 'district' },
      counter: { code: '-quay', name: '' },
    });
    expect(bad.status).toBe(422);
    const paths = (await bad.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['unit.kind', 'counter.code', 'counter.name']));
    const supervisor = await signedIn(w.database, w.app, w.clock, 'giam.sat', 'supervisor');
    expect((await supervisor.post('/api/v1/setup/first-unit', FORM)).status).toBe(403);
    expect((await supervisor.get('/api/v1/setup/status')).status).toBe(200);
    expect(await w.database.repos.catalogue.countUnits()).toBe(0);
  });
});
