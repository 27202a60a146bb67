/**
 * The catalogue written in the import format (catalogue-table.ts): every unit depth first in
 * catalogue order, each followed by its sectors and counters, archived ones marked "lưu trữ".
 * Importing what this writes changes nothing. Legacy `district` units get an empty `Cấp` (an
 * existing unit keeps its kind when the cell is empty; a new one cannot be a district).
 */
import {
  CATALOGUE_COLUMNS,
  COLUMN_HEADERS,
  ENTITY_LABELS,
  IMPORT_UNIT_KINDS,
  KIND_LABELS,
  SCALE_LABELS,
  STATUS_LABELS,
  type CatalogueEntity,
  type ImportUnitKind,
} from './catalogue-table.ts';
import type { CatalogueSnapshot, SnapshotItem, SnapshotUnit } from './catalogue-resolve.ts';

/** The header row in Vietnamese, in column order. */
export const CATALOGUE_HEADER: readonly string[] = CATALOGUE_COLUMNS.map(
  (c) => COLUMN_HEADERS[c].vi,
);

const bySortOrder = <T extends { sortOrder: number; code: string }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const kindLabel = (kind: string) =>
  (IMPORT_UNIT_KINDS as readonly string[]).includes(kind)
    ? KIND_LABELS[kind as ImportUnitKind]
    : '';

/** The rows under the header, each in column order. */
export function catalogueRows(snapshot: CatalogueSnapshot): string[][] {
  const ids = new Set(snapshot.units.map((u) => u.id));
  const children = new Map<string | null, SnapshotUnit[]>();
  for (const u of snapshot.units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const itemsOf = (list: readonly SnapshotItem[]) => {
    const byUnit = new Map<string, SnapshotItem[]>();
    for (const item of list) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);
    return byUnit;
  };
  const sectors = itemsOf(snapshot.sectors);
  const counters = itemsOf(snapshot.counters);
  const status = (archived: boolean) => (archived ? STATUS_LABELS.archived : STATUS_LABELS.active);
  const item = (entity: CatalogueEntity, s: SnapshotItem, path: string) => [
    ENTITY_LABELS[entity],
    s.code,
    path,
    s.name,
    '',
    '',
    String(s.sortOrder),
    status(s.archived),
  ];

  const out: string[][] = [];
  const visit = (unit: SnapshotUnit, parentPath: string, seen: Set<string>) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    const path = parentPath === '' ? unit.code : `${parentPath}/${unit.code}`;
    out.push([
      ENTITY_LABELS.unit,
      unit.code,
      parentPath,
      unit.name,
      kindLabel(unit.kind),
      SCALE_LABELS[unit.scale],
      String(unit.sortOrder),
      status(unit.archived),
    ]);
    for (const s of [...(sectors.get(unit.id) ?? [])].sort(bySortOrder)) {
      out.push(item('sector', s, path));
    }
    for (const c of [...(counters.get(unit.id) ?? [])].sort(bySortOrder)) {
      out.push(item('counter', c, path));
    }
    for (const child of [...(children.get(unit.id) ?? [])].sort(bySortOrder)) {
      visit(child, path, seen);
    }
  };
  const seen = new Set<string>();
  for (const root of [...(children.get(null) ?? [])].sort(bySortOrder)) visit(root, '', seen);
  return out;
}
