/**
 * Changes to what hangs off a unit: lĩnh vực (sectors) and quầy (counters). Both have the same
 * shape and rules — a code unique within the unit, a name, a place among the unit's items, an
 * archive mark — so one implementation serves both through a small store adapter. Like the unit
 * commands, each runs in one transaction under the tree lock and a no-op records nothing.
 */
import { randomUUID } from 'node:crypto';
import type { CounterRow, Repositories, SectorRow } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import {
  checkCode,
  checkName,
  conflict,
  ENTITY_LABEL,
  guardCode,
  invalid,
  record,
  type CommandContext,
} from './catalogue-command-support.ts';
import { nextSortOrder, placeAt } from './catalogue-order.ts';

/** A sector or a counter (the two rows have the same fields). */
type ItemRow = SectorRow & CounterRow;
type ItemPatch = Partial<Pick<ItemRow, 'name' | 'unitId' | 'sortOrder' | 'archivedAt'>> & {
  updatedAt: number;
};

interface ItemStore {
  type: 'sector' | 'counter';
  create(tx: Repositories, row: ItemRow): Promise<void>;
  update(tx: Repositories, id: string, patch: ItemPatch): Promise<ItemRow | undefined>;
  find(tx: Repositories, id: string): Promise<ItemRow | undefined>;
  list(tx: Repositories, unitId: string): Promise<ItemRow[]>;
}

const SECTORS: ItemStore = {
  type: 'sector',
  create: (tx, row) => tx.catalogue.createSector(row),
  update: (tx, id, patch) => tx.catalogue.updateSector(id, patch) as Promise<ItemRow | undefined>,
  find: (tx, id) => tx.catalogue.findSector(id) as Promise<ItemRow | undefined>,
  list: (tx, unitId) => tx.catalogue.listSectors(unitId) as Promise<ItemRow[]>,
};

const COUNTERS: ItemStore = {
  type: 'counter',
  create: (tx, row) => tx.catalogue.createCounter(row),
  update: (tx, id, patch) => tx.catalogue.updateCounter(id, patch) as Promise<ItemRow | undefined>,
  find: (tx, id) => tx.catalogue.findCounter(id) as Promise<ItemRow | undefined>,
  list: (tx, unitId) => tx.catalogue.listCounters(unitId) as Promise<ItemRow[]>,
};

export interface NewItem {
  id?: string;
  unitId: string;
  code: string;
  name: string;
  /** Position among the unit's items (0-based); last when absent. */
  sortOrder?: number;
}

/** Fields that may change; `unitId` moves the item to another unit, `sortOrder` is a position. */
export interface ItemChange {
  name?: string;
  unitId?: string;
  sortOrder?: number;
}

const run = <T>(repos: Repositories, work: (tx: Repositories) => Promise<T>) =>
  repos.transaction(async (tx) => {
    await tx.catalogue.lockTree();
    return work(tx);
  });

async function load(store: ItemStore, tx: Repositories, id: string): Promise<ItemRow> {
  const row = await store.find(tx, id);
  if (!row) throw notFound(ENTITY_LABEL[store.type]);
  return row;
}

/** Items may only be added to (or moved into) a unit that exists and is not archived. */
async function activeUnit(tx: Repositories, unitId: string): Promise<void> {
  const unit = await tx.catalogue.findUnit(unitId);
  if (!unit) throw invalid('unitId', 'unknown unit', 'Đơn vị không tồn tại.');
  if (unit.archivedAt !== null) throw invalid('unitId', 'archived', 'Đơn vị đã được lưu trữ.');
}

function commands(store: ItemStore) {
  const type = store.type;
  const note =
    (
      ctx: CommandContext,
      row: ItemRow,
      action: 'create' | 'rename' | 'move' | 'reorder' | 'archive' | 'restore',
      details: Record<string, unknown>,
    ) =>
    (tx: Repositories) =>
      record(tx, ctx, { type, id: row.id, action, name: row.name, parentId: row.unitId, details });

  const create = (repos: Repositories, ctx: CommandContext, input: NewItem) =>
    run(repos, async (tx) => {
      const code = checkCode(input.code);
      const name = checkName(input.name);
      await activeUnit(tx, input.unitId);
      const siblings = await store.list(tx, input.unitId);
      const row: ItemRow = {
        id: input.id ?? randomUUID(),
        unitId: input.unitId,
        code,
        name,
        sortOrder: nextSortOrder(siblings),
        createdAt: ctx.now,
        archivedAt: null,
        updatedAt: null,
      };
      await guardCode(type, code, () => store.create(tx, row));
      if (input.sortOrder !== undefined) {
        await placeAt([...siblings, row], row.id, input.sortOrder, (id, sortOrder) =>
          store.update(tx, id, { sortOrder, updatedAt: ctx.now }),
        );
      }
      await note(ctx, row, 'create', { code })(tx);
      return load(store, tx, row.id);
    });

  const rename = (repos: Repositories, ctx: CommandContext, id: string, name: string) =>
    run(repos, async (tx) => {
      const row = await load(store, tx, id);
      const clean = checkName(name);
      if (clean === row.name) return row;
      const updated = (await store.update(tx, id, { name: clean, updatedAt: ctx.now }))!;
      await note(ctx, updated, 'rename', { from: row.name })(tx);
      return updated;
    });

  /** Moves the item to another unit, last among that unit's items. */
  const move = (repos: Repositories, ctx: CommandContext, id: string, unitId: string) =>
    run(repos, async (tx) => {
      const row = await load(store, tx, id);
      if (unitId === row.unitId) return row;
      await activeUnit(tx, unitId);
      const sortOrder = nextSortOrder(await store.list(tx, unitId));
      const updated = (await guardCode(type, row.code, () =>
        store.update(tx, id, { unitId, sortOrder, updatedAt: ctx.now }),
      ))!;
      await note(ctx, updated, 'move', { from: row.unitId, to: unitId })(tx);
      return updated;
    });

  const reorder = (repos: Repositories, ctx: CommandContext, id: string, position: number) =>
    run(repos, async (tx) => {
      const row = await load(store, tx, id);
      const moved = await placeAt(
        await store.list(tx, row.unitId),
        id,
        position,
        (sibling, sortOrder) => store.update(tx, sibling, { sortOrder, updatedAt: ctx.now }),
      );
      if (moved) await note(ctx, row, 'reorder', { position })(tx);
      return load(store, tx, id);
    });

  const archive = (repos: Repositories, ctx: CommandContext, id: string) =>
    run(repos, async (tx) => {
      const row = await load(store, tx, id);
      if (row.archivedAt !== null) return row;
      const updated = (await store.update(tx, id, { archivedAt: ctx.now, updatedAt: ctx.now }))!;
      await note(ctx, row, 'archive', {})(tx);
      return updated;
    });

  /** Brings an archived item back; its unit must not be archived. */
  const restore = (repos: Repositories, ctx: CommandContext, id: string) =>
    run(repos, async (tx) => {
      const row = await load(store, tx, id);
      if (row.archivedAt === null) return row;
      const unit = await tx.catalogue.findUnit(row.unitId);
      if (unit && unit.archivedAt !== null) {
        throw conflict(`Đơn vị "${unit.name}" đang lưu trữ: hãy khôi phục đơn vị trước.`);
      }
      const updated = (await store.update(tx, id, { archivedAt: null, updatedAt: ctx.now }))!;
      await note(ctx, row, 'restore', {})(tx);
      return updated;
    });

  /** Several changes in one transaction: name, unit, then position. */
  const change = (repos: Repositories, ctx: CommandContext, id: string, input: ItemChange) =>
    run(repos, async (tx) => {
      await load(store, tx, id);
      if (input.name !== undefined) await rename(tx, ctx, id, input.name);
      if (input.unitId !== undefined) await move(tx, ctx, id, input.unitId);
      if (input.sortOrder !== undefined) await reorder(tx, ctx, id, input.sortOrder);
      return load(store, tx, id);
    });

  return { create, rename, move, reorder, archive, restore, change };
}

const sectors = commands(SECTORS);
const counters = commands(COUNTERS);

export type NewSector = NewItem;
export type NewCounter = NewItem;
export type SectorChange = ItemChange;
export type CounterChange = ItemChange;

export const createSector = sectors.create as (
  repos: Repositories,
  ctx: CommandContext,
  input: NewSector,
) => Promise<SectorRow>;
export const renameSector = sectors.rename;
export const moveSector = sectors.move;
export const reorderSector = sectors.reorder;
export const archiveSector = sectors.archive;
export const restoreSector = sectors.restore;
export const changeSector = sectors.change;

export const createCounter = counters.create as (
  repos: Repositories,
  ctx: CommandContext,
  input: NewCounter,
) => Promise<CounterRow>;
export const renameCounter = counters.rename;
export const moveCounter = counters.move;
export const reorderCounter = counters.reorder;
export const archiveCounter = counters.archive;
export const restoreCounter = counters.restore;
export const changeCounter = counters.change;
