/**
 * What a device has delivered, as sorted, disjoint, non-adjacent ranges of its sequence numbers.
 * A tablet numbers its records 1, 2, 3… with no gaps, so any hole below the highest number received
 * is a record still on the tablet, or lost: the office's proof that nothing is missing.
 */
export interface SeqRange {
  from: number;
  to: number;
}

/** Adds sequence numbers to ranges, merging overlaps and neighbours. */
export function mergeSeqRanges(ranges: readonly SeqRange[], seqs: Iterable<number>): SeqRange[] {
  const all = [...ranges.map((r) => ({ ...r })), ...[...seqs].map((s) => ({ from: s, to: s }))];
  all.sort((a, b) => a.from - b.from);
  const merged: SeqRange[] = [];
  for (const range of all) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push(range);
  }
  return merged;
}

/** The holes below the highest number received; numbering starts at 1. */
export function seqGaps(ranges: readonly SeqRange[]): SeqRange[] {
  const gaps: SeqRange[] = [];
  let expected = 1;
  for (const range of ranges) {
    if (range.from > expected) gaps.push({ from: expected, to: range.from - 1 });
    expected = Math.max(expected, range.to + 1);
  }
  return gaps;
}

/**
 * What the server still lacks of a device that says it has numbered `highest` records: the holes
 * below the highest number received, and the tail above it up to `highest`. At most `limit` ranges,
 * lowest first — a tablet resends what it still keeps of them and asks again.
 */
export function missingSeqRanges(
  ranges: readonly SeqRange[],
  highest: number,
  limit = Number.POSITIVE_INFINITY,
): SeqRange[] {
  const missing: SeqRange[] = [];
  let expected = 1;
  for (const range of ranges) {
    if (expected > highest || missing.length >= limit) return missing;
    if (range.from > expected)
      missing.push({ from: expected, to: Math.min(range.from - 1, highest) });
    expected = Math.max(expected, range.to + 1);
  }
  if (expected <= highest && missing.length < limit) missing.push({ from: expected, to: highest });
  return missing;
}
