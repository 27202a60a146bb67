/**
 * The periodic report's figures from what the API already answers: the node's tally and trend
 * (GET /tally/node, /tally/node/trend), the register's on-time rows (GET /feedback/on-time) and the
 * TT 01 row (GET /assessment?by=unit). Nothing is counted here — only judged (reportRate) and
 * ranked (rankLeague) — so every figure of the document is the one the console shows.
 */
import {
  INDICATOR_LABELS,
  INDICATORS,
  rankLeague,
  reportRate,
  type OnTimeRow,
  type ReportExclusion,
  type ReportFeedback,
  type ReportRankedRow,
  type ReportRow,
  type ReportTt01,
  type TallyCounts,
} from '@hailong/domain';
import type { AssessmentRow, NodeTally, NodeTrend } from '@hailong/contracts';

type Judged = TallyCounts & { targetBp: number | null };

/** The rate of a tally cell as the report shows it, judged against its own target. */
export const judged = (f: Judged, minSample: number) =>
  reportRate(f.satisfied, f.total, f.targetBp, minSample);

/**
 * Every lĩnh vực of the node, archived ones only where they have answers in the period (a sector
 * closed before the period has nothing to say about it).
 */
export function sectorRows(tally: NodeTally): ReportRow[] {
  return tally.sectors
    .filter((s) => !s.archived || s.total > 0 || s.unverified > 0)
    .map((s) => ({ name: s.sectorName, ...judged(s, tally.minSample) }));
}

/**
 * The units directly beneath the node, ranked as the league ranks them: equal rates share a rank,
 * too few to judge come last without one. Archived units only where they answered in the period.
 */
export function unitRows(tally: NodeTally): ReportRankedRow[] {
  const rows = tally.children
    .filter((c) => !c.archived || c.total > 0)
    .map((c) => {
      const rate = judged(c, tally.minSample);
      return { name: c.unitName, ...rate, tooFew: rate.verdict === 'too-few' };
    });
  const league = rankLeague(rows);
  return [
    ...league.ranked.map(({ tied: _t, overlapsAbove: _o, tooFew: _f, ...r }) => r),
    ...league.tooFew.map(({ tooFew: _f, ...r }) => ({ ...r, rank: null })),
  ];
}

/** Phản ánh, kiến nghị of the period in the node's subtree: the months' rows added up. */
export function feedbackFigures(rows: readonly OnTimeRow[]): ReportFeedback {
  const sum = (key: 'received' | 'answeredOnTime' | 'overdueOpen' | 'accepted' | 'notAccepted') =>
    rows.reduce((n, r) => n + r[key], 0);
  return {
    received: sum('received'),
    answeredOnTime: sum('answeredOnTime'),
    overdue: sum('overdueOpen'),
    accepted: sum('accepted'),
    notAccepted: sum('notAccepted'),
  };
}

/**
 * The ratings kept but left out of the rate, by the counters' own categories. A record the server
 * refused at ingest (another unit's sector, a malformed level) is never stored as a rating, so it
 * has no line here; what was stored and set apart has one each.
 */
export function exclusionRows(totals: TallyCounts): ReportExclusion[] {
  return [
    { label: 'Nghi bấm lặp', count: totals.repeats },
    { label: 'Đồng hồ máy tính bảng sai lệch', count: totals.badClock },
    { label: 'Hồ sơ được đánh giá lại sau đó', count: totals.superseded },
    { label: 'Qua điện thoại, chưa gắn hồ sơ', count: totals.unverified },
    { label: 'Đến sau khi chốt số liệu', count: totals.late },
    { label: 'Mức đánh giá ngoài thang đo', count: totals.otherLevels },
  ];
}

/** The TT 01 summary from the node's pooled row of the assessment; null where nothing was measured. */
export function tt01Summary(row: AssessmentRow | undefined): ReportTt01 | null {
  if (!row || row.total === null || row.maxMeasured === 0) return null;
  return {
    rows: INDICATORS.map((indicator) => {
      const score = row.indicators.find((s) => s.indicator === indicator);
      return {
        indicator,
        label: INDICATOR_LABELS[indicator].vi,
        points: score?.points ?? null,
        n: score?.n ?? 0,
      };
    }),
    total: row.total,
    maxMeasured: row.maxMeasured,
    band: row.band?.vi ?? null,
  };
}

/** The trend's points as the report draws them. */
export const trendPoints = (trend: NodeTrend) =>
  trend.points.map((p) => ({ month: p.month, rate: p.rate, total: p.total }));
