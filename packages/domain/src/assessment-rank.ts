/**
 * The ranking of a TT 01/2018 table (issue 23: tables an officer cannot challenge): only rows with
 * a band and enough answers are ranked, by their share of the points measured, compared exactly;
 * equal shares share a rank. Every other row is listed after, with the reason it has none.
 */
import type { AssessmentScore } from './assessment.ts';

/** Why a row has no rank: nothing totalled, an indicator the band needs missing, too few answers. */
export type Unranked = 'no_total' | 'few_indicators' | 'few_answers';

export interface RankedRow<T> {
  row: T;
  /** 1, 2, …, equal totals sharing one (1, 1, 3); null for the rows `unranked` says why. */
  rank: number | null;
  unranked: Unranked | null;
}

/** A total's share of the points measured as an exact fraction: totals have 2 decimals. */
const shareOf = (s: AssessmentScore) => ({ num: Math.round(s.total! * 100), den: s.maxMeasured });

/**
 * Ranks the rows with a band and at least `minAnswers` answers by their share of the points
 * measured, highest first; equal shares share a rank (the next rank skips as many) and are listed
 * by name. The other rows follow by name, unranked with the reason: a total of a few indicators,
 * or of a handful of answers, says nothing a rank could rest on.
 */
export function rankAssessment<T extends { score: AssessmentScore; name: string }>(
  rows: readonly T[],
  minAnswers: number,
  collate: (a: string, b: string) => number,
): RankedRow<T>[] {
  const why = ({ score }: T): Unranked | null =>
    score.total === null
      ? 'no_total'
      : score.band === null
        ? 'few_indicators'
        : score.answers < minAnswers
          ? 'few_answers'
          : null;
  // b's share minus a's, compared in integers: 7/8 and 8,75/10 are equal, not 1e-16 apart.
  const byShare = (a: AssessmentScore, b: AssessmentScore) => {
    const x = shareOf(a);
    const y = shareOf(b);
    return y.num * x.den - x.num * y.den;
  };
  const ranked = rows
    .filter((r) => why(r) === null)
    .sort((a, b) => byShare(a.score, b.score) || collate(a.name, b.name));
  const out: RankedRow<T>[] = [];
  ranked.forEach((row, i) => {
    const above = out[i - 1];
    const tied = above !== undefined && byShare(above.row.score, row.score) === 0;
    out.push({ row, rank: tied ? above.rank : i + 1, unranked: null });
  });
  const rest = rows.filter((r) => why(r) !== null).sort((a, b) => collate(a.name, b.name));
  return [...out, ...rest.map((row) => ({ row, rank: null, unranked: why(row) }))];
}
