import { describe, expect, it } from 'vitest';
import { countRatings, emptyCounts, scoreAssessment, type AnsweredRating } from './assessment.ts';
import { rankAssessment } from './assessment-rank.ts';

const rating = (fields: Partial<AnsweredRating> = {}): AnsweredRating => ({
  category: 'counted',
  satisfied: true,
  visits: null,
  agencies: null,
  attitude: null,
  ...fields,
});

describe('ranking a TT 01/2018 table', () => {
  const collate = (a: string, b: string) => a.localeCompare(b, 'vi');
  const withAnswers = (
    name: string,
    n: number,
    answers: Partial<AnsweredRating> = { visits: 1, agencies: 1, attitude: 'courteous' },
  ) => ({
    name,
    score: scoreAssessment(
      countRatings(
        emptyCounts(),
        Array.from({ length: n }, () => rating(answers)),
      ),
    ),
  });

  it('never ranks an officer with fewer than 30 answers', () => {
    const ranked = rankAssessment(
      [
        withAnswers('An', 29),
        withAnswers('Bình', 30, { visits: 3, agencies: 3, attitude: 'harassing' }),
        withAnswers('Chi', 40),
      ],
      30,
      collate,
    );
    expect(ranked.map((r) => [r.row.name, r.rank, r.unranked])).toEqual([
      ['Chi', 1, null],
      ['Bình', 2, null],
      ['An', null, 'few_answers'],
    ]);
  });

  it('lists rows with no total or no band unranked, and equal totals share a rank', () => {
    const ranked = rankAssessment(
      [
        withAnswers('Dũng', 5, {}),
        withAnswers('Chi', 5),
        withAnswers('Bình', 5, { attitude: 'courteous' }),
        withAnswers('An', 5),
        withAnswers('Em', 5, { visits: 2, agencies: 1, attitude: 'courteous' }),
        withAnswers('Giang', 5, { visits: 2, agencies: 1, attitude: 'courteous' }),
        withAnswers('Hà', 5, { visits: 3, agencies: 1, attitude: 'courteous' }),
      ],
      1,
      collate,
    );
    expect(ranked.map((r) => [r.row.name, r.rank, r.unranked])).toEqual([
      ['An', 1, null],
      ['Chi', 1, null],
      ['Em', 3, null],
      ['Giang', 3, null],
      ['Hà', 5, null],
      ['Bình', null, 'few_indicators'],
      ['Dũng', null, 'no_total'],
    ]);
  });

  it('compares shares exactly: 4,2 of 6 and 5,6 of 8 are a tie (in floating point, 0,7000000000000001 and 0,7)', () => {
    const row = (name: string, total: number, maxMeasured: number) => ({
      name,
      score: { ...withAnswers(name, 1).score, total, maxMeasured },
    });
    const ranked = rankAssessment([row('A', 4.2, 6), row('B', 5.6, 8)], 1, collate);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });
});
