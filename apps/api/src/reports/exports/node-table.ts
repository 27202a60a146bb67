/**
 * The report of a node of the tree for a reporting period, as rows of cells for both formats:
 * "Tổng hợp kết quả đánh giá mức độ hài lòng quý I/2026", the node, then one table per lĩnh vực
 * pooled over the node's subtree, one per unit directly beneath it, and one per counter (quầy) when
 * the node is a unit with counters. Every target says where it comes from: a target nobody set is
 * written as such, never as if it had been.
 */
import {
  RATING_SCALES,
  TARGET_SOURCE_LABELS,
  type RateVerdict,
  type TargetSource,
} from '@hailong/domain';
import type { CounterTallyList, NodeTally, PooledSectorTally } from '@hailong/contracts';
import {
  blank,
  count,
  percentText,
  ratio,
  reasonLabel,
  text,
  verdict,
  type Cell,
} from './cells.ts';

export interface NodeSection {
  /** The section's title line, and the sheet's name in XLSX. */
  title: string;
  sheet: string;
  header: string[];
  widths: number[];
  rows: Cell[][];
  unmet: Set<number>;
  /** Rows drawn in bold (totals). */
  bold: Set<number>;
  footer: Cell[][];
}

export interface NodeReport {
  /** Title, node, date: the CSV's first lines. */
  heading: string[];
  /** The title and the node alone, for a workbook's header (sheet-header.ts). */
  title: string;
  subject: string;
  /** The period's id ("2026-Q1"). */
  period: string;
  sections: NodeSection[];
}

interface Judged {
  total: number;
  satisfied: number;
  rate: number | null;
  target: number | null;
  targetSource: TargetSource;
  met: boolean | null;
  verdict: RateVerdict | null;
  tooFew: boolean;
  moreNeeded: number | null;
  interval: { low: number; high: number } | null;
  repeats: number;
  badClock: number;
  superseded: number;
  unverified: number;
  unverifiedRate: number | null;
  late: number;
  otherLevels: number;
}

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** The lines every report shows apart from the official rate (issue 22 items 3 and 4). */
export const UNVERIFIED_LINE = 'Phiếu qua điện thoại chưa gắn hồ sơ';
export const LATE_LINE = 'Phiếu đến sau khi chốt số liệu';

export const nodeReportTitle = (periodLabel: string) =>
  `Tổng hợp kết quả đánh giá mức độ hài lòng ${periodLabel}`;

export const FIGURE_HEADER = [
  'Tổng số phiếu',
  'Số phiếu hài lòng',
  'Tỷ lệ hài lòng',
  'Chỉ tiêu',
  'Nguồn chỉ tiêu',
  'Kết quả',
  'Khoảng tin cậy 95% (cận dưới)',
  'Khoảng tin cậy 95% (cận trên)',
  'Phiếu bấm lặp (không tính)',
  'Phiếu sai giờ thiết bị (không tính)',
  'Ghi chú',
];
export const FIGURE_WIDTHS = [10, 11, 11, 10, 24, 11, 13, 13, 12, 13, 44];

function notes(f: Judged, minSample: number, lead = ''): string {
  const out = lead ? [lead] : [];
  if (f.total === 0) out.push('Chưa có phiếu đánh giá');
  else if (f.tooFew) out.push(`Dưới ${minSample} phiếu, chưa đủ để đánh giá`);
  if (f.total > 0 && f.met === false) {
    out.push(
      f.moreNeeded === null
        ? 'Không còn đạt được chỉ tiêu 100% trong kỳ'
        : `Cần thêm ${viNumber.format(f.moreNeeded)} phiếu hài lòng liên tiếp để đạt chỉ tiêu`,
    );
  }
  if (f.otherLevels > 0)
    out.push(`${viNumber.format(f.otherLevels)} phiếu theo thang cũ, không tính`);
  if (f.superseded > 0)
    out.push(
      `${viNumber.format(f.superseded)} phiếu được đánh giá lại cùng hồ sơ, chỉ tính lần sau cùng`,
    );
  if (f.unverified > 0) {
    out.push(
      `${viNumber.format(f.unverified)} ${UNVERIFIED_LINE.toLowerCase()}, không tính ` +
        `(tỷ lệ hài lòng riêng ${percentText(f.unverifiedRate)})`,
    );
  }
  if (f.late > 0) out.push(`${viNumber.format(f.late)} ${LATE_LINE.toLowerCase()}, không tính`);
  return out.join('; ');
}

/** The lines under a table: what was kept but left out of the rate, each category on its own. */
export function excludedLines(f: Judged): Cell[][] {
  return [
    [text('Phiếu không tính vào tỷ lệ'), text('Số phiếu')],
    [text('Phiếu bấm lặp'), count(f.repeats)],
    [text('Phiếu sai giờ thiết bị'), count(f.badClock)],
    [text('Phiếu được đánh giá lại cùng hồ sơ'), count(f.superseded)],
    [
      text(UNVERIFIED_LINE),
      count(f.unverified),
      text('Tỷ lệ hài lòng riêng'),
      ratio(f.unverifiedRate),
    ],
    [text(LATE_LINE), count(f.late)],
    [text('Phiếu theo thang cũ'), count(f.otherLevels)],
  ];
}

export const figureCells = (f: Judged, minSample: number, lead = ''): Cell[] => [
  count(f.total),
  count(f.satisfied),
  ratio(f.rate),
  ratio(f.target, 2),
  text(TARGET_SOURCE_LABELS[f.targetSource].vi),
  text(verdict(f)),
  ratio(f.interval?.low ?? null),
  ratio(f.interval?.high ?? null),
  count(f.repeats),
  count(f.badClock),
  text(notes(f, minSample, lead)),
];

/** What a table of sectors reads: the sectors and their totals (a node, or one unit's own). */
export interface SectorPart {
  sectors: readonly PooledSectorTally[];
  totals: NodeTally['totals'];
}

/** One row per lĩnh vực, the totals, the reasons and what was left out of the rate. */
export function sectorSection(
  part: SectorPart,
  minSample: number,
  title = 'Kết quả theo lĩnh vực',
  sheet = 'Theo lĩnh vực',
): NodeSection {
  // Per-level columns only when every answer of the node is on one scale.
  const { totals } = part;
  const levels = totals.scale ? RATING_SCALES[totals.scale].levels : [];
  const unmet = new Set<number>();
  const rows = part.sectors.map((s, i) => {
    if (s.verdict === 'not-met') unmet.add(i);
    return [
      count(i + 1),
      text(s.archived ? `${s.sectorName} (đã lưu trữ)` : s.sectorName),
      ...levels.map((l) => count(s.levels?.find((x) => x.level === l.level)?.count ?? 0)),
      ...figureCells(s, minSample),
    ];
  });
  if (totals.verdict === 'not-met') unmet.add(rows.length);
  const sectorsNote =
    totals.sectorsJudged > 0
      ? `${totals.sectorsMet}/${totals.sectorsJudged} lĩnh vực đạt chỉ tiêu`
      : '';
  rows.push([
    blank,
    text('Tổng cộng'),
    ...levels.map((l) => count(totals.levels?.find((x) => x.level === l.level)?.count ?? 0)),
    ...figureCells(totals, minSample, sectorsNote),
  ]);
  const footer: Cell[][] = [];
  if (totals.reasons.length > 0) {
    footer.push([text('Lý do chưa hài lòng'), text('Số lượt chọn')]);
    for (const r of totals.reasons) footer.push([text(reasonLabel(r.reason)), count(r.count)]);
    footer.push([]);
  }
  footer.push(...excludedLines(totals));
  return {
    title,
    sheet,
    header: ['STT', 'Lĩnh vực', ...levels.map((l) => l.label.vi), ...FIGURE_HEADER],
    widths: [6, 34, ...levels.map(() => 12), ...FIGURE_WIDTHS],
    rows,
    unmet,
    bold: new Set([rows.length - 1]),
    footer,
  };
}

function childSection(tally: NodeTally): NodeSection {
  const unmet = new Set<number>();
  const rows = tally.children.map((c, i) => {
    if (c.verdict === 'not-met') unmet.add(i);
    return [
      count(i + 1),
      text(c.archived ? `${c.unitName} (đã lưu trữ)` : c.unitName),
      ...figureCells(c, tally.minSample),
    ];
  });
  if (tally.direct && tally.direct.total + tally.direct.repeats + tally.direct.badClock > 0) {
    rows.push([
      blank,
      text(`Tại ${tally.node.name}`),
      ...figureCells({ ...tally.direct, targetSource: tally.totals.targetSource }, tally.minSample),
    ]);
  }
  return {
    title: `Kết quả theo đơn vị trực thuộc ${tally.node.name}`,
    sheet: 'Theo đơn vị',
    header: ['STT', 'Đơn vị', ...FIGURE_HEADER],
    widths: [6, 40, ...FIGURE_WIDTHS],
    rows,
    unmet,
    bold: new Set(),
    footer: [],
  };
}

function counterSection(tally: NodeTally, list: CounterTallyList): NodeSection {
  const unmet = new Set<number>();
  const rows = list.counters.map((c, i) => {
    if (c.verdict === 'not-met') unmet.add(i);
    return [count(i + 1), text(c.name), ...figureCells(c, tally.minSample)];
  });
  return {
    title: `Kết quả theo quầy của ${tally.node.name}`,
    sheet: 'Theo quầy',
    header: ['STT', 'Quầy', ...FIGURE_HEADER],
    widths: [6, 30, ...FIGURE_WIDTHS],
    rows,
    unmet,
    bold: new Set(),
    footer: [],
  };
}

/** How to read every report, under its last table. */
export const READING_NOTE =
  'Tỷ lệ hài lòng = số phiếu ở các mức hài lòng / tổng số phiếu hợp lệ, cộng dồn các tháng ' +
  'trong kỳ và các đơn vị trực thuộc (không lấy trung bình các tỷ lệ). Phiếu bấm lặp, phiếu từ ' +
  'thiết bị sai giờ, phiếu được đánh giá lại, phiếu qua điện thoại chưa gắn hồ sơ và phiếu đến ' +
  'sau khi chốt số liệu được lưu nhưng không tính vào tỷ lệ. Khoảng tin cậy 95% theo phương ' +
  'pháp Wilson.';

/** The report of `tally`, with its counters' figures when the node has counters. */
export function nodeReport(
  tally: NodeTally,
  counters: CounterTallyList | undefined,
  generatedOn: string,
): NodeReport {
  const sections = [sectorSection(tally, tally.minSample)];
  if (tally.children.length > 0) sections.push(childSection(tally));
  if (counters && counters.counters.length > 0) sections.push(counterSection(tally, counters));
  sections.at(-1)!.footer.push([], [text(READING_NOTE)]);
  const title = nodeReportTitle(tally.period.label);
  const subject = `Đơn vị: ${tally.node.name}`;
  return {
    heading: [title, subject, `Ngày lập: ${generatedOn}`],
    title,
    subject,
    period: tally.period.id,
    sections,
  };
}
