/** What the catalogue page's dialog is asked to do: one change to one unit, sector or counter. */
import type { CatalogueCounter, CatalogueSector, CatalogueUnit } from '@hailong/contracts';
import type { ItemKind } from '../../lib/catalogue-api.ts';

/** A unit, or a lĩnh vực / quầy of one. */
export type Target =
  | { kind: 'unit'; unit: CatalogueUnit }
  | { kind: ItemKind; unit: CatalogueUnit; item: CatalogueSector | CatalogueCounter };

export type CatalogueAction =
  | { op: 'add-unit'; parent: CatalogueUnit | null }
  | { op: 'add-item'; kind: ItemKind; unit: CatalogueUnit }
  | { op: 'rename' | 'move' | 'archive'; target: Target };

export const targetName = (target: Target) =>
  target.kind === 'unit' ? target.unit.name : target.item.name;

/** The ids of a unit and every unit beneath it (a unit cannot move under itself). */
export function subtreeIds(units: readonly CatalogueUnit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  // Depth first from the API: the subtree follows its root until the depth comes back up.
  const start = units.findIndex((u) => u.id === rootId);
  if (start < 0) return ids;
  for (const unit of units.slice(start + 1)) {
    if (unit.depth <= units[start]!.depth) break;
    ids.add(unit.id);
  }
  return ids;
}
