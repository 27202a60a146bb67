import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSeqRanges, missingSeqRanges, seqGaps } from './seq-ranges.ts';

describe('sequence ranges', () => {
  it('merges overlapping and adjacent numbers', () => {
    const ranges = mergeSeqRanges([{ from: 1, to: 3 }], [4, 5, 9, 7, 8, 20]);
    expect(ranges).toEqual([
      { from: 1, to: 5 },
      { from: 7, to: 9 },
      { from: 20, to: 20 },
    ]);
    expect(seqGaps(ranges)).toEqual([
      { from: 6, to: 6 },
      { from: 10, to: 19 },
    ]);
  });

  it('reports the missing start of a sequence as a gap', () => {
    expect(seqGaps(mergeSeqRanges([], [3, 4]))).toEqual([{ from: 1, to: 2 }]);
    expect(seqGaps([])).toEqual([]);
  });

  it('covers exactly the numbers given, whatever the order and batching', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 40 })),
        (batches) => {
          let ranges = mergeSeqRanges([], []);
          for (const batch of batches) ranges = mergeSeqRanges(ranges, batch);
          const covered = new Set(
            ranges.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i)),
          );
          expect(covered).toEqual(new Set(batches.flat()));
          for (let i = 1; i < ranges.length; i++)
            expect(ranges[i]!.from).toBeGreaterThan(ranges[i - 1]!.to + 1);
          const highest = Math.max(0, ...batches.flat());
          const missing = seqGaps(ranges).reduce((n, g) => n + g.to - g.from + 1, 0);
          expect(missing).toBe(highest - covered.size);
        },
      ),
    );
  });

  it('names what the server lacks up to the number the tablet has reached', () => {
    const received = mergeSeqRanges([], [1, 2, 3, 6, 7, 10]);
    expect(missingSeqRanges(received, 12)).toEqual([
      { from: 4, to: 5 },
      { from: 8, to: 9 },
      { from: 11, to: 12 },
    ]);
    // A server restored from an old backup: everything after its last range is missing.
    expect(missingSeqRanges(mergeSeqRanges([], [1, 2]), 40)).toEqual([{ from: 3, to: 40 }]);
    expect(missingSeqRanges([], 3)).toEqual([{ from: 1, to: 3 }]);
    expect(missingSeqRanges(received, 7)).toEqual([{ from: 4, to: 5 }]);
    expect(missingSeqRanges(received, 0)).toEqual([]);
    // Numbers above what the tablet claims are not asked for.
    expect(missingSeqRanges(received, 5)).toEqual([{ from: 4, to: 5 }]);
    expect(missingSeqRanges(received, 12, 2)).toEqual([
      { from: 4, to: 5 },
      { from: 8, to: 9 },
    ]);
  });

  it('asks for exactly the numbers up to the highest that were not received', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 250 }),
        (seqs, highest) => {
          const received = new Set(seqs);
          const missing = missingSeqRanges(mergeSeqRanges([], seqs), highest);
          const asked = missing.flatMap((r) =>
            Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i),
          );
          const expected = Array.from({ length: highest }, (_, i) => i + 1).filter(
            (n) => !received.has(n),
          );
          expect(asked).toEqual(expected);
        },
      ),
    );
  });
});
