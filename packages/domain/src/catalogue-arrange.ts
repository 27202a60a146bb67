/**
 * "Thứ tự" in a catalogue file is a rank: the rows that give one are put in that order among their
 * siblings (ties by line), in the places those rows' items hold; items without a rank keep theirs.
 * Ranks rather than positions, so a file numbered 1, 2, 3 or 10, 20, 30 reads the same, and a
 * catalogue already in that order needs no change (re-importing records nothing).
 */
import { compareVi } from './vi-text.ts';

export interface Ordered {
  id: string;
  name: string;
  sortOrder: number;
}

/** The catalogue's order of siblings: sortOrder, then name (Vietnamese), then id. */
export function compareCatalogueOrder(a: Ordered, b: Ordered): number {
  return (
    a.sortOrder - b.sortOrder ||
    compareVi(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface Ranked<K> {
  key: K;
  /** The row's Thứ tự and line, or null when it gives none. */
  rank: { rank: number; line: number } | null;
}

/** The siblings' order after applying the ranks, from their current order. */
export function arrangeSiblings<K>(current: readonly Ranked<K>[]): K[] {
  const ranked = current
    .filter((m) => m.rank !== null)
    .sort((a, b) => a.rank!.rank - b.rank!.rank || a.rank!.line - b.rank!.line);
  let next = 0;
  return current.map((m) => (m.rank === null ? m.key : ranked[next++]!.key));
}

/** Whether the ranked siblings are already in rank order. */
export function inRankOrder<K>(current: readonly Ranked<K>[]): boolean {
  const after = arrangeSiblings(current);
  return after.every((key, i) => key === current[i]!.key);
}
