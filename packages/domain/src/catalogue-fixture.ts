/**
 * Test support for the catalogue import: plans a sheet given as arrays of cells, and applies a plan
 * to a snapshot the way the catalogue commands would, refusing what the database would refuse
 * (a code taken among siblings, archived ones included; a unit made its own ancestor).
 */
import { catalogueRows, CATALOGUE_HEADER } from './catalogue-export.ts';
import { planCatalogueImport, type CataloguePlan, type UnitRef } from './catalogue-plan.ts';
import type { CatalogueSnapshot, SnapshotItem, SnapshotUnit } from './catalogue-resolve.ts';
import { readCatalogueTable, validateCatalogueRows, type SheetLine } from './catalogue-table.ts';

/** Plans rows given under the Vietnamese header (the header is line 1, the first row line 2). */
export function planSheet(rows: readonly string[][], current: CatalogueSnapshot): CataloguePlan {
  const lines: SheetLine[] = [CATALOGUE_HEADER, ...rows].map((cells, i) => ({
    line: i + 1,
    cells,
  }));
  const table = readCatalogueTable(lines);
  const valid = validateCatalogueRows(table.rows);
  const plan = planCatalogueImport(valid.rows, current);
  return { ...plan, issues: [...table.issues, ...valid.issues, ...plan.issues] };
}

/** The catalogue as an export would write it (without the header). */
export const exportSheet = (snapshot: CatalogueSnapshot) => catalogueRows(snapshot);

export const EMPTY: CatalogueSnapshot = { units: [], sectors: [], counters: [] };

/** The snapshot after `plan`, with ids `new-L` for what line L creates. Throws what the DB would. */
export function applyPlan(snapshot: CatalogueSnapshot, plan: CataloguePlan): CatalogueSnapshot {
  if (plan.issues.length > 0) throw new Error('a plan with issues is never applied');
  const units = new Map(snapshot.units.map((u) => [u.id, { ...u }]));
  const items = {
    sector: new Map(snapshot.sectors.map((s) => [s.id, { ...s }])),
    counter: new Map(snapshot.counters.map((s) => [s.id, { ...s }])),
  };
  const idOf = (ref: UnitRef) => ('id' in ref ? ref.id : `new-${ref.line}`);
  const checkUnit = (u: SnapshotUnit) => {
    for (const other of units.values()) {
      if (other.id !== u.id && other.parentId === u.parentId && other.code === u.code) {
        throw new Error(`unit code ${u.code} taken under ${u.parentId}`);
      }
    }
    const seen = new Set<string>();
    for (let at: string | null = u.id; at !== null; at = units.get(at)?.parentId ?? null) {
      if (seen.has(at)) throw new Error(`cycle at ${u.id}`);
      seen.add(at);
    }
  };
  for (const step of plan.steps) {
    if (step.action === 'create') {
      const id = `new-${step.line}`;
      if (step.entity === 'unit') {
        const { code, name, kind, scale, sortOrder } = step;
        const parentId = step.parent && idOf(step.parent);
        const unit = { id, parentId, code, name, kind, scale, sortOrder, archived: false };
        units.set(id, unit);
        checkUnit(unit);
      } else {
        const { code, name, sortOrder } = step;
        const item: SnapshotItem = {
          id,
          unitId: idOf(step.unit),
          code,
          name,
          sortOrder,
          archived: false,
        };
        const list = items[step.entity];
        if ([...list.values()].some((s) => s.unitId === item.unitId && s.code === code)) {
          throw new Error(`${step.entity} code ${code} taken`);
        }
        list.set(id, item);
      }
      continue;
    }
    const target = step.entity === 'unit' ? units.get(step.id) : items[step.entity].get(step.id);
    if (!target) throw new Error(`no ${step.entity} ${step.id}`);
    if (step.action === 'move') {
      (target as SnapshotUnit).parentId = step.parent && idOf(step.parent);
      checkUnit(target as SnapshotUnit);
    } else if (step.action === 'rename') target.name = step.to;
    else if (step.action === 'kind') (target as SnapshotUnit).kind = step.to;
    else if (step.action === 'scale') (target as SnapshotUnit).scale = step.to;
    else if (step.action === 'reorder') target.sortOrder = step.to;
    else target.archived = step.action === 'archive';
  }
  return {
    units: [...units.values()],
    sectors: [...items.sector.values()],
    counters: [...items.counter.values()],
  };
}
