/**
 * Test support for the catalogue import: plans a sheet given as arrays of cells, and applies a plan
 * to a snapshot the way the catalogue commands do — created and moved items go last among their
 * siblings, a reorder renumbers the siblings 0…n-1 — refusing what the database would refuse (a
 * code taken among siblings, archived ones included; a unit made its own ancestor).
 */
import { arrangeSiblings, compareCatalogueOrder } from './catalogue-arrange.ts';
import { catalogueRows, CATALOGUE_HEADER } from './catalogue-export.ts';
import { planCatalogueImport, type CataloguePlan, type UnitRef } from './catalogue-plan.ts';
import type { CatalogueSnapshot, SnapshotItem, SnapshotUnit } from './catalogue-resolve.ts';
import { reorderIds } from './catalogue-rules.ts';
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

type Item = SnapshotUnit | SnapshotItem;
const groupOf = (x: Item) => ('parentId' in x ? x.parentId : x.unitId);
const nextSortOrder = (siblings: Item[]) =>
  siblings.reduce((max, s) => Math.max(max, s.sortOrder + 1), 0);

/** The snapshot after `plan`, with ids `new-L` for what line L creates. Throws what the DB would. */
export function applyPlan(snapshot: CatalogueSnapshot, plan: CataloguePlan): CatalogueSnapshot {
  if (plan.issues.length > 0) throw new Error('a plan with issues is never applied');
  const stores = {
    unit: new Map<string, Item>(snapshot.units.map((u) => [u.id, { ...u }])),
    sector: new Map<string, Item>(snapshot.sectors.map((s) => [s.id, { ...s }])),
    counter: new Map<string, Item>(snapshot.counters.map((s) => [s.id, { ...s }])),
  };
  const units = stores.unit as Map<string, SnapshotUnit>;
  const idOf = (ref: UnitRef) => ('id' in ref ? ref.id : `new-${ref.line}`);
  const siblings = (store: Map<string, Item>, group: string | null, except?: string) =>
    [...store.values()].filter((x) => groupOf(x) === group && x.id !== except);
  const check = (store: Map<string, Item>, x: Item) => {
    if (siblings(store, groupOf(x), x.id).some((o) => o.code === x.code)) {
      throw new Error(`code ${x.code} taken in ${groupOf(x)}`);
    }
    const seen = new Set<string>();
    const start: string | null = 'parentId' in x ? x.id : null;
    for (let at = start; at !== null; at = units.get(at)?.parentId ?? null) {
      if (seen.has(at)) throw new Error(`cycle at ${x.id}`);
      seen.add(at);
    }
  };

  const rest = plan.steps.filter((s) => s.action === 'archive' || s.action === 'reorder');
  for (const step of plan.steps.filter((s) => !rest.includes(s))) {
    const store = stores[step.entity];
    if (step.action === 'create') {
      const id = `new-${step.line}`;
      const group = step.entity === 'unit' ? step.parent && idOf(step.parent) : idOf(step.unit);
      const { code, name } = step;
      const sortOrder = nextSortOrder(siblings(store, group));
      const base = { id, code, name, sortOrder, archived: false };
      const x: Item =
        step.entity === 'unit'
          ? { ...base, parentId: group, kind: step.kind, scale: step.scale }
          : { ...base, unitId: group! };
      store.set(id, x);
      check(store, x);
      continue;
    }
    const target = store.get(step.id);
    if (!target) throw new Error(`no ${step.entity} ${step.id}`);
    if (step.action === 'move') {
      const unit = target as SnapshotUnit;
      unit.parentId = step.parent && idOf(step.parent);
      unit.sortOrder = nextSortOrder(siblings(store, unit.parentId, unit.id));
      check(store, unit);
    } else if (step.action === 'rename') target.name = step.to;
    else if (step.action === 'kind') (target as SnapshotUnit).kind = step.to;
    else if (step.action === 'scale') (target as SnapshotUnit).scale = step.to;
    else if (step.action === 'restore') target.archived = false;
  }
  for (const arrangement of plan.arrangements) {
    const store = stores[arrangement.entity];
    const group = arrangement.group && idOf(arrangement.group);
    const rank = new Map(arrangement.ranks.map((r) => [idOf(r.ref), r]));
    const current = siblings(store, group).sort(compareCatalogueOrder);
    const final = arrangeSiblings(
      current.map((x) => ({ key: x.id, rank: rank.get(x.id) ?? null })),
    );
    let order = current.map((x) => x.id);
    final.forEach((id, i) => {
      if (order[i] === id) return;
      // placeAt: move, then number every sibling by its index.
      order = reorderIds(order, id, i);
      order.forEach((sibling, index) => (store.get(sibling)!.sortOrder = index));
    });
  }
  for (const step of rest)
    if (step.action === 'archive') stores[step.entity].get(step.id)!.archived = true;
  return {
    units: [...units.values()],
    sectors: [...stores.sector.values()] as SnapshotItem[],
    counters: [...stores.counter.values()] as SnapshotItem[],
  };
}
