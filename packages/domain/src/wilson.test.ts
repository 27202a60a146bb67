import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson.ts';

describe('wilsonInterval', () => {
  it.each([
    // Hand-computed with z = 1.96: (2s + z² ± z√(z² + 4s(n−s)/n)) / 2(n + z²).
    [9, 10, 0.5958, 0.9821],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [1, 1, 0.2065, 1],
    [0, 1, 0, 0.7935],
    [36, 40, 0.7695, 0.9604],
  ])('%i of %i → [%f, %f]', (s, n, low, high) => {
    const interval = wilsonInterval(s, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('has no interval without answers', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('always holds the observed rate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 50_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const { low, high } = wilsonInterval(s, n)!;
          expect(0).toBeLessThanOrEqual(low);
          expect(low).toBeLessThanOrEqual(s / n);
          expect(s / n).toBeLessThanOrEqual(high);
          expect(high).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
