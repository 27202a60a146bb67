/**
 * The monthly report as rows of cells, once for both formats: title "Tổng hợp kết quả đánh giá mức
 * độ hài lòng tháng MM/YYYY", the unit, one row per sector (lĩnh vực) with the counts per level, the
 * rate against its target, Đạt / Chưa đạt, the 95 % interval and notes, then the totals, the
 * low-rating reasons and, once the register exists, the on-time figure of phản ánh, kiến nghị.
 */
import {
  formatMonth,
  LOW_RATING_REASON_LABELS,
  RATING_SCALES,
  type LowRatingReason,
} from '@hailong/domain';
import type { MonthTally, SectorTally, UnitTally } from '@hailong/contracts';
import { blank, count, ratio, text, type Cell } from './cells.ts';

export interface UnitTable {
  unitName: string;
  /** The leading lines: title, unit, date. */
  heading: string[];
  header: string[];
  /** Widths in characters, one per column, for the spreadsheet. */
  widths: number[];
  rows: Cell[][];
  /** Index in `rows` of rows whose target is not met (highlighted in XLSX). */
  unmet: Set<number>;
  /** Index in `rows` of the totals row. */
  totalsRow: number;
  /** Lines after the table: reasons, feedback, how to read it. */
  footer: Cell[][];
}

// One formatter each, made once: building an Intl.NumberFormat per cell (as formatPercent does)
// costs more than the rest of a 200-unit report together. Same output: 1.234 · 91,52%.
const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const viPercent = {
  1: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  2: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
};
const formatNumber = (value: number) => viNumber.format(value);

export const reportTitle = (month: string) =>
  `Tổng hợp kết quả đánh giá mức độ hài lòng tháng ${formatMonth(month)}`;

type Figures = Omit<SectorTally, 'sectorId' | 'sectorName' | 'levels' | 'reasons'>;

/** Đạt / Chưa đạt, or a dash when there is nothing to judge. */
export const verdict = (met: boolean | null) => (met === null ? '—' : met ? 'Đạt' : 'Chưa đạt');

function notes(f: Figures, minSample: number): string {
  const out: string[] = [];
  if (f.total === 0) out.push('Chưa có phiếu đánh giá');
  else if (f.tooFew) out.push(`Dưới ${minSample} phiếu, chưa đủ để đánh giá`);
  if (f.total > 0 && f.met === false) {
    out.push(
      f.moreNeeded === null
        ? 'Không còn đạt được chỉ tiêu 100% trong tháng'
        : `Cần thêm ${formatNumber(f.moreNeeded)} phiếu hài lòng liên tiếp để đạt chỉ tiêu`,
    );
  }
  if (f.otherLevels > 0) out.push(`${formatNumber(f.otherLevels)} phiếu theo thang cũ, không tính`);
  if (f.superseded > 0)
    out.push(
      `${formatNumber(f.superseded)} phiếu được đánh giá lại cùng hồ sơ, chỉ tính lần sau cùng`,
    );
  return out.join('; ');
}

const figureCells = (f: Figures, minSample: number, lead = ''): Cell[] => [
  count(f.total),
  count(f.satisfied),
  ratio(f.rate),
  ratio(f.target, 2),
  text(verdict(f.met)),
  ratio(f.interval?.low ?? null),
  ratio(f.interval?.high ?? null),
  count(f.repeats),
  count(f.badClock),
  text([lead, notes(f, minSample)].filter(Boolean).join('; ')),
];

export const reasonLabel = (reason: string) =>
  LOW_RATING_REASON_LABELS[reason as LowRatingReason]?.vi ?? reason;

/** The table of one unit for `tally.month`. */
export function unitTable(tally: MonthTally, unit: UnitTally, generatedOn: string): UnitTable {
  const levels = RATING_SCALES[unit.scale].levels;
  const header = [
    'STT',
    'Lĩnh vực',
    ...levels.map((l) => l.label.vi),
    'Tổng số phiếu',
    'Số phiếu hài lòng',
    'Tỷ lệ hài lòng',
    'Chỉ tiêu',
    'Kết quả',
    'Khoảng tin cậy 95% (cận dưới)',
    'Khoảng tin cậy 95% (cận trên)',
    'Phiếu bấm lặp (không tính)',
    'Phiếu sai giờ thiết bị (không tính)',
    'Ghi chú',
  ];
  const widths = [6, 34, ...levels.map(() => 12), 10, 11, 11, 10, 11, 13, 13, 12, 13, 48];
  const unmet = new Set<number>();
  const rows = unit.sectors.map((sector, i) => {
    if (sector.met === false) unmet.add(i);
    return [
      count(i + 1),
      text(sector.sectorName),
      ...sector.levels.map((l) => count(l.count)),
      ...figureCells(sector, tally.minSample),
    ];
  });
  const totalsRow = rows.length;
  if (unit.totals.met === false) unmet.add(totalsRow);
  rows.push([
    blank,
    text('Tổng cộng'),
    ...unit.totals.levels.map((l) => count(l.count)),
    ...figureCells(unit.totals, tally.minSample),
  ]);

  const footer: Cell[][] = [];
  if (unit.totals.reasons.length > 0) {
    footer.push([text('Lý do chưa hài lòng'), text('Số lượt chọn')]);
    for (const r of unit.totals.reasons) footer.push([text(reasonLabel(r.reason)), count(r.count)]);
    footer.push([]);
  }
  if (unit.feedback) {
    const f = unit.feedback;
    footer.push([text('Phản ánh, kiến nghị tiếp nhận trong tháng'), count(f.received)]);
    footer.push([text('Đã giải quyết'), count(f.answered)]);
    footer.push([text('Giải quyết đúng hạn'), count(f.answeredOnTime)]);
    footer.push([text('Quá hạn chưa giải quyết'), count(f.overdueOpen)]);
    footer.push([text('Người dân chấp nhận câu trả lời'), count(f.accepted)]);
    footer.push([text('Người dân chưa chấp nhận câu trả lời'), count(f.notAccepted)]);
    footer.push([text('Tỷ lệ giải quyết đúng hạn'), ratio(f.rate)]);
    footer.push([text('Điểm (TT 01/2018/TT-VPCP)'), f.score === null ? blank : count(f.score)]);
    footer.push([]);
  }
  footer.push([
    text(
      'Tỷ lệ hài lòng = số phiếu ở các mức hài lòng / tổng số phiếu hợp lệ. Phiếu bấm lặp và phiếu từ ' +
        'thiết bị sai giờ được lưu nhưng không tính vào tỷ lệ. Khoảng tin cậy 95% theo phương pháp Wilson.',
    ),
  ]);
  return {
    unitName: unit.unitName,
    heading: [
      reportTitle(tally.month),
      `Đơn vị: ${unit.unitName}`,
      `Thang đánh giá: ${RATING_SCALES[unit.scale].name.vi} · Ngày lập: ${generatedOn}`,
    ],
    header,
    widths,
    rows,
    unmet,
    totalsRow,
    footer,
  };
}

/** One row per unit and the whole, for a report of several units. */
export function summaryTable(tally: MonthTally): {
  header: string[];
  rows: Cell[][];
  unmet: Set<number>;
} {
  const header = [
    'STT',
    'Đơn vị',
    'Tổng số phiếu',
    'Số phiếu hài lòng',
    'Tỷ lệ hài lòng',
    'Chỉ tiêu chung',
    'Kết quả',
    'Khoảng tin cậy 95% (cận dưới)',
    'Khoảng tin cậy 95% (cận trên)',
    'Phiếu bấm lặp (không tính)',
    'Phiếu sai giờ thiết bị (không tính)',
    'Ghi chú',
  ];
  const unmet = new Set<number>();
  const rows = tally.units.map((unit, i) => {
    if (unit.totals.met === false) unmet.add(i);
    const judged = unit.totals.sectorsMet + unit.totals.sectorsUnmet;
    const sectorNote =
      judged > 0 ? `${unit.totals.sectorsMet}/${judged} lĩnh vực đạt chỉ tiêu` : '';
    return [
      count(i + 1),
      text(unit.unitName),
      ...figureCells(unit.totals, tally.minSample, sectorNote),
    ];
  });
  if (tally.overall.met === false) unmet.add(rows.length);
  rows.push([blank, text('Toàn bộ đơn vị'), ...figureCells(tally.overall, tally.minSample)]);
  return { header, rows, unmet };
}

/** A percentage as the CSV writes it: 91,5% (formatPercent(value, 'vi', digits)). */
export const percentText = (value: number | null, digits: 1 | 2 = 1) =>
  value === null ? '' : `${viPercent[digits].format(value * 100)}%`;
