/**
 * The league table (bảng xếp hạng) of units at one level: ranked by satisfaction rate, honestly.
 * Units with fewer answers than the minimum sample are listed apart and not ranked; equal rates
 * share a rank (competition ranking: 1, 2, 2, 4); and a row whose 95 % interval overlaps the
 * interval of the row ranked above it is flagged "không khác biệt có ý nghĩa" (not significantly
 * different), because a rank built on a few answers' noise must not read as a verdict.
 */
import type { Interval } from './wilson.ts';
import { compareVi } from './vi-text.ts';

export interface LeagueEntry {
  name: string;
  total: number;
  satisfied: number;
  interval: Interval | null;
  tooFew: boolean;
}

export type RankedEntry<T extends LeagueEntry> = T & {
  rank: number;
  /** Another unit has exactly the same rate, hence the same rank. */
  tied: boolean;
  /** Its interval overlaps that of the nearest unit ranked above it: no significant difference. */
  overlapsAbove: boolean;
};

export interface League<T extends LeagueEntry> {
  ranked: RankedEntry<T>[];
  /** Too few answers to rank (none at all included), most answers first. */
  tooFew: T[];
}

/** Exactly: a.satisfied/a.total vs b.satisfied/b.total, as the sign of a cross product. */
function compareRates(a: LeagueEntry, b: LeagueEntry): number {
  const left = a.satisfied * b.total;
  const right = b.satisfied * a.total;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left - right;
  const l = BigInt(a.satisfied) * BigInt(b.total);
  const r = BigInt(b.satisfied) * BigInt(a.total);
  return l === r ? 0 : l > r ? 1 : -1;
}

/** Ranks `entries`; ties in rate are ordered by more answers, then name, without changing rank. */
export function rankLeague<T extends LeagueEntry>(entries: readonly T[]): League<T> {
  const rankable = entries.filter((e) => !e.tooFew && e.total > 0);
  const tooFew = entries
    .filter((e) => e.tooFew || e.total === 0)
    .sort((a, b) => b.total - a.total || compareVi(a.name, b.name));
  rankable.sort((a, b) => compareRates(b, a) || b.total - a.total || compareVi(a.name, b.name));

  const ranked: RankedEntry<T>[] = [];
  let aboveLow: number | undefined;
  let groupLow: number | undefined;
  rankable.forEach((entry, i) => {
    const previous = rankable[i - 1];
    const sameAsPrevious = previous !== undefined && compareRates(previous, entry) === 0;
    if (!sameAsPrevious) {
      // A new rate: the nearest unit above is the last group's; remember its lowest bound.
      aboveLow = groupLow;
      groupLow = undefined;
    }
    const low = entry.interval?.low ?? 0;
    groupLow = groupLow === undefined ? low : Math.min(groupLow, low);
    const next = rankable[i + 1];
    ranked.push({
      ...entry,
      rank: sameAsPrevious ? ranked[i - 1]!.rank : i + 1,
      tied: sameAsPrevious || (next !== undefined && compareRates(next, entry) === 0),
      overlapsAbove: aboveLow !== undefined && (entry.interval?.high ?? 1) >= aboveLow,
    });
  });
  return { ranked, tooFew };
}
