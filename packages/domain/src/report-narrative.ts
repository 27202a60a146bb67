/**
 * The words of a periodic report: short paragraphs in plain Vietnamese, written from the figures
 * alone, that a leader reads, edits and signs ("Tỷ lệ hài lòng chung đạt 95,2%, vượt chỉ tiêu
 * 91%…"). A rate is only ever called met or not met when its verdict says so: too few answers read
 * "Chưa đủ phiếu để đánh giá", never "chưa đạt"; an interval holding the target reads "chưa khác
 * biệt có ý nghĩa so với chỉ tiêu". Numbers as Vietnamese write them (1.234 · 91,5%), dates
 * dd/mm/yyyy.
 */
import {
  lowerFirst,
  type NarrativeFigures,
  type ReportRate,
  type ReportRow,
  type ReportTrendPoint,
} from './report-narrative-figures.ts';
import { formatMonth } from './tally-months.ts';
import { formatNumber, formatPercent } from './vi-format.ts';
import { formatIsoDate } from './working-days.ts';

export * from './report-narrative-figures.ts';

/** One paragraph (or none) per part of the report, in the order the report reads. */
export interface ReportNarrative {
  opening: string;
  overall: string;
  trend: string | null;
  sectors: string | null;
  units: string | null;
  feedback: string;
  tt01: string | null;
  exclusions: string;
  /** "Trên đây là báo cáo …./." */
  closing: string;
}

const pct = (ratio: number) => formatPercent(ratio, 'vi', 1);
const num = (n: number) => formatNumber(n, 'vi');
/** A difference of two ratios in percentage points, one decimal: "2,9". */
const points = (a: number, b: number) => formatNumber(Math.round(Math.abs(a - b) * 1000) / 10);

/** "tháng 10/2026". */
const monthName = (month: string) => `tháng ${formatMonth(month)}`;

/** Names listed in a sentence; past `max`, "và n … khác". */
function listNames(names: readonly string[], noun: string, max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} và ${num(names.length - max)} ${noun} khác`;
}

/** How a rate stands against its target, after "đạt 95,2% (…)". */
function standing(r: ReportRate): string {
  if (r.verdict === 'too-few') return `chưa đủ phiếu để đánh giá${againstTarget(r)}`;
  if (r.target === null || r.verdict === null) return 'chưa đặt chỉ tiêu để so sánh';
  const target = pct(r.target);
  const rate = r.rate ?? 0;
  switch (r.verdict) {
    case 'met':
      return rate > r.target ? `vượt chỉ tiêu ${target}` : `đạt chỉ tiêu ${target}`;
    case 'not-met':
      return `chưa đạt chỉ tiêu ${target} (thấp hơn ${points(rate, r.target)} điểm phần trăm)`;
    case 'not-significant': {
      const side = rate === r.target ? 'bằng' : rate > r.target ? 'cao hơn' : 'thấp hơn';
      return `${side} chỉ tiêu ${target} nhưng chưa khác biệt có ý nghĩa so với chỉ tiêu`;
    }
  }
}

/** " so với chỉ tiêu 91%", or nothing where no one set a target. */
const againstTarget = (r: ReportRate) =>
  r.target === null ? '' : ` so với chỉ tiêu ${pct(r.target)}`;

/** The paragraph on the overall rate. */
export function overallSentence(r: ReportRate, minSample: number): string {
  if (r.verdict === 'too-few') {
    const base =
      r.total === 0
        ? 'Chưa có phiếu nào được tính vào tỷ lệ hài lòng.'
        : `Có ${num(r.total)} phiếu được tính vào tỷ lệ hài lòng, dưới mức tối thiểu ${num(minSample)} phiếu; tỷ lệ hài lòng tạm tính ${pct(r.rate ?? 0)}.`;
    return `${base} Chưa đủ phiếu để đánh giá${againstTarget(r)}.`;
  }
  const interval = r.interval
    ? `; khoảng tin cậy 95%: ${pct(r.interval.low)} – ${pct(r.interval.high)}`
    : '';
  return (
    `Tỷ lệ hài lòng chung đạt ${pct(r.rate ?? 0)} (${num(r.satisfied)}/${num(r.total)} phiếu hài lòng` +
    `${interval}), ${standing(r)}.`
  );
}

function monthPhrase(p: ReportTrendPoint, minSample: number): string {
  if (p.total === 0 || p.rate === null) return `${monthName(p.month)} chưa có phiếu`;
  if (p.total < minSample)
    return `${monthName(p.month)} có ${num(p.total)} phiếu, chưa đủ phiếu để đánh giá`;
  return `${monthName(p.month)} đạt ${pct(p.rate)} (${num(p.total)} phiếu)`;
}

/** The paragraph on the months of the period; null without months. */
export function trendSentence(
  trend: readonly ReportTrendPoint[],
  minSample: number,
): string | null {
  if (trend.length === 0) return null;
  const judged = trend.filter((p) => p.rate !== null && p.total >= minSample);
  let text: string;
  if (trend.length <= 6) {
    text = `Theo từng tháng: ${trend.map((p) => monthPhrase(p, minSample)).join('; ')}.`;
  } else if (judged.length === 0) {
    text = `Trong ${num(trend.length)} tháng, chưa tháng nào đủ phiếu để đánh giá.`;
  } else {
    const low = judged.reduce((a, b) => (b.rate! < a.rate! ? b : a));
    const high = judged.reduce((a, b) => (b.rate! > a.rate! ? b : a));
    text =
      `Theo từng tháng, tỷ lệ hài lòng dao động từ ${pct(low.rate!)} (${monthName(low.month)}) ` +
      `đến ${pct(high.rate!)} (${monthName(high.month)}).`;
  }
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const bothJudged = [first, last].every((p) => p.rate !== null && p.total >= minSample);
  if (trend.length >= 2 && bothJudged) {
    const change =
      last.rate === first.rate
        ? 'không đổi'
        : `${last.rate! > first.rate! ? 'tăng' : 'giảm'} ${points(last.rate!, first.rate!)} điểm phần trăm`;
    text += ` So với ${monthName(first.month)}, ${monthName(last.month)} ${change}.`;
  }
  return text;
}

const named = (rows: readonly ReportRow[]) => rows.map((r) => r.name);

/** The paragraph on the sectors (lĩnh vực); null without sectors. */
export function sectorsSentence(sectors: readonly ReportRow[]): string | null {
  if (sectors.length === 0) return null;
  const by = (v: ReportRow['verdict']) => sectors.filter((s) => s.verdict === v);
  const met = by('met');
  const notMet = by('not-met');
  const close = by('not-significant');
  const tooFew = by('too-few');
  const parts: string[] = [];
  if (met.length > 0) parts.push(`${num(met.length)} lĩnh vực đạt chỉ tiêu`);
  if (notMet.length > 0) {
    const list = notMet
      .map(
        (s) =>
          `${s.name} ${pct(s.rate ?? 0)}${s.target === null ? '' : `, chỉ tiêu ${pct(s.target)}`}`,
      )
      .join('; ');
    parts.push(`${num(notMet.length)} lĩnh vực chưa đạt chỉ tiêu (${list})`);
  }
  if (close.length > 0)
    parts.push(
      `${num(close.length)} lĩnh vực chưa khác biệt có ý nghĩa so với chỉ tiêu (${listNames(named(close), 'lĩnh vực')})`,
    );
  const noTarget = by(null);
  if (noTarget.length > 0)
    parts.push(
      `${num(noTarget.length)} lĩnh vực chưa đặt chỉ tiêu (${listNames(named(noTarget), 'lĩnh vực')})`,
    );
  if (tooFew.length > 0)
    parts.push(
      `${num(tooFew.length)} lĩnh vực chưa đủ phiếu để đánh giá (${listNames(named(tooFew), 'lĩnh vực')})`,
    );
  return `Trong ${num(sectors.length)} lĩnh vực: ${parts.join('; ')}.`;
}

/** The paragraph on the units below the node, ranked; null without units. */
export function unitsSentence(units: NarrativeFigures['units']): string | null {
  if (units.length === 0) return null;
  const ranked = units.filter((u) => u.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const tooFew = units.filter((u) => u.rank === null);
  const parts: string[] = [];
  if (ranked.length > 0) {
    const group = (rank: number) => ranked.filter((u) => u.rank === rank);
    const describe = (rows: typeof ranked) =>
      `${listNames(named(rows), 'đơn vị')} (${pct(rows[0]!.rate ?? 0)})`;
    const top = group(ranked[0]!.rank!);
    parts.push(
      top.length > 1 ? `đồng hạng nhất là ${describe(top)}` : `dẫn đầu là ${describe(top)}`,
    );
    const lastRank = ranked[ranked.length - 1]!.rank!;
    if (lastRank !== top[0]!.rank) {
      const bottom = group(lastRank);
      parts.push(
        bottom.length > 1
          ? `đồng hạng thấp nhất là ${describe(bottom)}`
          : `thấp nhất là ${describe(bottom)}`,
      );
    }
  }
  const notMet = units.filter((u) => u.verdict === 'not-met');
  let text = `Xếp hạng ${num(units.length)} đơn vị theo tỷ lệ hài lòng`;
  text += parts.length > 0 ? `: ${parts.join('; ')}.` : '.';
  if (notMet.length > 0)
    text += ` Có ${num(notMet.length)} đơn vị chưa đạt chỉ tiêu: ${listNames(named(notMet), 'đơn vị')}.`;
  if (tooFew.length > 0)
    text += ` Có ${num(tooFew.length)} đơn vị chưa đủ phiếu để xếp hạng: ${listNames(named(tooFew), 'đơn vị')}.`;
  return text;
}

/** The paragraph on phản ánh, kiến nghị and the citizens' verdicts on the answers. */
export function feedbackSentence(f: NarrativeFigures['feedback']): string {
  if (f.received === 0) return 'Trong kỳ không tiếp nhận phản ánh, kiến nghị nào.';
  let text =
    `Tiếp nhận ${num(f.received)} phản ánh, kiến nghị; trả lời đúng hạn ${num(f.answeredOnTime)} ` +
    `(${pct(f.answeredOnTime / f.received)}), quá hạn ${num(f.overdue)}.`;
  const verdicts = f.accepted + f.notAccepted;
  text +=
    verdicts === 0
      ? ' Chưa có ý kiến của người dân về các câu trả lời.'
      : ` Người dân chấp nhận ${num(f.accepted)} câu trả lời, không chấp nhận ${num(f.notAccepted)} câu trả lời.`;
  return text;
}

/** The paragraph on the TT 01/2018/TT-VPCP indicators; null where nothing was measured. */
export function tt01Sentence(tt01: NarrativeFigures['tt01']): string | null {
  if (tt01 === null || tt01.maxMeasured === 0) return null;
  const measured = tt01.rows.filter((r) => r.points !== null).length;
  const band = tt01.band ? `, xếp loại ${tt01.band}` : '';
  return (
    `Theo Thông tư số 01/2018/TT-VPCP: đo được ${num(measured)}/${num(tt01.rows.length)} chỉ số, ` +
    `tổng ${num(tt01.total)}/${num(tt01.maxMeasured)} điểm${band}.`
  );
}

/** The paragraph on the ratings kept but left out of the rate, and why. */
export function exclusionsSentence(exclusions: NarrativeFigures['exclusions']): string {
  const shown = exclusions.filter((e) => e.count > 0);
  const total = shown.reduce((sum, e) => sum + e.count, 0);
  if (total === 0) return 'Không có phiếu nào bị loại khỏi tỷ lệ hài lòng.';
  const list = shown.map((e) => `${e.label}: ${num(e.count)}`).join('; ');
  return `Có ${num(total)} phiếu được lưu giữ nhưng không tính vào tỷ lệ hài lòng (${list}).`;
}

/** The narrative of a report, from its figures and the body issuing it. */
export function reportNarrative(figures: NarrativeFigures, issuer: string): ReportNarrative {
  const { period, minSample } = figures;
  return {
    opening:
      `Từ ngày ${formatIsoDate(period.from)} đến ngày ${formatIsoDate(period.to)}, tại ` +
      `${figures.nodeName} có ${num(figures.overall.total)} phiếu đánh giá được tính vào tỷ lệ hài lòng.`,
    overall: overallSentence(figures.overall, minSample),
    trend: trendSentence(figures.trend, minSample),
    sectors: sectorsSentence(figures.sectors),
    units: unitsSentence(figures.units),
    feedback: feedbackSentence(figures.feedback),
    tt01: tt01Sentence(figures.tt01),
    exclusions: exclusionsSentence(figures.exclusions),
    closing:
      `Trên đây là báo cáo kết quả khảo sát, đánh giá sự hài lòng ${lowerFirst(period.label)} ` +
      `của ${issuer}./.`,
  };
}
