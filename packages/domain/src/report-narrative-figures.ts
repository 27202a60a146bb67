/**
 * The figures a periodic report (báo cáo định kỳ: tháng, quý, 6 tháng, 9 tháng, năm) is written
 * from, and the words it names them with. Each rate carries its verdict against its target, judged
 * once by rate-verdict.ts so the narrative, the tables and the charts can never disagree: too few answers are
 * never judged (a rate on a handful of phiếu says nothing), and a rate whose 95 % interval contains
 * the target is "chưa khác biệt có ý nghĩa" whichever side of it the point falls.
 */
import type { Period, PeriodKind } from './periods.ts';
import { BP_SCALE, rateVerdict, type RateVerdict } from './rate-verdict.ts';
import { addDays, type IsoDate } from './working-days.ts';
import { addMonths } from './tally-months.ts';
import { wilsonInterval, type Interval } from './wilson.ts';

export { RATE_VERDICT_LABELS, rateVerdict, type RateVerdict } from './rate-verdict.ts';

/** A rate against its target, as a report shows it. */
export interface ReportRate {
  satisfied: number;
  total: number;
  /** satisfied / total; null without answers. */
  rate: number | null;
  /** The 95 % Wilson interval; null without answers. */
  interval: Interval | null;
  /** The target as a ratio (0.91); null where no one set a target up the tree. */
  target: number | null;
  /** Null with no target to judge against (too few answers are said whatever the target). */
  verdict: RateVerdict | null;
}

/** A sector (lĩnh vực) or a unit (đơn vị) of the report. */
export interface ReportRow extends ReportRate {
  name: string;
}

/** A unit below the report's node, ranked: equal rates share a rank; null when too few to rank. */
export interface ReportRankedRow extends ReportRow {
  rank: number | null;
}

/** One month of the trend. */
export interface ReportTrendPoint {
  /** "2026-10". */
  month: string;
  rate: number | null;
  total: number;
}

/** Phản ánh, kiến nghị of the period and the citizens' verdicts on the answers. */
export interface ReportFeedback {
  received: number;
  answeredOnTime: number;
  overdue: number;
  /** Answers the citizen accepted, and did not. */
  accepted: number;
  notAccepted: number;
}

/** The TT 01/2018/TT-VPCP summary: one row per indicator, null points where not measured. */
export interface ReportTt01 {
  rows: { indicator: number; label: string; points: number | null; n: number }[];
  /** Sum of the measured indicators' points, out of `maxMeasured` (2 per measured indicator). */
  total: number;
  maxMeasured: number;
  /** Xếp loại ("Tốt", "Khá", …); null when nothing was measured. */
  band: string | null;
}

/** Ratings kept but left out of the rate, by reason. */
export interface ReportExclusion {
  label: string;
  count: number;
}

export interface ReportPeriod {
  kind: PeriodKind;
  /** "Quý IV năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026". */
  label: string;
  /** First and last calendar day, 'YYYY-MM-DD'. */
  from: IsoDate;
  to: IsoDate;
}

/** Everything the narrative is written from: the figures of one node over one period. */
export interface NarrativeFigures {
  /** "tỉnh Thừa Thiên Huế". */
  nodeName: string;
  period: ReportPeriod;
  /** Fewer answers than this are not judged. */
  minSample: number;
  overall: ReportRate;
  sectors: ReportRow[];
  units: ReportRankedRow[];
  trend: ReportTrendPoint[];
  feedback: ReportFeedback;
  tt01: ReportTt01 | null;
  exclusions: ReportExclusion[];
}

/** A report's rate from its counts: the rate, its interval and its verdict. */
export function reportRate(
  satisfied: number,
  total: number,
  targetBp: number,
  minSample: number,
): ReportRate & { target: number; verdict: RateVerdict };
export function reportRate(
  satisfied: number,
  total: number,
  targetBp: number | null,
  minSample: number,
): ReportRate;
export function reportRate(
  satisfied: number,
  total: number,
  targetBp: number | null,
  minSample: number,
): ReportRate {
  return {
    satisfied,
    total,
    rate: total === 0 ? null : satisfied / total,
    interval: wilsonInterval(satisfied, total),
    target: targetBp === null ? null : targetBp / BP_SCALE,
    verdict: rateVerdict(satisfied, total, targetBp, minSample),
  };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How a report's title names a period, and its first and last day. */
export function reportPeriod(period: Period): ReportPeriod {
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  const y = period.year;
  const label =
    period.kind === 'month'
      ? `Tháng ${Number(first.slice(5, 7))} năm ${y}`
      : period.kind === 'quarter'
        ? `Quý ${ROMAN[Number(period.id.slice(-1)) - 1]} năm ${y}`
        : period.kind === 'half'
          ? `6 tháng ${period.id.endsWith('1') ? 'đầu' : 'cuối'} năm ${y}`
          : period.kind === 'nine-months'
            ? `9 tháng năm ${y}`
            : `Năm ${y}`;
  return {
    kind: period.kind,
    label,
    from: `${first}-01`,
    to: addDays(`${addMonths(last, 1)}-01`, -1),
  };
}

/** "Quý IV năm 2026" → "quý IV năm 2026", for the middle of a sentence. */
export function lowerFirst(text: string): string {
  const first = text.charAt(0);
  return first.toLocaleLowerCase('vi') + text.slice(1);
}

/** The words of a level of government that open a unit's name: "Tỉnh", "UBND" never lower. */
const LEVEL_WORDS = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Thị trấn|Xã|Phường) /u;

/**
 * A unit's name in the middle of a sentence: "Tỉnh Thừa Thiên Huế" → "tỉnh Thừa Thiên Huế", as
 * Vietnamese writes a level of government; every other name ("Trung tâm…", "UBND xã…", "Sở…")
 * keeps its capital, being the proper name of a body.
 */
export function nameInSentence(name: string): string {
  return name.replace(LEVEL_WORDS, (word) => word.toLocaleLowerCase('vi'));
}

/**
 * The place and date line of NĐ 30/2020/NĐ-CP (Phụ lục I, II.4): "Huế, ngày 07 tháng 12 năm 2026".
 * The decree pads days below 10 and the months 1 and 2 with a 0 — so no one can turn "1" into "11"
 * or "12" — and writes the other months as they are ("ngày 05 tháng 3 năm 2020").
 */
export function formatDateLine(place: string, date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

/** The summary line (trích yếu) under "BÁO CÁO". */
export function reportSummaryLine(periodLabel: string): string {
  return (
    'Kết quả khảo sát, đánh giá sự hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ tục ' +
    `hành chính ${lowerFirst(periodLabel)}`
  );
}
