/**
 * The assessment of Thông tư 01/2018/TT-VPCP (art. 13–15): nine indicators of each dossier, each
 * scored 2/1/0 points (18 at most), consolidated per officer, unit and sector over a period.
 *
 * What hailong can measure, and from where:
 * - (1) total time against the legal limit: the one-stop system's dossier export (returned before
 *   the due date 2, on it 1, after it or still open past it 0 — as provincial one-stop systems score
 *   it);
 * - (3) times the citizen had to come to complete the dossier, (4) agencies they had to contact,
 *   (7) the officer's attitude: the citizen's one-tap answers at the tablet or phone;
 * - (8) phản ánh, kiến nghị handled on time: the feedback register (2 at 100 %, 1 at ≥ 90 %, 0
 *   below; on-time.ts), per unit.
 * (2) the time of each agency, (5) handling through the one-stop desk, (6) publicity and (9) the
 * online service are not measured by default: nothing here records them faithfully, and a score
 * nobody measured must not decide a verdict. A report says which indicators it measured and gives
 * the total out of those ("x / y điểm đo được"), never padded to 18.
 *
 * One rule for every grouping (issue 23): only what an officer's, a unit's and a sector's records
 * all carry adds up to a total — (1), (3), (4), (7). Indicator (8) is a unit's figure (the register
 * knows no officer or dossier of a phản ánh): a unit's row shows it beside the total, never in it,
 * so the same ratings give the same total whether read by officer or by unit. A band needs the
 * indicators the province's rule names (by default the citizens' own answers, 3, 4 and 7); a row
 * without them, or without any total, is listed unranked, and equal totals share a rank.
 *
 * The thresholds of (3), (4) and (7) are the ones provincial portals apply to TT 01/2018 art. 13
 * (at most one visit or agency 2 points, two 1 point, more 0; attitude courteous 2, not courteous 1,
 * harassing 0). They are data (`TT01_RULES`), so a province whose plan reads otherwise sets its own
 * (the rules file the server is started with: config.ts), not the code. The bands, the indicators
 * a band needs and the minimum to rank are hailong's proposal: a report scored with them says so.
 * Indicator 7 of an officer drops to 0 for a period in which a phản ánh about their conduct was
 * upheld. Ranking: assessment-rank.ts.
 */
import { onTimeScore } from './on-time.ts';
import type { AttitudeAnswerCode } from './survey.ts';
import { formatPercent, type Locale } from './vi-format.ts';
import { wilsonInterval, type Interval } from './wilson.ts';

export const INDICATORS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Readonly<Record<Indicator, { vi: string; en: string }>> = {
  1: {
    vi: 'Tổng thời gian giải quyết so với quy định',
    en: 'Total time against the legal limit',
  },
  2: { vi: 'Thời gian thực hiện của từng cơ quan', en: 'Time taken by each agency' },
  3: { vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Visits to complete the dossier' },
  4: { vi: 'Số cơ quan phải liên hệ', en: 'Agencies contacted' },
  5: { vi: 'Tiếp nhận, trả kết quả tại Bộ phận Một cửa', en: 'Handled at the one-stop desk' },
  6: { vi: 'Công khai thủ tục hành chính', en: 'Publicity of the procedure' },
  7: { vi: 'Thái độ của cán bộ, công chức', en: "Officers' attitude" },
  8: { vi: 'Tiếp thu, giải trình phản ánh, kiến nghị', en: 'Handling of complaints' },
  9: { vi: 'Cung cấp dịch vụ công trực tuyến', en: 'Online public service' },
};

/** What every row's records carry, so the only indicators a total adds up (see above). */
export const TOTALLED_INDICATORS = [1, 3, 4, 7] as const satisfies readonly Indicator[];
export type TotalledIndicator = (typeof TOTALLED_INDICATORS)[number];

export interface AssessmentRules {
  /** Points for 1, 2 and 3-or-more visits (indicator 3). */
  visits: readonly [number, number, number];
  /** Points for 1, 2 and 3-or-more agencies (indicator 4). */
  agencies: readonly [number, number, number];
  attitude: Readonly<Record<AttitudeAnswerCode, number>>;
  /** Points for a dossier returned before, on, and after its due date (indicator 1). */
  time: { early: number; onDate: number; late: number };
  /**
   * Classification of a total as a share of the points measured, highest first: the first band
   * whose `min` the share reaches.
   */
  bands: readonly { min: number; vi: string; en: string }[];
  /** Officers with fewer answers than this are not ranked. */
  minAnswersToRank: number;
  /**
   * Indicators a row must have measured to get a band (and so a rank): a share of two indicators
   * is no verdict on nine. By default the citizens' own answers.
   */
  requiredForBand: readonly TotalledIndicator[];
}

export const TT01_RULES: AssessmentRules = {
  visits: [2, 1, 0],
  agencies: [2, 1, 0],
  attitude: { courteous: 2, not_courteous: 1, harassing: 0 },
  time: { early: 2, onDate: 1, late: 0 },
  bands: [
    { min: 0.9, vi: 'Tốt', en: 'Good' },
    { min: 0.75, vi: 'Khá', en: 'Fair' },
    { min: 0.5, vi: 'Trung bình', en: 'Average' },
    { min: 0, vi: 'Kém', en: 'Poor' },
  ],
  minAnswersToRank: 30,
  requiredForBand: [3, 4, 7],
};

/** The bands in words, for the notes beside a table: "Tốt từ 90%, Khá từ 75%, …, Kém". */
export function describeBands(bands: AssessmentRules['bands'], locale: Locale): string {
  const from = locale === 'vi' ? 'từ' : 'from';
  return bands
    .map((b) => (b.min > 0 ? `${b[locale]} ${from} ${formatPercent(b.min, locale, 0)}` : b[locale]))
    .join(', ');
}

/** Counts of one group's answers and dossiers over a period; what the database sums. */
export interface AssessmentCounts {
  /** Counted ratings (superseded, repeats and bad clocks left out) and the satisfied among them. */
  ratings: number;
  satisfied: number;
  /** Answers 1, 2, 3-or-more. */
  visits: [number, number, number];
  agencies: [number, number, number];
  attitude: Record<AttitudeAnswerCode, number>;
  /** Dossiers returned before / on / after the due date (overdue open ones count as after). */
  time: { early: number; onDate: number; late: number };
  /** Phản ánh judged for indicator 8 and those handled on time; null where not measured. */
  feedback: { judged: number; onTime: number } | null;
  /** Phản ánh about the group's officer's conduct upheld in the period. */
  upheldConduct: number;
}

export const emptyCounts = (): AssessmentCounts => ({
  ratings: 0,
  satisfied: 0,
  visits: [0, 0, 0],
  agencies: [0, 0, 0],
  attitude: { courteous: 0, not_courteous: 0, harassing: 0 },
  time: { early: 0, onDate: 0, late: 0 },
  feedback: null,
  upheldConduct: 0,
});

export interface IndicatorScore {
  indicator: Indicator;
  /** Mean points over what was measured, rounded to 2 decimals; null when nothing was. */
  points: number | null;
  /** Answers or dossiers the points are the mean of. */
  n: number;
  /** Whether the points add to the total: measured, and one of TOTALLED_INDICATORS. */
  inTotal: boolean;
}

export interface AssessmentScore {
  indicators: IndicatorScore[];
  /** Sum of the totalled indicators' points (2 decimals); null when none was measured. */
  total: number | null;
  /** 2 × the number of indicators in the total: what `total` is out of. */
  maxMeasured: number;
  /** The indicators in the total. */
  measured: Indicator[];
  /** Of the indicators the rules require for a band, those not measured (the band is withheld). */
  missing: Indicator[];
  /** Null when nothing is totalled or an indicator the rules require is missing. */
  band: { vi: string; en: string } | null;
  rate: number | null;
  interval: Interval | null;
  /** Answers this group's figures rest on: counted ratings. */
  answers: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean points of answers counted per option, each option worth `points[i]`. */
function meanOf(counts: readonly number[], points: readonly number[]): IndicatorScore['points'] {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  return round2(counts.reduce((sum, c, i) => sum + c * points[i]!, 0) / n);
}

/** One group's scores from its counts under `rules`. */
export function scoreAssessment(
  counts: AssessmentCounts,
  rules: AssessmentRules = TT01_RULES,
  /** Whether the group is one officer (indicator 7 then falls to 0 on an upheld complaint). */
  officer = false,
): AssessmentScore {
  const attitudeKeys = Object.keys(rules.attitude) as AttitudeAnswerCode[];
  const attitudeCounts = attitudeKeys.map((k) => counts.attitude[k]);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const time = [counts.time.early, counts.time.onDate, counts.time.late];
  let attitude = meanOf(
    attitudeCounts,
    attitudeKeys.map((k) => rules.attitude[k]),
  );
  if (officer && counts.upheldConduct > 0) attitude = 0;
  const feedback = counts.feedback;
  const totalled = new Set<Indicator>(TOTALLED_INDICATORS);
  const score = (indicator: Indicator, points: number | null, n: number): IndicatorScore => ({
    indicator,
    points,
    n,
    inTotal: points !== null && totalled.has(indicator),
  });
  const measuredNow: Partial<Record<Indicator, IndicatorScore>> = {
    1: score(1, meanOf(time, [rules.time.early, rules.time.onDate, rules.time.late]), sum(time)),
    3: score(3, meanOf(counts.visits, rules.visits), sum(counts.visits)),
    4: score(4, meanOf(counts.agencies, rules.agencies), sum(counts.agencies)),
    7: score(7, attitude, sum(attitudeCounts)),
    8: score(
      8,
      feedback ? onTimeScore(feedback.onTime, feedback.judged) : null,
      feedback?.judged ?? 0,
    ),
  };
  const indicators = INDICATORS.map((i) => measuredNow[i] ?? score(i, null, 0));
  const measured = indicators.filter((s) => s.inTotal);
  const total = measured.length === 0 ? null : round2(sum(measured.map((s) => s.points!)));
  const maxMeasured = 2 * measured.length;
  const missing = rules.requiredForBand.filter((i) => !measured.some((s) => s.indicator === i));
  const share = total === null || missing.length > 0 ? null : total / maxMeasured;
  return {
    indicators,
    total,
    maxMeasured,
    measured: measured.map((s) => s.indicator),
    missing,
    band: share === null ? null : (rules.bands.find((b) => share >= b.min - 1e-9) ?? null),
    rate: counts.ratings === 0 ? null : counts.satisfied / counts.ratings,
    interval: wilsonInterval(counts.satisfied, counts.ratings),
    answers: counts.ratings,
  };
}

/** Points of indicator 1 for one dossier, by calendar date in Việt Nam; null if not judged yet. */
export function timeOutcome(
  dossier: { dueDate: string; returnedDate: string | null },
  today: string,
): 'early' | 'onDate' | 'late' | null {
  if (dossier.returnedDate === null) return dossier.dueDate < today ? 'late' : null;
  if (dossier.returnedDate < dossier.dueDate) return 'early';
  return dossier.returnedDate === dossier.dueDate ? 'onDate' : 'late';
}

/** A rating's part in the counts: only counted ratings, and only the answers given. */
export interface AnsweredRating {
  category: string;
  satisfied: boolean;
  visits: number | null;
  agencies: number | null;
  attitude: AttitudeAnswerCode | null;
}

/** Adds ratings one by one to counts: what the database's sums must equal. */
export function countRatings(counts: AssessmentCounts, ratings: readonly AnsweredRating[]) {
  for (const r of ratings) {
    if (r.category !== 'counted') continue;
    counts.ratings += 1;
    if (r.satisfied) counts.satisfied += 1;
    if (r.visits !== null) counts.visits[Math.min(3, Math.max(1, r.visits)) - 1]! += 1;
    if (r.agencies !== null) counts.agencies[Math.min(3, Math.max(1, r.agencies)) - 1]! += 1;
    if (r.attitude !== null) counts.attitude[r.attitude] += 1;
  }
  return counts;
}
