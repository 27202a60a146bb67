import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_TOLERANCE_MS,
  flagNeighbourhoods,
  flagRatings,
  hasBadClock,
  type FlagContext,
  type NewRating,
  type RatingFlag,
  type StoredRating,
} from './rating-flags.ts';

const DAY = 24 * 60 * 60 * 1000;
const enrolledAt = Date.UTC(2026, 9, 1);
const receivedAt = Date.UTC(2026, 10, 23, 3);
const context: FlagContext = { enrolledAt, receivedAt, repeatWindowMs: 5000 };
let n = 0;
const at = (deviceTime: number, possibleRepeat = false): NewRating => ({
  id: `r${++n}`,
  seq: n,
  deviceTime,
  possibleRepeat,
});
const categories = (flags: RatingFlag[]) => flags.map((f) => f.category);

describe('rating flags', () => {
  it('counts ordinary ratings in the month of their device time (Việt Nam)', () => {
    const t = Date.UTC(2026, 9, 31, 18); // 01:00 on 1 November in Hà Nội
    expect(flagRatings(context, [at(t)], []).flags).toEqual([
      { category: 'counted', month: '2026-11' },
    ]);
  });

  it('flags presses within the window after another, and the tablet’s own mark', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const ratings = [at(t), at(t + 2000), at(t + 9000), at(t + 30000, true)];
    expect(categories(flagRatings(context, ratings, []).flags)).toEqual([
      'counted',
      'repeat',
      'counted',
      'repeat',
    ]);
  });

  it('orders by device time, not by the order given: the later press is the repeat', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    expect(categories(flagRatings(context, [at(t + 2000), at(t)], []).flags)).toEqual([
      'repeat',
      'counted',
    ]);
  });

  it('continues from stored ratings, and names stored ones a late earlier rating makes repeats', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const stored: StoredRating[] = [
      { id: 's1', seq: 1, deviceTime: t - 1000, category: 'counted' },
      { id: 's2', seq: 3, deviceTime: t + 3000, category: 'counted' },
      { id: 's3', seq: 4, deviceTime: t + 4000, category: 'repeat' },
      { id: 's4', seq: 5, deviceTime: t + 9000, category: 'counted' },
    ];
    const result = flagRatings(context, [{ ...at(t), seq: 2 }], stored);
    expect(categories(result.flags)).toEqual(['repeat']);
    expect(result.nowRepeats).toEqual(['s2']);
  });

  it('flags a clock before enrollment or days ahead, counts it by receipt month, and never measures from it', () => {
    const early = enrolledAt - CLOCK_TOLERANCE_MS;
    const flags = flagRatings(
      context,
      [at(early - 1), at(receivedAt + 3 * DAY), at(Date.UTC(2000, 0, 1)), at(early + 1000)],
      [{ id: 'old', seq: 0, deviceTime: early - 2000, category: 'bad_clock' }],
    ).flags;
    expect(flags).toEqual([
      ...Array(3).fill({ category: 'bad_clock', month: '2026-11' }),
      { category: 'counted', month: '2026-09' },
    ]);
  });

  it('orders equal device times by sequence number, then id', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const ratings = [
      { id: 'b', seq: 7, deviceTime: t, possibleRepeat: false },
      { id: 'a', seq: 7, deviceTime: t, possibleRepeat: false },
      { id: 'c', seq: 6, deviceTime: t, possibleRepeat: false },
    ];
    expect(categories(flagRatings(context, ratings, []).flags)).toEqual([
      'repeat',
      'repeat',
      'counted',
    ]);
  });

  it('flags nothing by time when the window is zero', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const zero = { ...context, repeatWindowMs: 0 };
    expect(categories(flagRatings(zero, [at(t), at(t)], []).flags)).toEqual(['counted', 'counted']);
  });

  it('asks for the stored ratings a window either side of each believable new one', () => {
    const t = Date.UTC(2026, 10, 20, 2);
    const ranges = flagNeighbourhoods(context, [at(t + 20_000), at(t), at(t + 6000), at(0)]);
    expect(ranges).toEqual([
      { from: t - 5000, to: t + 11_000 },
      { from: t + 15_000, to: t + 25_000 },
    ]);
  });
});

/** A tablet's ratings, clustered so that many fall within the window of another, some with bad clocks. */
const timeline = fc
  .record({
    window: fc.constantFrom(0, 5000, 30_000),
    steps: fc.array(
      fc.record({
        gap: fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 40 * DAY })),
        seqGap: fc.constantFrom(0, 1, 1, 1, 2),
        mark: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
        level: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ window, steps }) => {
    let time = enrolledAt - CLOCK_TOLERANCE_MS - 60_000;
    let seq = 0;
    const ratings = steps.map((s, i) => {
      time += s.gap;
      seq += s.seqGap;
      return { id: `id-${i}`, seq, deviceTime: time, possibleRepeat: s.mark, level: s.level };
    });
    return { context: { ...context, repeatWindowMs: window }, ratings };
  });

type Rated = NewRating & { level: number };

/** Uploads `batches` one after the other to a simulated server store, as the sync service does. */
function upload(ctx: FlagContext, batches: Rated[][]) {
  const store = new Map<string, StoredRating & { month: string; level: number }>();
  for (const batch of batches) {
    const ranges = flagNeighbourhoods(ctx, batch);
    // What the repository loads: only the device's ratings in those ranges.
    const near = [...store.values()].filter((s) =>
      ranges.some((g) => s.deviceTime >= g.from && s.deviceTime <= g.to),
    );
    const { flags, nowRepeats } = flagRatings(ctx, batch, near);
    batch.forEach((r, i) => store.set(r.id, { ...r, ...flags[i]! }));
    for (const id of nowRepeats) store.get(id)!.category = 'repeat';
  }
  return store;
}

describe('rating flags over any batching', () => {
  it('give every rating the flag of the rule, whatever the batching and order', () => {
    fc.assert(
      fc.property(
        timeline.chain(({ context: ctx, ratings }) =>
          fc.record({
            ctx: fc.constant(ctx),
            ratings: fc.constant(ratings),
            order: fc.shuffledSubarray(ratings, {
              minLength: ratings.length,
              maxLength: ratings.length,
            }),
            cuts: fc.array(fc.integer({ min: 1, max: ratings.length }), { maxLength: 8 }),
          }),
        ),
        ({ ctx, ratings, order, cuts }) => {
          const points = [...new Set([0, ...cuts, order.length])].sort((a, b) => a - b);
          const batches = points.slice(1).map((end, i) => order.slice(points[i], end));
          const store = upload(ctx, batches);
          const valid = ratings.filter((r) => !hasBadClock(ctx, r.deviceTime));
          for (const r of ratings) {
            const expected = hasBadClock(ctx, r.deviceTime)
              ? 'bad_clock'
              : r.possibleRepeat ||
                  valid.some(
                    (o) =>
                      o !== r &&
                      r.deviceTime - o.deviceTime < ctx.repeatWindowMs &&
                      (o.deviceTime < r.deviceTime ||
                        (o.deviceTime === r.deviceTime &&
                          (o.seq < r.seq || (o.seq === r.seq && o.id < r.id)))),
                  )
                ? 'repeat'
                : 'counted';
            expect(store.get(r.id)!.category, r.id).toBe(expected);
          }
          // And so the same tally as one upload of everything in sequence order.
          const tally = (s: ReturnType<typeof upload>) =>
            [...s.values()].map((r) => `${r.month}|${r.level}|${r.category}`).sort();
          expect(tally(store)).toEqual(tally(upload(ctx, [ratings])));
        },
      ),
      { numRuns: 500 },
    );
  });
});
