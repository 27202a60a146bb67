/** Positions among siblings: new items go last; a reorder renumbers the siblings 0…n-1. */
import { reorderIds } from '@hailong/domain';

interface Placed {
  id: string;
  sortOrder: number;
}

/** The sortOrder that puts a new item after every sibling. */
export function nextSortOrder(siblings: readonly Placed[]): number {
  return siblings.reduce((max, s) => Math.max(max, s.sortOrder + 1), 0);
}

/**
 * Moves `id` to `position` among `siblings` (given in their current order) and writes the new
 * sortOrder of each sibling whose number changed. Returns whether `id` changed place.
 */
export async function placeAt(
  siblings: readonly Placed[],
  id: string,
  position: number,
  write: (id: string, sortOrder: number) => Promise<unknown>,
): Promise<boolean> {
  const before = siblings.map((s) => s.id);
  const after = reorderIds(before, id, position);
  const current = new Map(siblings.map((s) => [s.id, s.sortOrder]));
  for (const [index, sibling] of after.entries()) {
    if (current.get(sibling) !== index) await write(sibling, index);
  }
  return before.indexOf(id) !== after.indexOf(id);
}
