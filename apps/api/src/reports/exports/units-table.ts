/**
 * The monthly report per unit (tổng hợp hằng tháng) as the sections of a report, written by the
 * same tables as a node's report: "Tổng hợp kết quả đánh giá mức độ hài lòng tháng MM/YYYY", a
 * summary of every unit when there are several, then each unit's own answers per lĩnh vực with its
 * reasons, what was left out of the rate, and its phản ánh, kiến nghị answered on time.
 */
import type { UnitOwnTally, UnitsTally } from '@hailong/contracts';
import { blank, count, ratio, text, type Cell } from './cells.ts';
import {
  FIGURE_HEADER,
  FIGURE_WIDTHS,
  READING_NOTE,
  figureCells,
  nodeReportTitle,
  sectorSection,
  type NodeReport,
  type NodeSection,
} from './node-table.ts';

function feedbackLines(unit: UnitOwnTally): Cell[][] {
  const f = unit.feedback;
  return [
    [],
    [text('Phản ánh, kiến nghị tiếp nhận trong tháng'), count(f.received)],
    [text('Đã giải quyết'), count(f.answered)],
    [text('Giải quyết đúng hạn'), count(f.answeredOnTime)],
    [text('Quá hạn chưa giải quyết'), count(f.overdueOpen)],
    [text('Người dân chấp nhận câu trả lời'), count(f.accepted)],
    [text('Người dân chưa chấp nhận câu trả lời'), count(f.notAccepted)],
    [text('Tỷ lệ giải quyết đúng hạn'), ratio(f.rate)],
    [text('Điểm (TT 01/2018/TT-VPCP)'), f.score === null ? blank : count(f.score)],
  ];
}

/** One row per unit and the whole, for a report of several units. */
function summarySection(tally: UnitsTally): NodeSection {
  const unmet = new Set<number>();
  const rows = tally.units.map((unit, i) => {
    const { totals } = unit;
    if (totals.verdict === 'not-met') unmet.add(i);
    const note =
      totals.sectorsJudged > 0
        ? `${totals.sectorsMet}/${totals.sectorsJudged} lĩnh vực đạt chỉ tiêu`
        : '';
    return [count(i + 1), text(unit.unitName), ...figureCells(totals, tally.minSample, note)];
  });
  if (tally.overall.verdict === 'not-met') unmet.add(rows.length);
  rows.push([blank, text('Toàn bộ đơn vị'), ...figureCells(tally.overall, tally.minSample)]);
  return {
    title: 'Tổng hợp theo đơn vị',
    sheet: 'Tổng hợp',
    header: ['STT', 'Đơn vị', ...FIGURE_HEADER],
    widths: [6, 40, ...FIGURE_WIDTHS],
    rows,
    unmet,
    bold: new Set([rows.length - 1]),
    footer: [],
  };
}

/** The report of `tally`: a summary when several units, then each unit's own table. */
export function unitsReport(tally: UnitsTally, generatedOn: string): NodeReport {
  const several = tally.units.length > 1;
  const sections = tally.units.map((unit) => {
    const title = several ? unit.unitName : 'Kết quả theo lĩnh vực';
    const section = sectorSection(unit, tally.minSample, title, unit.unitName);
    section.footer.push(...feedbackLines(unit));
    return section;
  });
  if (several) sections.unshift(summarySection(tally));
  sections.at(-1)?.footer.push([], [text(READING_NOTE)]);
  const title = nodeReportTitle(tally.period.label);
  const subject = several
    ? `Đơn vị: Tất cả đơn vị (${tally.units.length})`
    : `Đơn vị: ${tally.units[0]?.unitName ?? ''}`;
  return {
    heading: [title, subject, `Ngày lập: ${generatedOn}`],
    title,
    subject,
    period: tally.period.id,
    sections,
  };
}
