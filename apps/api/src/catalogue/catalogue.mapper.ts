/** Rows of the catalogue as the catalogue page sees them. */
import { addMonths, depthOf, scaleAt, type UnitTree } from '@hailong/domain';
import type {
  CatalogueCounter,
  CatalogueHistoryEntry,
  CatalogueSector,
  CatalogueUnit,
  ScaleId,
} from '@hailong/contracts';
import type {
  CatalogueHistoryRow,
  CounterRow,
  SectorRow,
  UnitRow,
  UnitScaleRow,
} from '../repositories/types.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toCatalogueItem(row: SectorRow | CounterRow): CatalogueSector & CatalogueCounter {
  return {
    id: row.id,
    unitId: row.unitId,
    code: row.code,
    name: row.name,
    sortOrder: row.sortOrder,
    archived: row.archivedAt !== null,
    archivedAt: iso(row.archivedAt),
  };
}

/** The scale in force in `month` and a change planned for the next month, if any. */
export function scalesOf(
  unit: UnitRow,
  scales: readonly UnitScaleRow[],
  month: string,
): { scale: ScaleId; plannedScale: CatalogueUnit['plannedScale'] } {
  const mine = scales.filter((s) => s.unitId === unit.id);
  const scale = scaleAt(mine, month) ?? unit.scale;
  const next = addMonths(month, 1);
  const planned = scaleAt(mine, next);
  return {
    scale,
    plannedScale:
      planned !== undefined && planned !== scale ? { scale: planned, fromMonth: next } : null,
  };
}

export interface UnitViewInput {
  unit: UnitRow;
  tree: UnitTree<UnitRow>;
  month: string;
  scales: readonly UnitScaleRow[];
  sectors: readonly SectorRow[];
  counters: readonly CounterRow[];
  canManage: boolean;
}

export function toCatalogueUnit(input: UnitViewInput): CatalogueUnit {
  const { unit, tree } = input;
  return {
    id: unit.id,
    parentId: tree.parents.get(unit.id) ?? null,
    depth: depthOf(tree, unit.id),
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    ...scalesOf(unit, input.scales, input.month),
    sortOrder: unit.sortOrder,
    archived: unit.archivedAt !== null,
    archivedAt: iso(unit.archivedAt),
    canManage: input.canManage,
    sectors: input.sectors.filter((s) => s.unitId === unit.id).map(toCatalogueItem),
    counters: input.counters.filter((c) => c.unitId === unit.id).map(toCatalogueItem),
  };
}

export function toHistoryEntry(
  row: CatalogueHistoryRow,
  actorName: string | null,
): CatalogueHistoryEntry {
  const details =
    typeof row.details === 'object' && row.details !== null && !Array.isArray(row.details)
      ? (row.details as Record<string, unknown>)
      : {};
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    at: new Date(row.at).toISOString(),
    month: row.month,
    action: row.action,
    name: row.name,
    parentId: row.parentId,
    actor: actorName,
    details,
  };
}
