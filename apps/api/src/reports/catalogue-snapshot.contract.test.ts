/**
 * The reports' catalogue memory on real databases of both dialects, with two API processes'
 * handles on one database: a report re-reads nothing while the catalogue's version stands, and
 * any write to units, sectors, their history or targets — through the repositories or raw SQL,
 * from the other handle — shows in the next report of the first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parsePeriod } from '@hailong/domain';
import { dialects, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import type { SectorRow, UnitRow } from '../repositories/types.ts';
import { catalogueSnapshot } from './catalogue-snapshot.ts';
import { createNodeTallyService } from './node-tally.service.ts';

const T0 = Date.UTC(2025, 0, 1);
const YEAR = parsePeriod('2025')!;

const unit = (id: string, parentId: string | null): UnitRow => ({
  id,
  code: id,
  name: `Đơn vị ${id}`,
  kind: parentId ? 'commune' : 'province',
  scale: 'five',
  sortOrder: 0,
  createdAt: T0,
  parentId,
  archivedAt: null,
  updatedAt: null,
});

const sector = (id: string, unitId: string, code: string): SectorRow => ({
  id,
  unitId,
  code,
  name: `Lĩnh vực ${code}`,
  sortOrder: 0,
  createdAt: T0,
  archivedAt: null,
  updatedAt: null,
});

describe.each(dialects)('catalogue snapshot (%s)', (dialect) => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    dispose = fresh.dispose;
    first = await openDatabase(fresh.url);
    await first.migrate();
    second = await openDatabase(fresh.url);
    await first.repos.catalogue.createUnit(unit('tinh', null));
    await first.repos.catalogue.createUnit(unit('xa', 'tinh'));
    await first.repos.catalogue.createSector(sector('xa-1', 'xa', 'lv-1'));
  });
  afterEach(async () => {
    await first?.close();
    await second?.close();
    await dispose?.();
  });

  const report = () => createNodeTallyService(first.repos).tally(null, YEAR, { node: 'tinh' });

  it('keeps the snapshot while the catalogue stands still', async () => {
    const before = await catalogueSnapshot(first.repos);
    await report();
    // Reads elsewhere (another handle's reports, ratings) change nothing.
    await createNodeTallyService(second.repos).tally(null, YEAR, { node: 'tinh' });
    expect(await catalogueSnapshot(first.repos)).toBe(before);
    expect(before.sectors.map((s) => s.id)).toEqual(['xa-1']);
  });

  it("shows the other process's catalogue writes in the next report", async () => {
    expect((await report()).sectors.map((s) => s.sectorName)).toEqual(['Lĩnh vực lv-1']);

    // Through the repositories: a new sector and a renamed unit.
    await second.repos.catalogue.createSector(sector('xa-2', 'xa', 'lv-2'));
    await second.repos.catalogue.updateUnit('xa', { name: 'Phường Mới', updatedAt: T0 });
    let tally = await report();
    expect(tally.sectors.map((s) => s.sectorCode).sort()).toEqual(['lv-1', 'lv-2']);
    expect(tally.children.map((c) => c.unitName)).toEqual(['Phường Mới']);

    // Raw SQL, as an import or an operator would write: a sector renamed, a unit added.
    await sql`update sectors set name = 'Hộ tịch' where id = 'xa-1'`.execute(second.db);
    await sql`insert into units (id, code, name, kind, scale, sort_order, created_at, parent_id)
      values ('xb', 'xb', 'Xã Bắc', 'commune', 'five', 1, ${T0}, 'tinh')`.execute(second.db);
    tally = await report();
    expect(tally.sectors.find((s) => s.sectorCode === 'lv-1')?.sectorName).toBe('Hộ tịch');
    expect(tally.children.map((c) => c.unitName)).toEqual(['Phường Mới', 'Xã Bắc']);

    // Targets: a sector's own, the year's default, a node's overall one.
    const target = () => tally.sectors.find((s) => s.sectorCode === 'lv-1')?.targetBp;
    await second.repos.catalogue.upsertTarget({
      unitId: 'xa',
      sectorId: 'xa-1',
      year: 2025,
      targetBp: 9700,
      updatedAt: T0,
      updatedBy: null,
    });
    tally = await report();
    expect(target()).toBe(9700);
    await second.repos.catalogue.upsertDefaultTarget(2025, 8800, T0);
    tally = await report();
    expect(tally.sectors.find((s) => s.sectorCode === 'lv-2')?.targetBp).toBe(8800);
    expect(tally.totals.targetBp).toBeNull();
    await sql`insert into overall_targets (unit_id, year, target_bp, updated_at)
      values ('tinh', 2025, 9100, ${T0})`.execute(second.db);
    tally = await report();
    expect([tally.totals.targetBp, tally.children[0]!.targetBp]).toEqual([9100, 9100]);

    // Deleting works the same way.
    await sql`delete from sectors where id = 'xa-2'`.execute(second.db);
    expect((await report()).sectors.map((s) => s.sectorCode)).toEqual(['lv-1']);
  });

  it('changes the version in the writing transaction, not before it commits', async () => {
    const version = await first.repos.reportCatalogue.version();
    await expect(
      second.repos.transaction(async (tx) => {
        await tx.catalogue.createSector(sector('xa-3', 'xa', 'lv-3'));
        expect(await tx.reportCatalogue.version()).not.toBe(version);
        expect(await first.repos.reportCatalogue.version()).toBe(version);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await first.repos.reportCatalogue.version()).toBe(version);
    expect((await report()).sectors.map((s) => s.sectorCode)).toEqual(['lv-1']);
  });
});
