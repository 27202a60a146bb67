import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it.each([
    [0, 0, 1_000],
    [0, 0.999, 1_000],
    [1, 0, 1_000],
    [1, 1, 2_000],
    [2, 0, 2_000],
    [2, 0.5, 3_000],
    [3, 1, 8_000],
    [8, 1, 256_000],
    [9, 0, 150_000],
    [9, 1, 300_000],
    [40, 0.5, 225_000],
    [10_000, 1, 300_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, random)).toBe(expected);
  });

  it('stays between 1 s and 5 min and never shrinks as attempts grow', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, random) => {
        const delay = backoffDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);
        expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS);
        // The lowest wait of the next attempt is at least the lowest of this one.
        expect(backoffDelay(attempt + 1, 0)).toBeGreaterThanOrEqual(backoffDelay(attempt, 0));
      }),
    );
  });

  it('spreads tablets that fail together', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => backoffDelay(5, r)));
    expect(delays.size).toBe(4);
  });
});
