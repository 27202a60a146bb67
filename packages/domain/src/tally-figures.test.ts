import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetsTarget } from './rate-verdict.ts';
import { figuresOf, moreNeeded, ZERO_COUNTS } from './tally-figures.ts';

/** s of n and a target below 100 %, n ≥ 1; up to 50 million answers (five years of a deployment). */
const cell = fc
  .integer({ min: 1, max: 50_000_000 })
  .chain((n) =>
    fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n), fc.integer({ min: 0, max: 9999 })),
  );

describe('meetsTarget and moreNeeded', () => {
  it.each([
    // s, n, target bp, met, k
    [36, 40, 9000, true, 0], // exactly 90 %: met, no float drift
    [18, 20, 9500, false, 20], // 38/40 = 95 %; 37/39 is not
    [0, 1, 9000, false, 9], // 9/10
    [30, 33, 9100, false, 1], // 30/33 = 90,9 % < 91 %; 31/34 = 91,2 %
    [183, 200, 9150, true, 0], // 91,5 % meets 91,5 %
    [182, 200, 9150, false, 12], // 194/212 = 91,509 %; 193/211 = 91,469 %
    [9, 10, 10_000, false, null], // 100 % cannot be reached after a miss
    [10, 10, 10_000, true, 0],
    [0, 0, 9000, null, 1], // no answers: one satisfied answer is 100 %
  ])('%i of %i against %i bp → met %s, %s more', (s, n, bp, met, k) => {
    expect(figuresOf({ ...ZERO_COUNTS, total: n, satisfied: s }, bp, 30).met).toBe(met);
    expect(moreNeeded(s, n, bp)).toBe(k);
  });

  it('reaches the target exactly: with k more it meets, with k − 1 it does not', () => {
    fc.assert(
      fc.property(cell, ([s, n, bp]) => {
        const k = moreNeeded(s, n, bp)!;
        expect(k).toBeGreaterThanOrEqual(0);
        expect(meetsTarget(s + k, n + k, bp)).toBe(true);
        if (k > 0) expect(meetsTarget(s + k - 1, n + k - 1, bp)).toBe(false);
        else expect(meetsTarget(s, n, bp)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with exact rational comparison of the rate and the target', () => {
    fc.assert(
      fc.property(cell, ([s, n, bp]) => {
        const exact = BigInt(s) * 10_000n >= BigInt(bp) * BigInt(n);
        expect(meetsTarget(s, n, bp)).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });

  it('has no answer for a 100 % target once an answer was unsatisfied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(), (n, missing) => {
        const s = n - 1 - (missing % n);
        expect(moreNeeded(s, n, 10_000)).toBeNull();
      }),
    );
  });
});

describe('figuresOf', () => {
  it('flags fewer answers than the minimum sample and keeps flagged ratings out of the rate', () => {
    const figures = figuresOf(
      { ...ZERO_COUNTS, total: 29, satisfied: 29, repeats: 7, badClock: 2, otherLevels: 1 },
      9500,
      30,
    );
    expect(figures).toMatchObject({ rate: 1, tooFew: true, met: true, repeats: 7, badClock: 2 });
    expect(figures.target).toBe(0.95);
    expect(figuresOf({ ...ZERO_COUNTS, total: 30, satisfied: 29 }, 9500, 30).tooFew).toBe(false);
  });

  it('gives the phone ratings kept apart a rate of their own, outside the official one', () => {
    const counts = {
      ...ZERO_COUNTS,
      total: 10,
      satisfied: 9,
      unverified: 4,
      unverifiedSatisfied: 1,
    };
    const figures = figuresOf({ ...counts, late: 3 }, 9000, 5);
    expect(figures).toMatchObject({ rate: 0.9, met: true, unverifiedRate: 0.25, late: 3 });
    expect(figuresOf(ZERO_COUNTS, 9000, 5).unverifiedRate).toBeNull();
  });
});
