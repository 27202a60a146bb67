/**
 * The TT 01/2018 assessment table as an office files it: a title with the period and the node, one
 * row per officer, unit or sector with rank, answers, the nine indicators' points (empty where not
 * measured), the total and what it is out of, the band, the satisfaction rate and its interval, and
 * the dossiers; then the notes that say what was measured and the ranking rule. Numbers stay
 * numbers, so the API's figures read back to the last point.
 */
import ExcelJS from 'exceljs';
import type { AssessmentReport } from '@hailong/contracts';
import { INDICATOR_LABELS, INDICATORS, describeBands } from '@hailong/domain';
import { count, points, ratio, text, type Cell } from './cells.ts';
import { addSheet } from './tally-xlsx.ts';

const BY_LABEL = { officer: 'Cán bộ, công chức', unit: 'Đơn vị', sector: 'Lĩnh vực' } as const;
const BY_TITLE = { officer: 'theo cán bộ', unit: 'theo đơn vị', sector: 'theo lĩnh vực' } as const;

export const ASSESSMENT_HEADER = [
  'Hạng',
  'STT',
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

export function assessmentRows(report: AssessmentReport): Cell[][] {
  return report.rows.map((r, i) => [
    r.rank === null ? text('Chưa xếp hạng') : count(r.rank),
    count(i + 1),
    text(r.name),
    text(r.unitName ?? ''),
    count(r.answers),
    ...r.indicators.map((s) => points(s.points)),
    points(r.total),
    count(r.maxMeasured),
    text(r.band?.vi ?? '—'),
    ratio(r.rate),
    ratio(r.interval?.low ?? null),
    ratio(r.interval?.high ?? null),
    count(r.dossiers),
    count(r.ratedDossiers),
  ]);
}

export async function assessmentXlsx(report: AssessmentReport, generatedOn: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hailong';
  const notMeasured = report.notMeasured.map((i) => `CS${i}`).join(', ');
  addSheet(workbook, 'Đánh giá TT 01', {
    heading: [
      `Kết quả đánh giá việc giải quyết thủ tục hành chính ${BY_TITLE[report.by]} — ${report.period.label}`,
      report.node?.name ?? 'Toàn bộ phạm vi',
      `Theo Thông tư 01/2018/TT-VPCP; lập ngày ${generatedOn}`,
      '',
    ],
    header: ASSESSMENT_HEADER.map((h, i) => (i === 2 ? BY_LABEL[report.by] : h)),
    widths: [10, 6, 28, 24, 9, ...INDICATORS.map(() => 10), 10, 10, 12, 10, 10, 10, 9, 10],
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
      [
        text(
          notMeasured
            ? `Chỉ số không đo được (không có dữ liệu): ${notMeasured}.`
            : 'Đo được cả 9 chỉ số.',
        ),
      ],
      [text(`Không xếp hạng khi có dưới ${report.minAnswersToRank} phiếu đánh giá.`)],
      [text(`Xếp loại theo tổng điểm trên số điểm đo được: ${describeBands(report.bands, 'vi')}.`)],
      ...(report.rulesSet
        ? []
        : [
            [
              text(
                'Ngưỡng chấm điểm và xếp loại là đề xuất mặc định của hailong, tỉnh chưa đặt (HAILONG_ASSESSMENT_RULES_FILE).',
              ),
            ],
          ]),
    ],
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
