/**
 * The organisation tree as it stood at an instant, from the catalogue's history: a rating counts at
 * the ancestors its unit had when it was stored, so a later correction of that rating (a late press
 * makes it a repeat, an amendment changes its reasons) must move the counters of those nodes, not
 * of the unit's ancestors today. Pure: history rows in, ancestors out.
 */
import { ancestorsOf, type UnitTree } from './unit-tree.ts';

/** A recorded change of a unit, with the parent it had after the change. */
export interface UnitParentChange {
  entityId: string;
  at: number;
  parentId: string | null;
}

/**
 * A function answering the ancestors of a unit at an instant (the unit first). Each unit hangs
 * under the parent of its last recorded change at or before then; a unit without one, under its
 * parent today. With no move ever recorded, it is the tree of today.
 */
export function ancestorsAt(
  tree: UnitTree,
  history: readonly (UnitParentChange & { action: string })[],
): (unitId: string, at: number) => string[] {
  if (!history.some((h) => h.action === 'move')) return (unitId) => ancestorsOf(tree, unitId);
  const changes = new Map<string, UnitParentChange[]>();
  for (const h of history) {
    const list = changes.get(h.entityId);
    if (list) list.push(h);
    else changes.set(h.entityId, [h]);
  }
  for (const list of changes.values()) list.sort((a, b) => a.at - b.at);
  const parentAt = (unitId: string, at: number): string | null => {
    const list = changes.get(unitId);
    let found: UnitParentChange | undefined;
    for (const change of list ?? []) {
      if (change.at > at) break;
      found = change;
    }
    return found ? found.parentId : (tree.parents.get(unitId) ?? null);
  };
  return (unitId, at) => {
    const out: string[] = [];
    // A tree of n units has no path longer than n: a broken history cannot loop forever.
    let cursor: string | null = tree.nodes.has(unitId) ? unitId : null;
    while (cursor !== null && !out.includes(cursor) && out.length <= tree.nodes.size) {
      out.push(cursor);
      const parent: string | null = parentAt(cursor, at);
      cursor = parent !== null && tree.nodes.has(parent) ? parent : null;
    }
    return out;
  };
}
