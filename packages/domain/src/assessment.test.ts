import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countRatings,
  emptyCounts,
  scoreAssessment,
  timeOutcome,
  TT01_RULES,
  describeBands,
  type AnsweredRating,
  type AssessmentCounts,
} from './assessment.ts';
import { ATTITUDE_ANSWERS } from './survey.ts';

const rating = (fields: Partial<AnsweredRating> = {}): AnsweredRating => ({
  category: 'counted',
  satisfied: true,
  visits: null,
  agencies: null,
  attitude: null,
  ...fields,
});

const pointsOf = (counts: AssessmentCounts, officer = false) =>
  Object.fromEntries(
    scoreAssessment(counts, TT01_RULES, officer).indicators.map((s) => [s.indicator, s.points]),
  );

describe('TT 01/2018 scoring, hand-computed', () => {
  it('indicator 3: one visit 2, two 1, three or more 0, the mean over answers given', () => {
    // 2 + 2 + 1 + 0 = 5 over 4 answers = 1,25; the rating without an answer is not in the mean.
    const counts = countRatings(emptyCounts(), [
      rating({ visits: 1 }),
      rating({ visits: 1 }),
      rating({ visits: 2 }),
      rating({ visits: 3 }),
      rating(),
    ]);
    expect(pointsOf(counts)[3]).toBe(1.25);
    expect(counts.ratings).toBe(5);
  });

  it('indicator 4 and 7 from agencies and attitude; superseded, repeat and bad-clock ratings do not count', () => {
    const counts = countRatings(emptyCounts(), [
      rating({ agencies: 1, attitude: 'courteous' }),
      rating({ agencies: 3, attitude: 'not_courteous', satisfied: false }),
      rating({ agencies: 1, attitude: 'harassing', category: 'superseded' }),
      rating({ agencies: 1, attitude: 'harassing', category: 'repeat' }),
      rating({ agencies: 1, attitude: 'harassing', category: 'bad_clock' }),
    ]);
    // (2 + 0) / 2 = 1; (2 + 1) / 2 = 1,5.
    expect(pointsOf(counts)).toMatchObject({ 4: 1, 7: 1.5 });
    const score = scoreAssessment(counts);
    expect(score.answers).toBe(2);
    expect(score.rate).toBe(0.5);
  });

  it('rounds a mean to two decimals: 2 + 1 + 1 over 3 answers is 1,33', () => {
    const counts = countRatings(emptyCounts(), [
      rating({ visits: 1 }),
      rating({ visits: 2 }),
      rating({ visits: 2 }),
    ]);
    expect(pointsOf(counts)[3]).toBe(1.33);
  });

  it('indicator 1 by calendar date: before the due date 2, on it 1, after it or open past it 0', () => {
    expect(timeOutcome({ dueDate: '2026-11-20', returnedDate: '2026-11-19' }, '2026-12-01')).toBe(
      'early',
    );
    expect(timeOutcome({ dueDate: '2026-11-20', returnedDate: '2026-11-20' }, '2026-12-01')).toBe(
      'onDate',
    );
    expect(timeOutcome({ dueDate: '2026-11-20', returnedDate: '2026-11-23' }, '2026-12-01')).toBe(
      'late',
    );
    expect(timeOutcome({ dueDate: '2026-11-20', returnedDate: null }, '2026-11-21')).toBe('late');
    expect(timeOutcome({ dueDate: '2026-11-20', returnedDate: null }, '2026-11-20')).toBeNull();
    const counts = { ...emptyCounts(), time: { early: 3, onDate: 1, late: 0 } };
    expect(pointsOf(counts)[1]).toBe(1.75); // (3×2 + 1) / 4
  });

  it('indicator 8 from the on-time share: 2 at 100 %, 1 at 90 % or more, 0 below', () => {
    const with8 = (judged: number, onTime: number) =>
      pointsOf({ ...emptyCounts(), feedback: { judged, onTime } })[8];
    expect([with8(10, 10), with8(10, 9), with8(10, 8), with8(0, 0)]).toEqual([2, 1, 0, null]);
  });

  it('an upheld complaint about an officer’s conduct sets their indicator 7 to 0, not a unit’s', () => {
    const counts = countRatings(emptyCounts(), [rating({ attitude: 'courteous' })]);
    counts.upheldConduct = 1;
    expect(pointsOf(counts, true)[7]).toBe(0);
    expect(pointsOf(counts, false)[7]).toBe(2);
    expect(pointsOf({ ...emptyCounts(), upheldConduct: 1 }, true)[7]).toBe(0);
  });

  it('totals only what was measured and says out of how much, with its band', () => {
    const counts = countRatings(emptyCounts(), [
      rating({ visits: 1, agencies: 2, attitude: 'courteous' }),
    ]);
    const score = scoreAssessment(counts);
    expect(score.measured).toEqual([3, 4, 7]);
    expect(score.total).toBe(5);
    expect(score.maxMeasured).toBe(6);
    expect(score.band?.vi).toBe('Khá'); // 5/6 = 83 %
    expect(scoreAssessment(emptyCounts())).toMatchObject({
      total: null,
      maxMeasured: 0,
      band: null,
      rate: null,
    });
  });

  it('withholds the band while an indicator the rules require is not measured', () => {
    const attitudeOnly = countRatings(emptyCounts(), [rating({ attitude: 'courteous' })]);
    expect(scoreAssessment(attitudeOnly)).toMatchObject({
      total: 2,
      maxMeasured: 2,
      missing: [3, 4],
      band: null,
    });
    // A province whose rule asks for attitude alone gives the band.
    const rules = { ...TT01_RULES, requiredForBand: [7] as const };
    expect(scoreAssessment(attitudeOnly, rules)).toMatchObject({
      missing: [],
      band: { vi: 'Tốt' },
    });
  });

  it('keeps indicator 8, a unit’s figure, beside the total and never in it', () => {
    const counts = countRatings(emptyCounts(), [
      rating({ visits: 1, agencies: 1, attitude: 'courteous' }),
    ]);
    const officer = scoreAssessment(counts, TT01_RULES, true);
    const unit = scoreAssessment({ ...counts, feedback: { judged: 4, onTime: 1 } });
    expect(unit.indicators.find((s) => s.indicator === 8)).toEqual({
      indicator: 8,
      points: 0,
      n: 4,
      inTotal: false,
    });
    // The same ratings: the same total, out of the same points, the same band.
    for (const key of ['total', 'maxMeasured', 'measured', 'band'] as const) {
      expect(unit[key]).toEqual(officer[key]);
    }
    expect(unit).toMatchObject({ total: 6, maxMeasured: 6, band: { vi: 'Tốt' } });
  });

  it('for any ratings, each indicator stays within 0–2 and the total within what was measured', () => {
    const arb = fc.array(
      fc.record({
        category: fc.constantFrom('counted', 'repeat', 'bad_clock', 'superseded'),
        satisfied: fc.boolean(),
        visits: fc.option(fc.integer({ min: 1, max: 3 })),
        agencies: fc.option(fc.integer({ min: 1, max: 3 })),
        attitude: fc.option(fc.constantFrom(...ATTITUDE_ANSWERS)),
      }),
    );
    fc.assert(
      fc.property(arb, (ratings) => {
        const score = scoreAssessment(countRatings(emptyCounts(), ratings));
        for (const s of score.indicators) {
          if (s.points !== null) expect(s.points).toBeGreaterThanOrEqual(0);
          if (s.points !== null) expect(s.points).toBeLessThanOrEqual(2);
        }
        expect(score.total ?? 0).toBeLessThanOrEqual(score.maxMeasured);
        expect(score.total === null).toBe(score.maxMeasured === 0);
        if (score.band !== null) expect(score.missing).toEqual([]);
        expect(score.answers).toBe(ratings.filter((r) => r.category === 'counted').length);
      }),
    );
  });
});

describe('describeBands', () => {
  it('says each band with its threshold, the last one alone', () => {
    expect(describeBands(TT01_RULES.bands, 'vi')).toBe(
      'Tốt từ 90%, Khá từ 75%, Trung bình từ 50%, Kém',
    );
    expect(describeBands(TT01_RULES.bands, 'en')).toBe(
      'Good from 90%, Fair from 75%, Average from 50%, Poor',
    );
  });
});
