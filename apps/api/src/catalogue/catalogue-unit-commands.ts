/**
 * Changes to the organisation tree's units. Each command runs in one transaction under the tree
 * lock, validates, writes, and records history + audit; a command that would change nothing
 * changes nothing and records nothing, so re-applying the same input (re-import) is a no-op.
 */
import { randomUUID } from 'node:crypto';
import { NewUnitKind, type ScaleId } from '@hailong/contracts';
import { buildTree, canMoveUnder, monthOf, scaleAt, scaleChangeMonth } from '@hailong/domain';
import type { Repositories, UnitRow, UnitScaleRow } from '../repositories/types.ts';
import { notFound } from '../http/errors.ts';
import {
  checkCode,
  checkName,
  conflict,
  guardCode,
  invalid,
  record,
  type CommandContext,
} from './catalogue-command-support.ts';
import { nextSortOrder, placeAt } from './catalogue-order.ts';

export interface NewUnit {
  /** A fresh UUID unless given (the importer and tests may choose). */
  id?: string;
  code: string;
  name: string;
  /** One of NewUnitKind: `district` is refused for new data. */
  kind: string;
  scale?: ScaleId;
  parentId: string | null;
  /** Position among the siblings (0-based); last when absent. */
  sortOrder?: number;
}

/** Fields of a unit that may change; absent ones stay. `sortOrder` is a position among siblings. */
export interface UnitChange {
  name?: string;
  kind?: string;
  parentId?: string | null;
  sortOrder?: number;
  /** Applies from the next month. */
  scale?: ScaleId;
}

const run = <T>(repos: Repositories, work: (tx: Repositories) => Promise<T>) =>
  repos.transaction(async (tx) => {
    await tx.catalogue.lockTree();
    return work(tx);
  });

async function loadUnit(tx: Repositories, id: string): Promise<UnitRow> {
  const unit = await tx.catalogue.findUnit(id);
  if (!unit) throw notFound('Đơn vị');
  return unit;
}

function checkKind(kind: string): NewUnitKind {
  const parsed = NewUnitKind.safeParse(kind);
  if (!parsed.success) {
    throw invalid(
      'kind',
      'kind: province | centre | department | commune | other',
      'Loại đơn vị không hợp lệ (tỉnh, trung tâm, sở/ban/ngành, xã/phường hoặc khác).',
    );
  }
  return parsed.data;
}

/** The parent a unit may hang under: existing and not archived (null = a root). */
async function activeParent(tx: Repositories, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const parent = await tx.catalogue.findUnit(parentId);
  if (!parent) throw invalid('parentId', 'unknown unit', 'Đơn vị cấp trên không tồn tại.');
  if (parent.archivedAt !== null) {
    throw invalid('parentId', 'archived', 'Đơn vị cấp trên đã được lưu trữ.');
  }
}

async function siblingsOf(tx: Repositories, parentId: string | null): Promise<UnitRow[]> {
  return (await tx.catalogue.listUnits()).filter((u) => u.parentId === parentId);
}

/** Creates a unit under `parentId` (or as a root), with its scale in force from this month. */
export function createUnit(repos: Repositories, ctx: CommandContext, input: NewUnit) {
  return run(repos, async (tx) => {
    const code = checkCode(input.code);
    const name = checkName(input.name);
    const kind = checkKind(input.kind);
    const scale = input.scale ?? 'five';
    await activeParent(tx, input.parentId);
    const siblings = await siblingsOf(tx, input.parentId);
    const unit: UnitRow = {
      id: input.id ?? randomUUID(),
      code,
      name,
      kind,
      scale,
      sortOrder: nextSortOrder(siblings),
      createdAt: ctx.now,
      parentId: input.parentId,
      archivedAt: null,
      updatedAt: null,
    };
    await guardCode('unit', code, () => tx.catalogue.createUnit(unit));
    await tx.catalogue.upsertUnitScale({
      unitId: unit.id,
      fromMonth: monthOf(ctx.now),
      scale,
      updatedAt: ctx.now,
    });
    if (input.sortOrder !== undefined) {
      await placeAt([...siblings, unit], unit.id, input.sortOrder, (id, sortOrder) =>
        tx.catalogue.updateUnit(id, { sortOrder, updatedAt: ctx.now }),
      );
    }
    await record(tx, ctx, {
      type: 'unit',
      id: unit.id,
      action: 'create',
      name,
      parentId: unit.parentId,
      details: { code, kind, scale },
    });
    return loadUnit(tx, unit.id);
  });
}

export function renameUnit(repos: Repositories, ctx: CommandContext, id: string, name: string) {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    const clean = checkName(name);
    if (clean === unit.name) return unit;
    const updated = (await tx.catalogue.updateUnit(id, { name: clean, updatedAt: ctx.now }))!;
    await record(tx, ctx, {
      type: 'unit',
      id,
      action: 'rename',
      name: clean,
      parentId: unit.parentId,
      details: { from: unit.name },
    });
    return updated;
  });
}

/** Re-classifies a unit; only the kinds of the two-tier government are accepted. */
export function setUnitKind(repos: Repositories, ctx: CommandContext, id: string, kind: string) {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    if (kind === unit.kind) return unit;
    const checked = checkKind(kind);
    const updated = (await tx.catalogue.updateUnit(id, { kind: checked, updatedAt: ctx.now }))!;
    await record(tx, ctx, {
      type: 'unit',
      id,
      action: 'update',
      name: unit.name,
      parentId: unit.parentId,
      details: { kind: checked, from: unit.kind },
    });
    return updated;
  });
}

/** Moves a unit (and so its subtree) under another parent, last among its new siblings. */
export function moveUnit(
  repos: Repositories,
  ctx: CommandContext,
  id: string,
  parentId: string | null,
) {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    if (parentId === unit.parentId) return unit;
    await activeParent(tx, parentId);
    const units = await tx.catalogue.listUnits();
    if (!canMoveUnder(buildTree(units), id, parentId)) {
      throw invalid(
        'parentId',
        'would make a cycle',
        'Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị cấp dưới của nó.',
      );
    }
    const sortOrder = nextSortOrder(units.filter((u) => u.parentId === parentId));
    const updated = (await guardCode('unit', unit.code, () =>
      tx.catalogue.updateUnit(id, { parentId, sortOrder, updatedAt: ctx.now }),
    ))!;
    await record(tx, ctx, {
      type: 'unit',
      id,
      action: 'move',
      name: unit.name,
      parentId,
      details: { from: unit.parentId, to: parentId },
    });
    return updated;
  });
}

/** Puts a unit at `position` (0-based) among its siblings. */
export function reorderUnit(
  repos: Repositories,
  ctx: CommandContext,
  id: string,
  position: number,
) {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    const moved = await placeAt(
      await siblingsOf(tx, unit.parentId),
      id,
      position,
      (sibling, sortOrder) => tx.catalogue.updateUnit(sibling, { sortOrder, updatedAt: ctx.now }),
    );
    if (moved) {
      await record(tx, ctx, {
        type: 'unit',
        id,
        action: 'reorder',
        name: unit.name,
        parentId: unit.parentId,
        details: { position },
      });
    }
    return loadUnit(tx, id);
  });
}

/**
 * Plans a scale change: it applies from the next month (Asia/Ho_Chi_Minh), so this month's ratings
 * stay on one scale; `units.scale` follows when that month begins (`applyDueScales`).
 */
export function setUnitScale(
  repos: Repositories,
  ctx: CommandContext,
  id: string,
  scale: ScaleId,
): Promise<UnitScaleRow | undefined> {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    const fromMonth = scaleChangeMonth(monthOf(ctx.now));
    const scales = await tx.catalogue.listUnitScales([id]);
    if ((scaleAt(scales, fromMonth) ?? unit.scale) === scale) return undefined;
    const row: UnitScaleRow = { unitId: id, fromMonth, scale, updatedAt: ctx.now };
    await tx.catalogue.upsertUnitScale(row);
    await record(tx, ctx, {
      type: 'unit',
      id,
      action: 'scale',
      name: unit.name,
      parentId: unit.parentId,
      month: fromMonth,
      details: { scale, fromMonth },
    });
    return row;
  });
}

/** Archives one unit (nothing beneath it): it leaves tablets and forms, stays in past reports. */
export function archiveUnit(repos: Repositories, ctx: CommandContext, id: string) {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    if (unit.archivedAt !== null) return unit;
    const updated = (await tx.catalogue.updateUnit(id, {
      archivedAt: ctx.now,
      updatedAt: ctx.now,
    }))!;
    await record(tx, ctx, {
      type: 'unit',
      id,
      action: 'archive',
      name: unit.name,
      parentId: unit.parentId,
      details: {},
    });
    return updated;
  });
}

/** Brings an archived unit back; its parent must not be archived. */
export function restoreUnit(repos: Repositories, ctx: CommandContext, id: string) {
  return run(repos, async (tx) => {
    const unit = await loadUnit(tx, id);
    if (unit.archivedAt === null) return unit;
    const parent = unit.parentId === null ? undefined : await tx.catalogue.findUnit(unit.parentId);
    if (parent && parent.archivedAt !== null) {
      throw conflict(`Đơn vị cấp trên "${parent.name}" đang lưu trữ: hãy khôi phục nó trước.`);
    }
    const updated = (await tx.catalogue.updateUnit(id, {
      archivedAt: null,
      updatedAt: ctx.now,
    }))!;
    await record(tx, ctx, {
      type: 'unit',
      id,
      action: 'restore',
      name: unit.name,
      parentId: unit.parentId,
      details: {},
    });
    return updated;
  });
}

/** Applies several changes in one transaction: name, kind, parent, position, then scale. */
export function changeUnit(
  repos: Repositories,
  ctx: CommandContext,
  id: string,
  change: UnitChange,
) {
  return run(repos, async (tx) => {
    await loadUnit(tx, id);
    if (change.name !== undefined) await renameUnit(tx, ctx, id, change.name);
    if (change.kind !== undefined) await setUnitKind(tx, ctx, id, change.kind);
    if (change.parentId !== undefined) await moveUnit(tx, ctx, id, change.parentId);
    if (change.sortOrder !== undefined) await reorderUnit(tx, ctx, id, change.sortOrder);
    if (change.scale !== undefined) await setUnitScale(tx, ctx, id, change.scale);
    return loadUnit(tx, id);
  });
}

/**
 * Makes `units.scale` the scale in force this month for every unit whose planned change has begun.
 * Returns how many units changed. Run at start-up and periodically; idempotent.
 */
export function applyDueScales(repos: Repositories, now: number): Promise<number> {
  return run(repos, async (tx) => {
    const month = monthOf(now);
    const [units, scales] = await Promise.all([
      tx.catalogue.listUnits(),
      tx.catalogue.listUnitScales(),
    ]);
    let changed = 0;
    for (const unit of units) {
      const due = scaleAt(
        scales.filter((s) => s.unitId === unit.id),
        month,
      );
      if (due === undefined || due === unit.scale) continue;
      await tx.catalogue.updateUnit(unit.id, { scale: due, updatedAt: now });
      changed++;
    }
    return changed;
  });
}
