/**
 * The catalogue repository's contract on both dialects: the organisation tree (catalogue order,
 * moves, archive, codes unique among siblings), counters, history of names and scales per month.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { CounterRow, Repositories, SectorRow, UnitRow } from '../repositories/types.ts';
import { UniqueViolation } from '../repositories/types.ts';

const T0 = 1_790_000_000_000;

const unit = (id: string, parentId: string | null, over: Partial<UnitRow> = {}): UnitRow => ({
  id,
  code: `code-${id}`,
  name: `Đơn vị ${id}`,
  kind: 'commune',
  scale: 'five',
  sortOrder: 0,
  createdAt: T0,
  parentId,
  archivedAt: null,
  updatedAt: null,
  ...over,
});

const sector = (id: string, unitId: string, over: Partial<SectorRow> = {}): SectorRow => ({
  id,
  unitId,
  code: `code-${id}`,
  name: `Lĩnh vực ${id}`,
  sortOrder: 0,
  createdAt: T0,
  archivedAt: null,
  updatedAt: null,
  ...over,
});

const counter = (id: string, unitId: string, over: Partial<CounterRow> = {}): CounterRow => ({
  id,
  unitId,
  code: `code-${id}`,
  name: `Quầy ${id}`,
  sortOrder: 0,
  archivedAt: null,
  createdAt: T0,
  updatedAt: null,
  ...over,
});

async function violation(write: Promise<unknown>): Promise<string> {
  const err = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UniqueViolation);
  return (err as UniqueViolation).constraint;
}

describe.each(dialects)('catalogue repository on %s', (dialect) => {
  let handle: DatabaseHandle;
  let repos: Repositories;
  beforeEach(async () => {
    handle = await freshDatabase(dialect);
    repos = handle.repos;
  });
  afterEach(() => handle.close());

  /** province → (centre → dept), commune: created children first in input to test the order. */
  async function tree() {
    const { catalogue } = repos;
    await catalogue.createUnit(unit('p', null, { kind: 'province', name: 'Tỉnh' }));
    await catalogue.createUnit(unit('c', 'p', { kind: 'centre', name: 'Trung tâm', sortOrder: 0 }));
    await catalogue.createUnit(unit('x', 'p', { name: 'Xã An Phú', sortOrder: 1 }));
    await catalogue.createUnit(unit('d', 'c', { kind: 'department', name: 'Sở Tư pháp' }));
  }

  it('lists units depth first, siblings by sortOrder then Vietnamese name', async () => {
    await tree();
    await repos.catalogue.createUnit(unit('y', 'p', { name: 'Xã Ân Hòa', sortOrder: 1 }));
    const ids = (await repos.catalogue.listUnits()).map((u) => u.id);
    // "Xã An Phú" before "Xã Ân Hòa": a before â in Vietnamese order.
    expect(ids).toEqual(['p', 'c', 'd', 'x', 'y']);
    expect(await repos.catalogue.findUnit('d')).toEqual(
      unit('d', 'c', {
        kind: 'department',
        name: 'Sở Tư pháp',
      }),
    );
  });

  it('keeps codes unique among siblings only', async () => {
    await tree();
    // The same code under two different parents is fine…
    await repos.catalogue.createUnit(unit('x2', 'c', { code: 'code-x' }));
    // …under one parent it is not, nor between two roots.
    expect(await violation(repos.catalogue.createUnit(unit('x3', 'p', { code: 'code-x' })))).toBe(
      'units_parent_code_unique',
    );
    expect(await violation(repos.catalogue.createUnit(unit('p2', null, { code: 'code-p' })))).toBe(
      'units_parent_code_unique',
    );
    // A move that would put two equal codes under one parent is refused too.
    expect(
      await violation(repos.catalogue.updateUnit('x2', { parentId: 'p', updatedAt: T0 })),
    ).toBe('units_parent_code_unique');
    expect((await repos.catalogue.findUnit('x2'))!.parentId).toBe('c');
  });

  it('moves a unit with its subtree and archives without deleting', async () => {
    await tree();
    const moved = await repos.catalogue.updateUnit('c', {
      parentId: 'x',
      sortOrder: 3,
      updatedAt: T0 + 1,
    });
    expect(moved).toMatchObject({ id: 'c', parentId: 'x', sortOrder: 3, updatedAt: T0 + 1 });
    expect((await repos.catalogue.listUnits()).map((u) => u.id)).toEqual(['p', 'x', 'c', 'd']);

    await repos.catalogue.updateUnit('x', { archivedAt: T0 + 2, updatedAt: T0 + 2 });
    expect((await repos.catalogue.listUnits()).map((u) => u.id)).toHaveLength(4);
    // Active only: the archived unit is left out, its active sub-units stay (as roots).
    const active = await repos.catalogue.listUnits({ activeOnly: true });
    expect(active.map((u) => u.id).sort()).toEqual(['c', 'd', 'p']);
    await repos.catalogue.updateUnit('x', { archivedAt: null, updatedAt: T0 + 3 });
    expect(await repos.catalogue.listUnits({ activeOnly: true })).toHaveLength(4);
    expect(await repos.catalogue.countUnits()).toBe(4);
    expect(await repos.catalogue.updateUnit('nope', { name: 'x', updatedAt: T0 })).toBeUndefined();
  });

  it('keeps sectors and counters per unit, codes unique within a unit, archived on request', async () => {
    await tree();
    const { catalogue } = repos;
    await catalogue.createSector(sector('s1', 'x', { code: 'ho-tich', name: 'Hộ tịch' }));
    await catalogue.createSector(sector('s2', 'd', { code: 'ho-tich', name: 'Hộ tịch' }));
    expect(await violation(catalogue.createSector(sector('s3', 'x', { code: 'ho-tich' })))).toBe(
      'sectors_unit_id_code_unique',
    );

    await catalogue.createCounter(
      counter('q2', 'x', { code: 'quay-2', name: 'Quầy 2', sortOrder: 1 }),
    );
    await catalogue.createCounter(counter('q1', 'x', { code: 'quay-1', name: 'Quầy 1' }));
    await catalogue.createCounter(counter('qd', 'd', { code: 'quay-1', name: 'Quầy 1' }));
    expect(await violation(catalogue.createCounter(counter('q3', 'x', { code: 'quay-1' })))).toBe(
      'counters_unit_id_code_unique',
    );
    // Grouped by unit in catalogue order (d before x), then by sortOrder.
    expect((await catalogue.listCounters()).map((c) => c.id)).toEqual(['qd', 'q1', 'q2']);
    expect((await catalogue.listCounters('x')).map((c) => c.id)).toEqual(['q1', 'q2']);
    expect(await catalogue.findCounter('q1')).toEqual(
      counter('q1', 'x', { code: 'quay-1', name: 'Quầy 1' }),
    );

    await catalogue.updateCounter('q1', { archivedAt: T0 + 5, updatedAt: T0 + 5 });
    await catalogue.updateSector('s1', { archivedAt: T0 + 5, updatedAt: T0 + 5 });
    expect((await catalogue.listCounters('x', { activeOnly: true })).map((c) => c.id)).toEqual([
      'q2',
    ]);
    expect(await catalogue.listSectors('x', { activeOnly: true })).toEqual([]);
    expect((await catalogue.listSectors('x')).map((s) => s.archivedAt)).toEqual([T0 + 5]);
    // A counter moved to another unit keeps its code unique there too.
    expect(await violation(catalogue.updateCounter('q1', { unitId: 'd', updatedAt: T0 }))).toBe(
      'counters_unit_id_code_unique',
    );
    const renamed = await catalogue.updateCounter('q2', { name: 'Quầy tiếp nhận', updatedAt: T0 });
    expect(renamed).toMatchObject({ name: 'Quầy tiếp nhận', unitId: 'x' });
  });

  it('keeps the history of names and parents in the order of changes', async () => {
    await tree();
    const base = {
      entityType: 'unit' as const,
      entityId: 'x',
      parentId: 'p',
      actorId: null,
      details: { code: 'code-x' },
    };
    await repos.catalogue.appendHistory({
      ...base,
      id: 'h2',
      at: T0 + 10,
      month: '2026-12',
      action: 'rename',
      name: 'Phường An Phú',
      details: { from: 'Xã An Phú' },
    });
    await repos.catalogue.appendHistory({
      ...base,
      id: 'h1',
      at: T0,
      month: '2026-11',
      action: 'create',
      name: 'Xã An Phú',
    });
    await repos.catalogue.appendHistory({
      ...base,
      id: 'h3',
      entityType: 'sector',
      entityId: 's',
      at: T0 + 10,
      month: '2026-12',
      action: 'archive',
      name: 'Hộ tịch',
    });
    const history = await repos.catalogue.listHistory({ entityType: 'unit', entityId: 'x' });
    expect(history.map((h) => [h.action, h.name, h.month])).toEqual([
      ['create', 'Xã An Phú', '2026-11'],
      ['rename', 'Phường An Phú', '2026-12'],
    ]);
    expect(history[1]!.details).toEqual({ from: 'Xã An Phú' });
    expect((await repos.catalogue.listHistory()).map((h) => h.id)).toEqual(['h1', 'h2', 'h3']);
    expect((await repos.catalogue.listHistory({ entityType: 'sector' })).map((h) => h.id)).toEqual([
      'h3',
    ]);
  });

  it('keeps a scale per unit and month, replacing a change planned for the same month', async () => {
    await tree();
    const { catalogue } = repos;
    await catalogue.upsertUnitScale({
      unitId: 'x',
      fromMonth: '2026-11',
      scale: 'five',
      updatedAt: T0,
    });
    await catalogue.upsertUnitScale({
      unitId: 'x',
      fromMonth: '2026-12',
      scale: 'three',
      updatedAt: T0,
    });
    await catalogue.upsertUnitScale({
      unitId: 'd',
      fromMonth: '2026-12',
      scale: 'three',
      updatedAt: T0,
    });
    await catalogue.upsertUnitScale({
      unitId: 'x',
      fromMonth: '2026-12',
      scale: 'five',
      updatedAt: T0 + 1,
    });
    expect(await catalogue.listUnitScales(['x'])).toEqual([
      { unitId: 'x', fromMonth: '2026-11', scale: 'five', updatedAt: T0 },
      { unitId: 'x', fromMonth: '2026-12', scale: 'five', updatedAt: T0 + 1 },
    ]);
    expect(await catalogue.listUnitScales([])).toEqual([]);
    expect((await catalogue.listUnitScales()).map((s) => `${s.unitId}/${s.fromMonth}`)).toEqual([
      'd/2026-12',
      'x/2026-11',
      'x/2026-12',
    ]);
  });

  it('serialises catalogue changes with the tree lock', async () => {
    await tree();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const firstLocked = new Promise<void>((resolve) => (locked = resolve));
    const first = repos.transaction(async (tx) => {
      await tx.catalogue.lockTree();
      locked();
      await held;
      order.push('first');
      await tx.catalogue.updateUnit('x', { name: 'Một', updatedAt: T0 });
    });
    await firstLocked;
    const second = repos.transaction(async (tx) => {
      await tx.catalogue.lockTree();
      order.push('second');
      return (await tx.catalogue.findUnit('x'))!.name;
    });
    // Give the second transaction time to reach the lock (it must wait there).
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await first;
    expect(await second).toBe('Một');
    expect(order).toEqual(['first', 'second']);
  });
});
