/**
 * The order part of an import plan: for every group of siblings where the file's ranks (Thứ tự)
 * are not already the order, the ranks to apply and the items the apply will move (reorder steps).
 * The apply arranges each group after creating and moving, reading the siblings as they are then:
 * created and moved-in items come last, as the catalogue commands put them.
 */
import {
  arrangeSiblings,
  compareCatalogueOrder,
  inRankOrder,
  type Ranked,
} from './catalogue-arrange.ts';
import type { CatalogueSnapshot } from './catalogue-resolve.ts';
import { reorderIds } from './catalogue-rules.ts';
import type { CatalogueEntity } from './catalogue-table.ts';

/** An existing unit, sector or counter by id, or the one created by the row on `line`. */
export type Ref = { id: string } | { line: number };

/** The ranks to apply to one group of siblings. */
export interface Arrangement {
  entity: CatalogueEntity;
  /** Units: their parent (null for roots); sectors and counters: their unit. */
  group: Ref | null;
  ranks: { ref: Ref; rank: number; line: number }[];
}

/** A member of a group as the planner knows it. Keys are ids, or `line:N` for created items. */
export interface GroupMember {
  key: string;
  /** Already in this group (not created, not moved in by this import). */
  staying: boolean;
  rank: { rank: number; line: number } | null;
}

export interface GroupPlan {
  arrangement: Arrangement;
  /** Keys of staying members the apply will move, with their positions before and after (1-based). */
  moved: { key: string; from: number; to: number }[];
}

export const refOfKey = (key: string): Ref =>
  key.startsWith('line:') ? { line: Number(key.slice(5)) } : { id: key };

/**
 * Plans one group: `members` in the order the catalogue will hold them before arranging (staying
 * ones in catalogue order, then the appended ones). Undefined when the ranks already hold.
 */
export function planGroup(
  entity: CatalogueEntity,
  group: string | null,
  members: readonly GroupMember[],
): GroupPlan | undefined {
  const current: Ranked<string>[] = members.map((m) => ({ key: m.key, rank: m.rank }));
  if (inRankOrder(current)) return undefined;
  const final = arrangeSiblings(current);
  const staying = new Set(members.filter((m) => m.staying).map((m) => m.key));
  const moved: GroupPlan['moved'] = [];
  // The same walk as the apply: place each item of the final order at its index.
  let order = current.map((m) => m.key);
  final.forEach((key, i) => {
    if (order[i] === key) return;
    if (staying.has(key)) moved.push({ key, from: order.indexOf(key) + 1, to: i + 1 });
    order = reorderIds(order, key, i);
  });
  const ranks = members.flatMap((m) => (m.rank ? [{ ref: refOfKey(m.key), ...m.rank }] : []));
  return {
    arrangement: { entity, group: group === null ? null : refOfKey(group), ranks },
    moved,
  };
}

/** Existing members of each group of `entity`, in catalogue order, keyed by group. */
export function currentGroups(
  snapshot: CatalogueSnapshot,
  entity: CatalogueEntity,
): Map<string | null, string[]> {
  const out = new Map<string | null, string[]>();
  const list =
    entity === 'unit'
      ? snapshot.units.map((u) => ({ ...u, group: u.parentId }))
      : (entity === 'sector' ? snapshot.sectors : snapshot.counters).map((s) => ({
          ...s,
          group: s.unitId as string | null,
        }));
  for (const item of [...list].sort(compareCatalogueOrder)) {
    out.set(item.group, [...(out.get(item.group) ?? []), item.id]);
  }
  return out;
}
