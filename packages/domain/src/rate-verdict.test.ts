import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inheritOverallTarget } from './node-targets.ts';
import { rateVerdict } from './rate-verdict.ts';
import { figuresOf, ZERO_COUNTS } from './tally-figures.ts';

describe('rateVerdict, the one rule', () => {
  it('never says "not met" below the minimum sample, whatever the rate or target', () => {
    fc.assert(
      fc.property(fc.nat(29), fc.nat(29), fc.integer({ min: 0, max: 10_000 }), (s, n, bp) => {
        const total = Math.max(s, n);
        expect(rateVerdict(Math.min(s, n), total, bp, 30)).toBe('too-few');
        expect(rateVerdict(Math.min(s, n), total, null, 30)).toBe('too-few');
      }),
    );
  });

  it('gives no verdict without a target, once there are enough answers', () => {
    expect(rateVerdict(47, 50, null, 30)).toBeNull();
    // 3 ratings, 2 satisfied: 66,7 % is shown, never "Chưa đạt".
    const three = figuresOf({ ...ZERO_COUNTS, total: 3, satisfied: 2 }, 9100, 30);
    expect(three).toMatchObject({ met: false, tooFew: true, verdict: 'too-few' });
    const none = figuresOf({ ...ZERO_COUNTS, total: 50, satisfied: 47 }, null, 30);
    expect(none).toMatchObject({ target: null, met: null, moreNeeded: null, verdict: null });
  });

  it('says "not significantly different" when the interval holds the target, on either side', () => {
    expect(rateVerdict(47, 50, 9100, 30)).toBe('not-significant');
    expect(rateVerdict(94, 106, 9100, 30)).toBe('not-significant');
    expect(rateVerdict(940, 1000, 9100, 30)).toBe('met');
    expect(rateVerdict(850, 1000, 9100, 30)).toBe('not-met');
  });
});

describe('inheritOverallTarget', () => {
  const own = new Map([
    ['tinh', 9100],
    ['tt', 9700],
  ]);
  const lookup = (id: string) => own.get(id);

  it('takes the node’s own, else the nearest ancestor’s, else none', () => {
    expect(inheritOverallTarget(['tt', 'tinh'], lookup)).toEqual({
      targetBp: 9700,
      source: 'overall',
    });
    expect(inheritOverallTarget(['xa-a', 'huyen', 'tinh'], lookup)).toEqual({
      targetBp: 9100,
      source: 'inherited',
    });
    expect(inheritOverallTarget(['khac'], lookup)).toEqual({ targetBp: null, source: 'none' });
  });
});
