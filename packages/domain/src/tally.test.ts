import { describe, expect, it } from 'vitest';
import type { OnTimeRow } from './on-time.ts';
import type { RatingRollupRow, ReasonRollupRow, RollupCategory } from './rollup.ts';
import { tallyMonth, type TallyInput } from './tally.ts';

const M = '2026-11';

const row = (
  unitId: string,
  sectorId: string,
  level: number,
  count: number,
  category: RollupCategory = 'counted',
  month = M,
): RatingRollupRow => ({ unitId, sectorId, month, level, category, count });

const reason = (sectorId: string, r: string, count: number, unitId = 'tp'): ReasonRollupRow => ({
  unitId,
  sectorId,
  month: M,
  reason: r,
  count,
});

/**
 * Sở Tư pháp (five levels) and a ward on the three-level scale, November 2026, computed by hand:
 * - Hộ tịch, 90 %: 20+16 of 40 satisfied = 90,0 % → met exactly; 3 repeats and 1 bad clock aside.
 * - Chứng thực, 95 %: 18 of 20 = 90 % → unmet, too few; 20 more in a row give 38/40 = 95 %.
 * - Lý lịch tư pháp, 90 %: a single "Không hài lòng" → 0 %, 9 more give 9/10.
 * - Bồi thường nhà nước: no answers.
 * - Unit: 54 of 61 = 88,5 % against the default 90 % → 9 more give 63/70.
 * - Ward, Đất đai, 91 %: 25+5 of 33 = 90,9 % → unmet by one answer (31/34 = 91,2 %); 2 answers at
 *   a level the three-level scale lacks are set aside.
 * - Overall: 84 of 94 → 6 more give 90/100.
 */
const input: TallyInput = {
  month: M,
  targetBp: 9000,
  units: [
    {
      id: 'tp',
      name: 'Sở Tư pháp',
      scale: 'five',
      sectors: [
        { id: 'ht', name: 'Hộ tịch', targetBp: 9000 },
        { id: 'ct', name: 'Chứng thực', targetBp: 9500 },
        { id: 'll', name: 'Lý lịch tư pháp', targetBp: 9000 },
        { id: 'bt', name: 'Bồi thường nhà nước', targetBp: 9000 },
      ],
    },
    {
      id: 'bn',
      name: 'UBND phường Bến Nghé',
      scale: 'three',
      sectors: [{ id: 'dd', name: 'Đất đai', targetBp: 9100 }],
    },
  ],
  rollups: [
    row('tp', 'ht', 5, 20),
    row('tp', 'ht', 4, 16),
    row('tp', 'ht', 3, 2),
    row('tp', 'ht', 2, 1),
    row('tp', 'ht', 1, 1),
    row('tp', 'ht', 5, 3, 'repeat'),
    row('tp', 'ht', 1, 1, 'bad_clock'),
    row('tp', 'ct', 5, 10),
    row('tp', 'ct', 4, 8),
    row('tp', 'ct', 3, 1),
    row('tp', 'ct', 1, 1),
    row('tp', 'll', 2, 1),
    row('bn', 'dd', 3, 25),
    row('bn', 'dd', 2, 5),
    row('bn', 'dd', 1, 3),
    row('bn', 'dd', 5, 2),
    // Another month and a unit not asked for: ignored.
    row('tp', 'ht', 1, 50, 'counted', '2026-10'),
    row('other', 'x', 5, 9),
  ],
  reasons: [
    reason('ht', 'waiting_time', 2),
    reason('ht', 'staff_attitude', 1),
    reason('ll', 'staff_attitude', 1),
    reason('dd', 'came_back', 3, 'bn'),
  ],
};

describe('tallyMonth', () => {
  const tally = tallyMonth(input);
  const [tp, bn] = tally.units;

  it('counts a five-level unit per sector, by hand', () => {
    expect(tally.minSample).toBe(30);
    const [ht, ct, ll, bt] = tp!.sectors;
    expect(ht).toMatchObject({
      sectorName: 'Hộ tịch',
      total: 40,
      satisfied: 36,
      rate: 0.9,
      met: true,
      tooFew: false,
      moreNeeded: 0,
      repeats: 3,
      badClock: 1,
      targetBp: 9000,
      target: 0.9,
    });
    expect(ht!.levels).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
      { level: 3, count: 2 },
      { level: 4, count: 16 },
      { level: 5, count: 20 },
    ]);
    expect(ht!.reasons).toEqual([
      { reason: 'waiting_time', count: 2 },
      { reason: 'staff_attitude', count: 1 },
    ]);
    expect(ht!.interval!.low).toBeCloseTo(0.7695, 4);
    expect(ht!.interval!.high).toBeCloseTo(0.9604, 4);
    expect(ct).toMatchObject({
      total: 20,
      satisfied: 18,
      met: false,
      tooFew: true,
      moreNeeded: 20,
    });
    expect(ll).toMatchObject({ total: 1, satisfied: 0, rate: 0, met: false, moreNeeded: 9 });
    expect(ll!.interval!.low).toBe(0);
    expect(ll!.interval!.high).toBeCloseTo(0.7935, 4);
    expect(bt).toMatchObject({ total: 0, rate: null, met: null, interval: null, tooFew: true });
    expect(bt!.levels.every((l) => l.count === 0)).toBe(true);
  });

  it('adds the unit up from its sectors', () => {
    expect(tp!.totals).toMatchObject({
      total: 61,
      satisfied: 54,
      met: false,
      moreNeeded: 79,
      repeats: 3,
      badClock: 1,
      sectorsMet: 1,
      sectorsUnmet: 2,
    });
    expect(tp!.totals.rate).toBeCloseTo(54 / 61, 12);
    expect(tp!.totals.levels.map((l) => l.count)).toEqual([2, 2, 3, 24, 30]);
    // Ties are listed in code order.
    expect(tp!.totals.reasons).toEqual([
      { reason: 'staff_attitude', count: 2 },
      { reason: 'waiting_time', count: 2 },
    ]);
  });

  it('counts a three-level unit with its own satisfied levels', () => {
    const [dd] = bn!.sectors;
    expect(bn!.scale).toBe('three');
    expect(dd).toMatchObject({
      total: 33,
      satisfied: 30,
      met: false,
      moreNeeded: 1,
      otherLevels: 2,
    });
    // In the order of the legal form: Rất hài lòng, Hài lòng, Chưa hài lòng.
    expect(dd!.levels).toEqual([
      { level: 3, count: 25 },
      { level: 2, count: 5 },
      { level: 1, count: 3 },
    ]);
  });

  it('gives the overall figure of every unit', () => {
    expect(tally.overall).toMatchObject({
      total: 94,
      satisfied: 84,
      met: false,
      moreNeeded: 106,
      repeats: 3,
      badClock: 1,
      otherLevels: 2,
    });
    expect(tally.overall.reasons[0]).toEqual({ reason: 'came_back', count: 3 });
    expect(tp!.feedback).toBeUndefined();
  });

  it('tallies an empty month as zeros, not as missing units', () => {
    const empty = tallyMonth({ ...input, month: '2026-12' });
    expect(empty.units.map((u) => u.sectors.length)).toEqual([4, 1]);
    expect(empty.overall).toMatchObject({ total: 0, rate: null, met: null, moreNeeded: 1 });
    expect(empty.units[0]!.totals).toMatchObject({ sectorsMet: 0, sectorsUnmet: 0 });
  });

  it('keeps answers of a sector missing from the catalogue under its id', () => {
    const stray = tallyMonth({ ...input, rollups: [...input.rollups, row('bn', 'gone', 3, 4)] });
    const sectors = stray.units[1]!.sectors;
    expect(sectors.map((s) => s.sectorName)).toEqual(['Đất đai', 'gone']);
    expect(stray.units[1]!.totals.total).toBe(37);
  });

  it('adds the on-time figure of feedback when the register gives one', () => {
    const onTime: OnTimeRow = {
      unitId: 'tp',
      month: M,
      received: 10,
      duplicates: 1,
      answered: 9,
      answeredOnTime: 9,
      overdueOpen: 1,
      accepted: 6,
      notAccepted: 1,
      rate: 0.9,
      score: 1,
    };
    const withFeedback = tallyMonth({ ...input, feedback: [onTime] });
    expect(withFeedback.units[0]!.feedback).toMatchObject({ received: 10, rate: 0.9, score: 1 });
    expect(withFeedback.units[1]!.feedback).toMatchObject({ received: 0, rate: null, score: null });
  });
});

describe('a unit whose sectors all aim at 95%', () => {
  // Sở Kế hoạch và Đầu tư: four sectors at 95%, one meets it; the unit pools 93 of 100.
  const sectors = ['dkkd', 'dau-tu', 'dau-thau', 'htx'].map((id) => ({
    id,
    name: id,
    targetBp: 9500,
  }));
  const rows = (sectorId: string, satisfied: number, unsatisfied: number) => [
    {
      unitId: 'khdt',
      sectorId,
      month: '2026-11',
      level: 5,
      category: 'counted' as const,
      count: satisfied,
    },
    {
      unitId: 'khdt',
      sectorId,
      month: '2026-11',
      level: 1,
      category: 'counted' as const,
      count: unsatisfied,
    },
  ];
  const tally = tallyMonth({
    month: '2026-11',
    targetBp: 9000,
    units: [{ id: 'khdt', name: 'Sở Kế hoạch và Đầu tư', scale: 'five', sectors }],
    rollups: [
      ...rows('dkkd', 24, 1),
      ...rows('dau-tu', 23, 2),
      ...rows('dau-thau', 23, 2),
      ...rows('htx', 23, 2),
    ],
    reasons: [],
  });

  it('judges the unit against 95%, not against a 90% nobody set for it', () => {
    const [unit] = tally.units;
    expect(unit!.sectors.map((s) => s.met)).toEqual([true, false, false, false]);
    expect(unit!.totals).toMatchObject({
      total: 100,
      satisfied: 93,
      rate: 0.93,
      target: 0.95,
      met: false,
      sectorsMet: 1,
      sectorsUnmet: 3,
    });
    expect(tally.overall).toMatchObject({ rate: 0.93, target: 0.95, met: false });
  });
});
