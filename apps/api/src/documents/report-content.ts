/**
 * The periodic report as a sequence of blocks — headings, paragraphs, tables, charts — with every
 * figure already written the Vietnamese way. The DOCX and the PDF only lay these blocks out, so the
 * two documents say exactly the same thing; what goes in which part, and in which order, is
 * decided here once.
 */
import {
  formatDateLine,
  formatMonth,
  formatNumber,
  formatPercent,
  RATE_VERDICT_LABELS,
  reportNarrative,
  reportSummaryLine,
  type RateVerdict,
} from '@hailong/domain';
import { sectorsChart, trendChart, type Chart } from './charts.ts';
import type { PeriodicReport, ReportRate, ReportRow, ReportSigner } from './report-data.ts';

export interface Column {
  header: string;
  /** Share of the text width; a table's shares add up to 1. */
  width: number;
  align: 'left' | 'center' | 'right';
}

/** A table row: its cells, or a group heading across the whole table. */
export type TableRow = { cells: string[] } | { group: string };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; columns: Column[]; rows: TableRow[] }
  | { kind: 'chart'; caption: string; chart: Chart };

export interface ReportContent {
  /** Cơ quan chủ quản and cơ quan ban hành, in capitals; the first may be absent. */
  agency: string | null;
  issuer: string;
  /** "Số:      /BC-TTPVHCC": the number is the office's to write. */
  number: string;
  nationalName: string;
  motto: string;
  dateLine: string;
  title: string;
  summary: string;
  body: Block[];
  /** "Nơi nhận" lines as printed: "- UBND tỉnh (để báo cáo);" … "- Lưu: VT, NV." */
  recipients: string[];
  signer: ReportSigner;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const pct = (ratio: number) => formatPercent(ratio, 'vi', 1);
const num = (n: number) => formatNumber(n, 'vi');
const upper = (text: string) => text.toLocaleUpperCase('vi');
const rateText = (r: { rate: number | null }) => (r.rate === null ? '–' : pct(r.rate));
const targetText = (r: { target: number | null }) => (r.target === null ? '–' : pct(r.target));
/** A verdict's cell: "Chưa đặt chỉ tiêu" where no one set a target to judge by. */
const verdictText = (v: RateVerdict | null) =>
  v === null ? NO_TARGET_LABEL : RATE_VERDICT_LABELS[v];
const NO_TARGET_LABEL = 'Chưa đặt chỉ tiêu';
/** "94,8%–95,6%": no spaces round the dash, so an interval keeps to one line of a cell. */
const intervalText = (r: ReportRate) =>
  r.interval ? `${pct(r.interval.low)}–${pct(r.interval.high)}` : '–';

/**
 * The order sectors are told in: met, close, not met, without a target, too few; the highest rate
 * first within.
 */
type Group = RateVerdict | 'no-target';
const VERDICT_ORDER: readonly Group[] = [
  'met',
  'not-significant',
  'not-met',
  'no-target',
  'too-few',
];
const GROUP_HEADINGS: Readonly<Record<Group, string>> = {
  met: 'Lĩnh vực đạt chỉ tiêu',
  'not-significant': 'Lĩnh vực chưa khác biệt có ý nghĩa so với chỉ tiêu',
  'not-met': 'Lĩnh vực chưa đạt chỉ tiêu',
  'no-target': 'Lĩnh vực chưa đặt chỉ tiêu',
  'too-few': 'Lĩnh vực chưa đủ phiếu để đánh giá',
};
const groupOf = (r: ReportRow): Group => r.verdict ?? 'no-target';

function orderedSectors(sectors: readonly ReportRow[]): ReportRow[] {
  return VERDICT_ORDER.flatMap((v) =>
    sectors
      .filter((s) => groupOf(s) === v)
      .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.total - a.total),
  );
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

function col(header: string, width: number, align: Column['align'] = 'center'): Column {
  return { header, width, align };
}

/** The blocks of `report`, its charts drawn. */
export function reportContent(report: PeriodicReport): ReportContent {
  const narrative = reportNarrative(report, report.issuer);
  const body: Block[] = [{ kind: 'paragraph', text: narrative.opening }];
  let section = 0;
  let tables = 0;
  let charts = 0;
  const heading = (text: string) =>
    body.push({ kind: 'heading', text: `${ROMAN[section++]}. ${text}` });
  const paragraph = (text: string | null) => text && body.push({ kind: 'paragraph', text });
  const table = (caption: string, columns: Column[], rows: TableRow[]) =>
    body.push({ kind: 'table', caption: `Bảng ${++tables}. ${caption}`, columns, rows });
  const chart = (caption: string, drawn: Chart) =>
    body.push({ kind: 'chart', caption: `Biểu đồ ${++charts}. ${caption}`, chart: drawn });

  const o = report.overall;
  heading('KẾT QUẢ CHUNG');
  paragraph(narrative.overall);
  table(
    'Kết quả chung',
    [
      col('Số phiếu được tính', 0.16),
      col('Số phiếu hài lòng', 0.16),
      col('Tỷ lệ hài lòng', 0.14),
      col('Khoảng tin cậy 95%', 0.2),
      col('Chỉ tiêu', 0.12),
      col('Đánh giá', 0.22),
    ],
    [
      {
        cells: [
          num(o.total),
          num(o.satisfied),
          rateText(o),
          intervalText(o),
          targetText(o),
          verdictText(o.verdict),
        ],
      },
    ],
  );
  if (report.trend.length > 0) {
    paragraph(narrative.trend);
    chart('Tỷ lệ hài lòng theo tháng', trendChart(report.trend, o.target, report.minSample));
    table(
      'Tỷ lệ hài lòng theo tháng',
      [col('Tháng', 0.3), col('Số phiếu', 0.3), col('Tỷ lệ hài lòng', 0.4)],
      report.trend.map((p) => ({
        cells: [
          formatMonth(p.month),
          num(p.total),
          p.total > 0 && p.total < report.minSample
            ? `${rateText(p)} (chưa đủ phiếu)`
            : rateText(p),
        ],
      })),
    );
  }

  if (report.sectors.length > 0) {
    heading('KẾT QUẢ THEO LĨNH VỰC');
    paragraph(narrative.sectors);
    const sectors = orderedSectors(report.sectors);
    chart('Tỷ lệ hài lòng theo lĩnh vực', sectorsChart(sectors));
    const rows: TableRow[] = [];
    let n = 0;
    for (const v of VERDICT_ORDER) {
      const group = sectors.filter((s) => groupOf(s) === v);
      if (group.length === 0) continue;
      rows.push({ group: `${GROUP_HEADINGS[v]} (${num(group.length)})` });
      for (const s of group) rows.push({ cells: [String(++n), ...rateCells(s)] });
    }
    table('Kết quả theo lĩnh vực', rateColumns('STT', 'Lĩnh vực'), rows);
  }

  if (report.units.length > 0) {
    heading('KẾT QUẢ CỦA CÁC ĐƠN VỊ');
    paragraph(narrative.units);
    table(
      'Xếp hạng các đơn vị theo tỷ lệ hài lòng (đơn vị có tỷ lệ bằng nhau đồng hạng)',
      rateColumns('Hạng', 'Đơn vị'),
      report.units.map((u) => ({
        cells: [u.rank === null ? '–' : String(u.rank), ...rateCells(u)],
      })),
    );
  }

  const f = report.feedback;
  heading('TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ');
  paragraph(narrative.feedback);
  const verdicts = f.accepted + f.notAccepted;
  const share = (part: number, whole: number) => (whole === 0 ? '–' : pct(part / whole));
  table(
    'Phản ánh, kiến nghị và ý kiến của người dân về câu trả lời',
    [col('Nội dung', 0.6, 'left'), col('Số lượng', 0.2), col('Tỷ lệ', 0.2)],
    [
      { cells: ['Phản ánh, kiến nghị tiếp nhận', num(f.received), '–'] },
      { cells: ['Trả lời đúng hạn', num(f.answeredOnTime), share(f.answeredOnTime, f.received)] },
      { cells: ['Quá hạn', num(f.overdue), share(f.overdue, f.received)] },
      { cells: ['Người dân chấp nhận câu trả lời', num(f.accepted), share(f.accepted, verdicts)] },
      {
        cells: [
          'Người dân không chấp nhận câu trả lời',
          num(f.notAccepted),
          share(f.notAccepted, verdicts),
        ],
      },
    ],
  );

  if (report.tt01) {
    const t = report.tt01;
    heading('ĐÁNH GIÁ THEO THÔNG TƯ SỐ 01/2018/TT-VPCP');
    paragraph(narrative.tt01);
    table(
      'Điểm các chỉ số theo Thông tư số 01/2018/TT-VPCP (tối đa 2 điểm mỗi chỉ số)',
      [
        col('Chỉ số', 0.1),
        col('Nội dung', 0.54, 'left'),
        col('Điểm', 0.16),
        col('Số phiếu, hồ sơ', 0.2),
      ],
      [
        ...t.rows.map((r) => ({
          cells: [
            String(r.indicator),
            r.label,
            r.points === null ? 'Chưa đo' : num(r.points),
            r.points === null ? '–' : num(r.n),
          ],
        })),
        {
          cells: ['', 'Tổng điểm các chỉ số đo được', `${num(t.total)}/${num(t.maxMeasured)}`, ''],
        },
        { cells: ['', 'Xếp loại', t.band ?? '–', ''] },
      ],
    );
  }

  heading('PHIẾU KHÔNG TÍNH VÀO TỶ LỆ HÀI LÒNG');
  paragraph(narrative.exclusions);
  const excluded = report.exclusions.reduce((sum, e) => sum + e.count, 0);
  table(
    'Phiếu được lưu giữ nhưng không tính vào tỷ lệ hài lòng, theo lý do',
    [col('Lý do', 0.7, 'left'), col('Số phiếu', 0.3)],
    [
      ...report.exclusions.map((e) => ({ cells: [e.label, num(e.count)] })),
      { cells: ['Tổng cộng', num(excluded)] },
    ],
  );
  paragraph(narrative.closing);

  const lines = report.recipients;
  return {
    agency: report.agency === null ? null : upper(report.agency),
    issuer: upper(report.issuer),
    number: `Số:        /${report.symbol}`,
    nationalName: NATIONAL_NAME,
    motto: MOTTO,
    dateLine: formatDateLine(report.place, report.signedOn),
    title: 'BÁO CÁO',
    summary: reportSummaryLine(report.period.label),
    body,
    recipients: lines.map((line, i) => `- ${line}${i === lines.length - 1 ? '.' : ';'}`),
    signer: {
      authority: report.signer.authority === null ? null : upper(report.signer.authority),
      title: upper(report.signer.title),
      name: report.signer.name,
    },
  };
}

function rateColumns(first: string, name: string): Column[] {
  return [
    col(first, 0.08),
    col(name, 0.25, 'left'),
    col('Số phiếu', 0.09),
    col('Hài lòng', 0.09),
    col('Tỷ lệ', 0.09),
    col('Khoảng tin cậy 95%', 0.16),
    col('Chỉ tiêu', 0.08),
    col('Đánh giá', 0.16),
  ];
}

function rateCells(r: ReportRow): string[] {
  return [
    r.name,
    num(r.total),
    num(r.satisfied),
    rateText(r),
    intervalText(r),
    targetText(r),
    verdictText(r.verdict),
  ];
}
