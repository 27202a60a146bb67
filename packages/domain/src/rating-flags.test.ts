import { describe, expect, it } from 'vitest';
import { flagRatings, CLOCK_TOLERANCE_MS } from './rating-flags.ts';

const DAY = 24 * 60 * 60 * 1000;
const enrolledAt = Date.UTC(2026, 9, 1);
const receivedAt = Date.UTC(2026, 10, 23, 3);
const context = { enrolledAt, receivedAt, lastRatingAt: null, repeatWindowMs: 5000 };
const at = (ms: number, possibleRepeat = false) => ({ deviceTime: ms, possibleRepeat });

describe('rating flags', () => {
  it('counts ordinary ratings in the month of their device time (Việt Nam)', () => {
    const t = Date.UTC(2026, 9, 31, 18); // 01:00 on 1 November in Hà Nội
    expect(flagRatings(context, [at(t)])).toEqual([{ category: 'counted', month: '2026-11' }]);
  });

  it('flags presses within the repeat window, and the tablet’s own mark', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const flags = flagRatings(context, [at(t), at(t + 2000), at(t + 9000), at(t + 30000, true)]);
    expect(flags.map((f) => f.category)).toEqual(['counted', 'repeat', 'counted', 'repeat']);
  });

  it('continues the repeat check from the previous batch', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const flags = flagRatings({ ...context, lastRatingAt: t - 1000 }, [at(t)]);
    expect(flags[0]!.category).toBe('repeat');
  });

  it('flags a clock before enrollment or days ahead, counting it by receipt month', () => {
    const flags = flagRatings(context, [
      at(enrolledAt - CLOCK_TOLERANCE_MS - 1),
      at(receivedAt + 3 * DAY),
      at(Date.UTC(2000, 0, 1)),
    ]);
    expect(flags).toEqual(Array(3).fill({ category: 'bad_clock', month: '2026-11' }));
  });
});
