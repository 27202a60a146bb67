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
import { compareCatalogueOrder } from './catalogue-arrange.ts';

/** Siblings in catalogue order, each with its 1-based position (what Thứ tự says). */
const ordered = <T extends SnapshotUnit | SnapshotItem>(list: readonly T[] | undefined) =>
  [...(list ?? [])].sort(compareCatalogueOrder).map((x, i) => [x, String(i + 1)] as const);

/** The header row in Vietnamese, in column order. */
export const CATALOGUE_HEADER: readonly string[] = CATALOGUE_COLUMNS.map(
  (c) => COLUMN_HEADERS[c].vi,
);

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
  const item = (entity: CatalogueEntity, s: SnapshotItem, order: string, path: string) => [
    ENTITY_LABELS[entity],
    s.code,
    path,
    s.name,
    '',
    '',
    order,
    status(s.archived),
  ];

  const out: string[][] = [];
  const visit = (unit: SnapshotUnit, order: string, parentPath: string, seen: Set<string>) => {
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
      order,
      status(unit.archived),
    ]);
    for (const [s, n] of ordered(sectors.get(unit.id))) out.push(item('sector', s, n, path));
    for (const [c, n] of ordered(counters.get(unit.id))) out.push(item('counter', c, n, path));
    for (const [child, n] of ordered(children.get(unit.id))) visit(child, n, path, seen);
  };
  const seen = new Set<string>();
  for (const [root, n] of ordered(children.get(null))) visit(root, n, '', seen);
  return out;
}
