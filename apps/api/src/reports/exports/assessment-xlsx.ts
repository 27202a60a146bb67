/**
 * The TT 01/2018 assessment table as an office files it: the shared header (sheet-header.ts), one
 * row per officer, unit or sector with its rank (ties share one, so the rank is the only order
 * column: a second "STT" repeated it), answers, the nine indicators' points, the total and
 * what it is out of, the band, the satisfaction rate and its interval, and the dossiers; then the
 * notes that say what was measured and the ranking rule. Numbers stay numbers, so the API's
 * figures read back to the last point; what nobody measured reads "—", never 0, and a row without
 * a rank says why.
 */
import ExcelJS from 'exceljs';
import type { AssessmentReport } from '@hailong/contracts';
import type { AssessmentRow } from '@hailong/contracts';
import { INDICATOR_LABELS, INDICATORS, describeBands, parsePeriod } from '@hailong/domain';
import { count, points, ratio, text, type Cell } from './cells.ts';
import { addSheet } from './xlsx-sheet.ts';
import { sheetHeading, type SheetParties } from './sheet-header.ts';

const BY_LABEL = { officer: 'Cán bộ, công chức', unit: 'Đơn vị', sector: 'Lĩnh vực' } as const;
const BY_TITLE = { officer: 'theo cán bộ', unit: 'theo đơn vị', sector: 'theo lĩnh vực' } as const;

export const ASSESSMENT_HEADER = [
  'Hạng',
  'Tên',
  'Thuộc',
  'Số phiếu',
  ...INDICATORS.map((i) => `CS${i}. ${INDICATOR_LABELS[i].vi}`),
  'Tổng điểm',
  'Điểm tối đa đo được',
  'Xếp loại',
  'Tỷ lệ hài lòng',
  'Khoảng tin cậy 95% (thấp)',
  'Khoảng tin cậy 95% (cao)',
  'Số hồ sơ',
  'Hồ sơ có phiếu đánh giá',
];

const DASH = text('—');
const codes = (indicators: readonly number[]) => indicators.map((i) => `CS${i}`).join(', ');

/** The rank, or why there is none; a dash for a reader who sees only their own row. */
function rankCell(r: AssessmentRow, minAnswers: number): Cell {
  if (r.rank !== null) return count(r.rank);
  switch (r.unranked) {
    case 'no_total':
      return text('Chưa xếp hạng: chưa có tổng điểm');
    case 'few_indicators':
      return text('Chưa xếp hạng: chưa đủ chỉ số');
    case 'few_answers':
      return text(`Chưa xếp hạng: dưới ${minAnswers} phiếu`);
    default:
      return DASH;
  }
}

export function assessmentRows(report: AssessmentReport): Cell[][] {
  return report.rows.map((r) => [
    rankCell(r, report.minAnswersToRank),
    text(r.name),
    text(r.unitName ?? ''),
    count(r.answers),
    ...r.indicators.map((s) => (s.points === null ? DASH : points(s.points))),
    r.total === null ? DASH : points(r.total),
    r.maxMeasured === 0 ? DASH : count(r.maxMeasured),
    r.band
      ? text(r.band.vi)
      : r.total !== null && r.missing.length > 0
        ? text(`Chưa xếp loại (thiếu ${codes(r.missing)})`)
        : DASH,
    ratio(r.rate),
    ratio(r.interval?.low ?? null),
    ratio(r.interval?.high ?? null),
    count(r.dossiers),
    count(r.ratedDossiers),
  ]);
}

/** The column that names the row: an officer, a unit or a sector. */
export const ASSESSMENT_NAME_COLUMN = ASSESSMENT_HEADER.indexOf('Tên');

export async function assessmentXlsx(report: AssessmentReport, parties: SheetParties) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hailong';
  workbook.created = new Date(parties.createdAt);
  const notMeasured = codes(report.notMeasured);
  const unitFigure = report.rows.some((r) =>
    r.indicators.some((s) => s.points !== null && !s.inTotal),
  );
  addSheet(workbook, 'Đánh giá TT 01', {
    heading: sheetHeading(
      parties,
      `Kết quả đánh giá việc giải quyết thủ tục hành chính ${BY_TITLE[report.by]} — ${report.period.label}`,
      parsePeriod(report.period.id)!,
      `${report.node?.name ?? 'Toàn bộ phạm vi'} · Theo Thông tư 01/2018/TT-VPCP`,
    ),
    header: ASSESSMENT_HEADER.map((h, i) =>
      i === ASSESSMENT_NAME_COLUMN ? BY_LABEL[report.by] : h,
    ),
    widths: [10, 28, 24, 9, ...INDICATORS.map(() => 10), 10, 10, 12, 10, 10, 10, 9, 10],
    rows: assessmentRows(report),
    unmet: new Set(),
    bold: new Set(),
    verdictColumn: 0,
    footer: [
      [
        text(
          `Tổng điểm là tổng điểm trung bình của các chỉ số đo được, trên số điểm tối đa của các chỉ số đó (mỗi chỉ số 2 điểm).`,
        ),
      ],
      ...(unitFigure
        ? [
            [
              text(
                'CS8 (phản ánh, kiến nghị) là số liệu của cả đơn vị: ghi để tham khảo, không cộng vào tổng điểm, để kết quả của một đơn vị như nhau dù xem theo cán bộ, đơn vị hay lĩnh vực.',
              ),
            ],
          ]
        : []),
      [
        text(
          notMeasured
            ? `Chỉ số không đo được (không có dữ liệu): ${notMeasured}.`
            : 'Đo được cả 9 chỉ số.',
        ),
      ],
      [
        text(
          report.requiredForBand.length > 0
            ? `Xếp loại theo tổng điểm trên số điểm đo được, khi đo được ${codes(report.requiredForBand)}: ${describeBands(report.bands, 'vi')}.`
            : `Xếp loại theo tổng điểm trên số điểm đo được: ${describeBands(report.bands, 'vi')}.`,
        ),
      ],
      [
        text(
          report.ownRowOnly
            ? 'Bảng chỉ có kết quả của người tải về nên không xếp hạng.'
            : `Chỉ xếp hạng khi đã xếp loại và có từ ${report.minAnswersToRank} phiếu đánh giá; tổng điểm bằng nhau thì cùng hạng.`,
        ),
      ],
      ...(report.rulesSet
        ? []
        : [
            [
              text(
                'Ngưỡng chấm điểm và xếp loại là đề xuất mặc định của hailong: chưa có quy tắc chấm điểm do tỉnh ban hành.',
              ),
            ],
          ]),
    ],
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
